using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>
/// Rows 27 and 28: CI is recognised by each CI system's own variables, or forced by the machine
/// (CHECKPOINT_ENFORCE); in CI nothing lets the build skip the gate, and sources without .git fail.
/// Row 27's opt-outs through a real build are in <see cref="BuildLevel.BuildLevelRowTests"/>.
/// </summary>
public sealed class CiEnvironmentRowTests
{
    public static TheoryData<string, string> CiMachines() => new()
    {
        { "JENKINS_URL", "https://jenkins.example.com/" },
        { "TEAMCITY_VERSION", "2025.07" },
        { "BUILDKITE", "true" },
        { "CIRCLECI", "true" },
        { "BITBUCKET_BUILD_NUMBER", "17" },
        { "TRAVIS", "true" },
        { "APPVEYOR", "True" },
        { "DRONE", "true" },
        { "CI", "woodpecker" },
        { "CHECKPOINT_ENFORCE", "1" },
    };

    [Theory]
    [MemberData(nameof(CiMachines))]
    public void Row27_WorkingTreeChangedAfterCheckout_FailsOnEveryCiSystem(string variable, string value)
    {
        // What "in CI" changes: a tracked file that differs from HEAD fails instead of warning.
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        File.AppendAllText(Path.Combine(repo.Root, "src/App.cs"), "// rewritten by a pre-build step\n");

        var verdict = repo.Evaluate(new Dictionary<string, string?> { [variable] = value });

        Assert.True(verdict.IsCi);
        VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, verdict);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    public void Row27_EnforceSwitchedOffOnTheMachine_IsALocalBuild(string value)
    {
        using var repo = Scenario.AgentChange();

        Assert.False(repo.Evaluate(new Dictionary<string, string?> { ["CHECKPOINT_ENFORCE"] = value }).IsCi);
    }

    [Theory]
    [MemberData(nameof(CiMachines))]
    public void Row28_SourcesWithoutGitInCi_FailWithChk106(string variable, string value)
    {
        var folder = Directory.CreateTempSubdirectory("checkpoint-no-git-").FullName;
        try
        {
            var verdict = CheckpointGate.Evaluate(new GateRequest(folder) { Environment = new Dictionary<string, string?> { [variable] = value } });

            var error = VerdictAssert.FailsWith(GateCodes.GateUnavailable, verdict);
            Assert.Contains($"CI detected through {variable}", error.Text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Row28_SourcesWithoutGitOutsideCi_AreOneWarning()
    {
        var folder = Directory.CreateTempSubdirectory("checkpoint-no-git-").FullName;
        try
        {
            var verdict = CheckpointGate.Evaluate(new GateRequest(folder) { Environment = Scenario.Local });

            VerdictAssert.Outcome(GateOutcome.GateUnavailable, verdict);
            Assert.Equal(GateSeverity.Warning, Assert.Single(verdict.Messages).Severity);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
