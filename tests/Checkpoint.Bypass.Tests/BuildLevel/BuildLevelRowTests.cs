namespace Checkpoint.Bypass.Tests.BuildLevel;

/// <summary>
/// Rows 5, 6, 7 and 8 through real builds of a consumer of the packed package (and, for row 8,
/// the real `checkpoint verify`). Every branch is an agent branch without an approval.
/// </summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class BuildLevelRowTests : IClassFixture<ConsumerBuilds>
{
    private readonly ConsumerBuilds _builds;

    public BuildLevelRowTests(ConsumerBuilds builds) => _builds = builds;

    [Fact]
    public void Row05_Suppressions_DoSilenceTheAnalyzer_WhenTheGateIsSkippedLocally()
    {
        // The control: each mechanism really hides CHK001, and only the unsuppressed project reports it.
        var build = _builds.SuppressionsLocalWithGateSkipped;

        var chk001 = BuildOutput.Errors(build.Output).Where(e => e.Code == "CHK001").Select(e => ProjectOf(e.File)).Distinct().ToList();
        Assert.True(chk001.SequenceEqual(["Unsuppressed"]), build.ToString());
        Assert.DoesNotContain(BuildOutput.Errors(build.Output), e => e.Code == "CHK100");
        Assert.All(ConsumerBuilds.SuppressedProjects, p => Assert.Contains($"{p}.dll", build.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pragma")]
    [InlineData("SuppressMessage")]
    [InlineData("EditorConfig")]
    [InlineData("NoWarn")]
    public void Row05_SuppressedAnalyzer_StillFailsTheGateWithChk100InCi(string mechanism)
    {
        var build = _builds.SuppressionsInCi;

        Assert.False(build.Succeeded, build.ToString());
        Assert.True(
            build.Output.Split('\n').Any(l => l.Contains("error CHK100", StringComparison.Ordinal) && l.Contains($"{mechanism}/{mechanism}.csproj", StringComparison.Ordinal)),
            $"expected CHK100 for {mechanism}.csproj:\n{build}");
        // The compiler runs (its diagnostics are part of the report); its output is never copied.
        Assert.DoesNotContain($"{mechanism} -> ", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Row06_PropertyOptOuts_AreHonouredLocally()
    {
        // The control: without CI the same switches do skip the gate, so the CI failure below is the task refusing them.
        var builds = _builds.OptOuts;

        Assert.True(builds.LocalWithPropertyOptOuts.Succeeded, builds.LocalWithPropertyOptOuts.ToString());
        Assert.Contains("Checkpoint gate skipped in this local build", builds.LocalWithPropertyOptOuts.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Row06_PropertyOptOuts_DoNotPassInCi()
    {
        var build = _builds.OptOuts.CiWithPropertyOptOuts;

        // No "ignored in CI" line to look for: with DesignTimeBuild=true among them the task stays quiet, as IDE builds want.
        AssertGateFailed(build, "CHK100");
    }

    [Fact]
    public void Row06_EnvironmentVariableOptOuts_DoNotPassInCi()
    {
        AssertGateFailed(_builds.OptOuts.CiWithVariableOptOuts, "CHK100");
    }

    [Fact]
    public void Row06_ProjectItemsThatLookLikeAPassingVerdict_DoNotPassInCi()
    {
        // The gate target hands the verdict between its tasks in items; a project that defines those
        // items first must neither pass nor change the reason it fails.
        AssertGateFailed(_builds.InjectedVerdictBuildInCi, "CHK100");
    }

    [Fact]
    public void Row27_PropertyOptOuts_DoNotPassOnAMachineThatEnforcesCi()
    {
        // No CI variable at all: CHECKPOINT_ENFORCE, set on the agent image, is enough.
        AssertGateFailed(_builds.OptOuts.EnforcedMachineWithPropertyOptOuts, "CHK100");
    }

    [Fact]
    public void Row27_PropertyOptOuts_DoNotPassOnJenkins()
    {
        // Jenkins sets JENKINS_URL, not CI: recognised by its own variable.
        AssertGateFailed(_builds.OptOuts.JenkinsWithPropertyOptOuts, "CHK100");
    }

    [Fact]
    public void Row07_BaseRefPropertyOverride_LosesToThePullRequestTargetInCi()
    {
        var build = _builds.OptOuts.CiPullRequestWithBaseRefOverride;

        AssertGateFailed(build, "CHK100");
        Assert.Contains("refs/remotes/origin/main", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Row08_DirectoryBuildTargetsReplacingTheGate_IsCaughtByCheckpointVerify()
    {
        var verify = _builds.GateOverriddenVerifyInCi;

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("CHK100", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Row08_DirectoryBuildTargetsReplacingTheGate_IsNotCaughtByTheBuild()
    {
        // The boundary the threat model states: a branch can stop its own build from running the gate.
        // If this starts failing, the build closed row 8 and docs/threat-model.md should say so.
        var build = _builds.GateOverriddenBuildInCi;

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain(BuildOutput.Errors(build.Output), e => e.Code.StartsWith("CHK", StringComparison.Ordinal));
    }

    [Fact]
    public void Row08_PackageReferenceRemoved_IsCaughtByCheckpointVerify()
    {
        var verify = _builds.PackageRemovedVerifyInCi;

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("CHK100", verify.Output, StringComparison.Ordinal);
    }

    private static void AssertGateFailed(ProcessResult build, string code)
    {
        Assert.False(build.Succeeded, build.ToString());
        Assert.True(BuildOutput.Errors(build.Output).Any(e => e.Code == code), $"expected {code}:\n{build}");
    }

    private static string ProjectOf(string file) =>
        Path.GetFileName(Path.GetDirectoryName(file)) ?? file;
}
