using System.Text.Json;
using Checkpoint.Core.Gate;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>`checkpoint verify`, driven through the installed tool, for every verdict it can reach.</summary>
[Collection(InstalledToolForVerdictsCollection.Name)]
public sealed class VerifyTests(InstalledTool tool)
{
    [Fact]
    public void AgentBranchWithoutApproval_FailsWithChk100AndExitCode1()
    {
        using var repository = ToolScenario.WithAgentBranch();

        var result = tool.Run(repository.Root, null, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CHK100:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("checkpoint approve", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void GithubFormat_EmitsOneErrorAnnotationPerMessage()
    {
        using var repository = ToolScenario.WithAgentBranch();

        var result = tool.Run(repository.Root, null, "verify", "--format", "github");

        Assert.Equal(1, result.ExitCode);
        var annotation = Assert.Single(result.StandardOutput.Split('\n'), line => line.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error title=CHK100::branch 'copilot/fix-typo'", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public void HumanBranch_IsNotGatedAndPasses()
    {
        using var repository = ToolScenario.WithAgentBranch(branch: "feature/answer");

        var result = tool.Run(repository.Root, null, "verify", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("not-gated", json.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void ApprovedBranch_PassesAndNamesTheApprover()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);

        var result = tool.Run(repository.Root, null, "verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("checkpoint: approved by alice@example.com", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitAfterApproval_FailsWithChk101NamingTheFile()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);
        repository.Write("src/Cleanup.cs", "class Cleanup { }\n");
        repository.Commit("One more thing", ToolScenario.Agent);

        var result = tool.Run(repository.Root, null, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CHK101:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("src/Cleanup.cs", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedSignature_FailsWithChk102()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);
        var manifest = Directory.GetFiles(Path.Combine(repository.Root, ".checkpoint", "approvals"), "*.json").Single();
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("alice@example.com", "alice@example.org"));
        repository.Commit("Edit the approval", ToolScenario.Agent);

        var result = tool.Run(repository.Root, null, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CHK102", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void SignerOutsideTheBasesAllowedSigners_FailsWithChk103()
    {
        using var repository = ToolScenario.WithAgentBranch();
        var mallory = repository.CreateKey("mallory", "mallory@example.com");
        SignManually(repository, mallory, DateTimeOffset.UtcNow);

        var result = tool.Run(repository.Root, null, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CHK103", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalOlderThanThePolicyAllows_FailsWithChk104()
    {
        using var repository = ToolScenario.WithAgentBranch();
        SignManually(repository, SshKey.Alice, DateTimeOffset.UtcNow.AddDays(-20));

        var result = tool.Run(repository.Root, null, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CHK104", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ShallowClone_FailsWithChk105AskingForFullHistory()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.Git("push", "-q", "origin", "copilot/fix-typo");
        var shallow = Path.Combine(repository.Folder, "shallow");
        ProcessRunner.RunChecked("git", ["clone", "-q", "--depth", "1", "--no-single-branch", "file://" + repository.OriginPath, shallow], repository.Folder);
        ProcessRunner.RunChecked("git", ["checkout", "-q", "copilot/fix-typo"], shallow);

        var result = tool.Run(shallow, null, "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CHK105", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderOutsideGitInCi_FailsWithChk106AndExitCode2()
    {
        var folder = Directory.CreateTempSubdirectory("checkpoint-not-a-repo-").FullName;
        try
        {
            var result = tool.Run(folder, ProcessEnvironment.Local(new Dictionary<string, string?> { ["CI"] = "true" }), "verify");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("CHK106", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void FolderOutsideGitLocally_CannotVerifyAndExitsWith2()
    {
        var folder = Directory.CreateTempSubdirectory("checkpoint-not-a-repo-").FullName;
        try
        {
            var result = tool.Run(folder, null, "verify", "--format", "json");

            Assert.Equal(2, result.ExitCode);
            using var json = JsonDocument.Parse(result.StandardOutput);
            Assert.Equal("gate-unavailable", json.RootElement.GetProperty("outcome").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TwoApproversRequired_OneIsChk107AndTheSecondPasses()
    {
        using var repository = ToolScenario.WithAgentBranch(requiredApprovers: 2);
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);

        var afterOne = tool.Run(repository.Root, null, "verify");
        repository.ActAs(SshKey.Bob);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Bob.PrivateKeyPath, "--yes", "--no-build").ExitCode);
        var afterTwo = tool.Run(repository.Root, null, "verify");

        Assert.Equal(1, afterOne.ExitCode);
        Assert.Contains("CHK107", afterOne.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, afterTwo.ExitCode);
        Assert.Contains("alice@example.com", afterTwo.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("bob@example.com", afterTwo.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedPolicyOnTheBase_IsAnEnvironmentErrorWithOneLine()
    {
        using var repository = ToolScenario.WithAgentBranch(policy: "{ \"scope\": \"sometimes\" }");

        var result = tool.Run(repository.Root, null, "verify");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("scope", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("approved")]
    [InlineData("changed-after-approval")]
    [InlineData("human-branch")]
    [InlineData("shallow-free-ci")]
    public void InstalledVerify_GivesExactlyTheGatesVerdict(string scenario)
    {
        using var repository = ToolScenario.WithAgentBranch(branch: scenario == "human-branch" ? "feature/x" : "copilot/fix-typo");
        var environment = ProcessEnvironment.Local(scenario == "shallow-free-ci"
            ? new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_BASE_REF"] = "main", ["GITHUB_HEAD_REF"] = "copilot/fix-typo" }
            : null);
        if (scenario is "approved" or "changed-after-approval")
        {
            repository.ActAs(SshKey.Alice);
            Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);
        }

        if (scenario == "changed-after-approval")
        {
            repository.Write("README.md", "changed\n");
            repository.Commit("Change after approval", ToolScenario.Agent);
        }

        var inProcess = CheckpointGate.Evaluate(new GateRequest(repository.Root) { Environment = environment, Now = DateTimeOffset.UtcNow });
        var installed = tool.Run(repository.Root, environment, "verify", "--format", "json");

        using var json = JsonDocument.Parse(installed.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(inProcess.Passed, root.GetProperty("passed").GetBoolean());
        Assert.Equal(inProcess.Outcome switch
        {
            GateOutcome.Approved => "approved",
            GateOutcome.NotGated => "not-gated",
            GateOutcome.GateUnavailable => "gate-unavailable",
            _ => "failed",
        }, root.GetProperty("outcome").GetString());
        Assert.Equal(inProcess.Digest, root.GetProperty("digest").GetString());
        Assert.Equal(
            inProcess.Messages.Select(m => (m.Code, m.Text)).ToArray(),
            root.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("code").GetString() ?? string.Empty, m.GetProperty("text").GetString()!)).ToArray());
        Assert.Equal(inProcess.Passed ? 0 : 1, installed.ExitCode);
    }

    /// <summary>The manual route of docs/approving.md: Core's manifest signed with plain ssh-keygen, committed.</summary>
    private static void SignManually(TestRepository repository, SshKey key, DateTimeOffset createdAt) =>
        repository.Approve(key, repository.ManifestFor(key, createdAt, TimeSpan.FromDays(30)).Serialize(), name: "manual");
}
