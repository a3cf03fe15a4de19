using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

public sealed class PolicyGateTests
{
    [Fact]
    public void ScopeAllBranches_GatesAHumanBranch()
    {
        using var repo = TestRepository.Create("{ \"scope\": \"all-branches\" }");
        repo.Branch("feature/login").Write("src/Login.cs", "class Login { }\n").Commit("Add login");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal("the policy's scope is all-branches", verdict.GatedBecause);
    }

    [Fact]
    public void PolicyRelaxedOnTheBranch_IsIgnoredAndSaysTheBasesCopyWasUsed()
    {
        using var repo = TestRepository.Create("{ \"scope\": \"all-branches\" }");
        repo.Branch("feature/login").Write(".checkpoint/policy.json", "{ \"scope\": \"agent-branches\" }").Commit("Relax the gate");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Contains(".checkpoint/policy.json differs on this branch; the base's copy was used", verdict.Notices);
    }

    [Fact]
    public void MalformedPolicyOnTheBase_FailsClosedWithChk106()
    {
        using var repo = TestRepository.Create("{ \"scope\": \"some-branches\" }");
        repo.Branch("feature/login").Write("src/Login.cs", "class Login { }\n").Commit("Add login");

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate());
        Assert.Contains("\"scope\" is \"some-branches\"", error.Text);
        Assert.Contains(".checkpoint/policy.json@", error.Text);
    }

    [Fact]
    public void PolicyAgentPrefix_AddsToTheDefaults()
    {
        using var repo = TestRepository.Create("{ \"agentBranchPrefixes\": [\"bot/\"] }");
        repo.Branch("bot/update").Write("src/Login.cs", "class Login { }\n").Commit("Update");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal("branch 'bot/update' matches agent prefix 'bot/'", verdict.GatedBecause);
    }

    [Fact]
    public void PolicyRepositoryIdentity_IsWhatApprovalsMustName()
    {
        using var repo = TestRepository.Create("{ \"repository\": \"https://github.com/Contoso/App.git\" }");
        repo.Branch("copilot/x").Write("src/Login.cs", "class Login { }\n").Commit("Update", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal("github.com/contoso/app", verdict.Repository);
    }

    [Fact]
    public void SymlinkedCheckpointFolderOnTheBase_FailsClosed()
    {
        using var repo = TestRepository.Create();
        Directory.Move(Path.Combine(repo.Root, ".checkpoint"), Path.Combine(repo.Root, "trust"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint"), "trust");
        repo.Commit("Keep trust elsewhere");
        repo.PushMain();
        repo.Branch("copilot/x").Write("src/Login.cs", "class Login { }\n").Commit("Update", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate());
        Assert.Contains("not a directory", error.Text);
    }

    [Fact]
    public void AgentSignalsFromTheEnvironment_AreNamed()
    {
        using var repo = TestRepository.Create();
        repo.Branch("feature/x").Write("src/Login.cs", "class Login { }\n").Commit("Update");

        Assert.Equal("CHECKPOINT_AGENT is set", repo.Evaluate(new Dictionary<string, string?> { ["CHECKPOINT_AGENT"] = "1" }).GatedBecause);
        Assert.Equal(
            "CI actor GITHUB_ACTOR='copilot-swe-agent[bot]' matches agent identity 'copilot-swe-agent[bot]'",
            repo.Evaluate(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_ACTOR"] = "copilot-swe-agent[bot]" }).GatedBecause);
    }

    [Fact]
    public void AgentTrailerInAnyCommitOfTheRange_GatesAHumanNamedBranch()
    {
        using var repo = TestRepository.Create();
        repo.Branch("fix/typo").Write("a.txt", "a\n").Commit("Human start");
        var agentCommit = repo.Write("b.txt", "b\n").Commit("Refactor\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n");
        repo.Write("c.txt", "c\n").Commit("Human finish\n\nSigned-off-by: Hana Human <hana@example.com>\n");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal($"commit {agentCommit[..12]} has trailer 'Co-authored-by: Claude <noreply@anthropic.com>' matching agent identity 'noreply@anthropic.com'", verdict.GatedBecause);
    }

    [Fact]
    public void AgentAuthorOnAHumanNamedBranch_IsGated()
    {
        using var repo = TestRepository.Create();
        repo.Branch("fix/typo").Write("a.txt", "a\n").Commit("Fix", "devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>");

        Assert.Contains("has author 'devin-ai-integration[bot]", repo.Evaluate().GatedBecause);
    }
}
