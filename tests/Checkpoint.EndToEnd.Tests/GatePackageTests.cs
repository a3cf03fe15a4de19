namespace Checkpoint.EndToEnd.Tests;

/// <summary>End to end: the gate as a consumer repository gets it from the package.</summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class GatePackageTests
{
    private const string NoOffSwitch = "-p:CheckpointGateEnabled=false";

    [Fact]
    public void AgentBranch_FailsWithChk100InCi_PassesOnceAHumanSigns_AndFailsWithChk101AfterAnotherCommit()
    {
        var repository = GatedRepository.Create("gated-shop");
        var shop = repository.Consumer;
        // 1. No approval: CI fails, and the agent's off switches are ignored there.
        var unapproved = shop.RestoreAndBuild(GatedRepository.Solution, ci: true, "-v:n", NoOffSwitch, "-p:CheckpointSkip=true");

        Assert.False(unapproved.Succeeded, unapproved.ToString());
        var chk100 = BuildOutput.Errors(unapproved.Output).Where(e => e.Code == "CHK100").ToList();
        var reason = Assert.Single(chk100, e => e.Message.Contains("needs a signed approval", StringComparison.Ordinal));
        Assert.Contains(GatedRepository.Branch, reason.Message, StringComparison.Ordinal);
        Assert.Contains("is ignored in CI", unapproved.Output, StringComparison.Ordinal);
        Assert.Equal(1, BuildOutput.CountLines(unapproved.Output, GateLog.Evaluated));
        Assert.DoesNotContain(BuildOutput.Errors(unapproved.Output), e => e.Code == "CHK106");

        // 2. Alice signs the diff with plain ssh-keygen and commits the approval: CI passes, once.
        (var digest, var identity) = GatedRepository.ReadApprovalRequest(reason);
        repository.AliceApproves(digest, identity);
        var approved = shop.Build(GatedRepository.Solution, ci: true, "-v:n");

        Assert.True(approved.Succeeded, approved.ToString());
        Assert.Contains("approved by " + GatedRepository.Approver, approved.Output, StringComparison.Ordinal);
        Assert.Equal(1, BuildOutput.CountLines(approved.Output, GateLog.Evaluated));
        Assert.Contains("Core.dll", approved.Output, StringComparison.Ordinal);
        Assert.Contains("Web.dll", approved.Output, StringComparison.Ordinal);
        Assert.Contains("Jobs.dll", approved.Output, StringComparison.Ordinal);

        // On one node, only the first project asks the shared project; the others reuse what it received.
        var oneNode = shop.Build(GatedRepository.Solution, ci: true, "-v:d", "-m:1");
        Assert.True(oneNode.Succeeded, oneNode.ToString());
        Assert.Equal(1, BuildOutput.CountLines(oneNode.Output, GateLog.Evaluated));
        Assert.Equal(2, BuildOutput.CountLines(oneNode.Output, GateLog.VerdictReused + " Approved"));

        // 3. The agent pushes one more commit: the approval no longer matches the diff.
        repository.AgentCommits("Jobs/Nightly.cs", "namespace Jobs;\n\npublic static class Nightly\n{\n    public static int Hour => 3;\n}\n", "Run the nightly job later");
        var changed = shop.Build(GatedRepository.Solution, ci: true);

        Assert.False(changed.Succeeded, changed.ToString());
        var mismatch = Assert.Single(BuildOutput.Errors(changed.Output), e => e.Code == "CHK101" && e.FileName == "alice-fix-typo.json");
        Assert.Contains(digest, mismatch.Message, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(mismatch.File), "the approval file is named by its full path: " + mismatch.File);
    }

    [Fact]
    public void UnapprovedAgentBranch_FailsLocally_ButDesignTimeBuildsAndLocalOptOutSkipTheGate()
    {
        var repository = GatedRepository.Create("design-time-shop");
        var shop = repository.Consumer;
        var local = shop.RestoreAndBuild("Jobs/Jobs.csproj", ci: false, "-v:n");
        var designTime = shop.Build("Jobs/Jobs.csproj", ci: false, "-v:n", "-p:DesignTimeBuild=true");
        var optedOut = shop.Build("Jobs/Jobs.csproj", ci: false, "-v:n", NoOffSwitch);

        Assert.False(local.Succeeded, local.ToString());
        Assert.Contains(BuildOutput.Errors(local.Output), e => e.Code == "CHK100");
        Assert.True(designTime.Succeeded, designTime.ToString());
        Assert.Equal(0, BuildOutput.CountLines(designTime.Output, GateLog.Evaluated));
        Assert.True(optedOut.Succeeded, optedOut.ToString());
        Assert.Equal(0, BuildOutput.CountLines(optedOut.Output, GateLog.Evaluated));
    }

    [Fact]
    public void InCi_PropertiesTheBranchSets_NeitherSkipTheGateNorMoveItsBase()
    {
        var repository = GatedRepository.Create("ci-no-off-switch");
        // The agent measures its diff against its own pushed branch: an empty diff, and trust files read from itself.
        repository.AgentCommits("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <CheckpointBaseRef>copilot/fix-typo</CheckpointBaseRef>
                <CheckpointGateEnabled>false</CheckpointGateEnabled>
              </PropertyGroup>
            </Project>
            """, "Build faster");
        repository.PushBranch();

        var build = repository.Consumer.RestoreAndBuild("Jobs/Jobs.csproj", ci: true, "-v:n", "-p:DesignTimeBuild=true", "-p:CheckpointSkip=true");

        Assert.False(build.Succeeded, build.ToString());
        var reason = Assert.Single(BuildOutput.Errors(build.Output), e => e.Code == "CHK100" && e.Message.Contains("needs a signed approval", StringComparison.Ordinal));
        Assert.Contains("against refs/remotes/origin/main", reason.Message, StringComparison.Ordinal);
        Assert.Contains("CheckpointBaseRef 'copilot/fix-typo' was ignored", build.Output, StringComparison.Ordinal);
        Assert.Equal(1, BuildOutput.CountLines(build.Output, GateLog.Evaluated));
    }
}
