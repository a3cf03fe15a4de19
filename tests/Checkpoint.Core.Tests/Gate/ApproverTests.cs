using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

public sealed class ApproverTests
{
    private const string TwoApprovers = "{ \"requiredApprovers\": 2 }";

    [Fact]
    public void OneApproverWhenPolicyRequiresTwo_FailsWithChk107()
    {
        using var repo = TestRepository.Create(TwoApprovers, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var error = VerdictAssert.FailsWith("CHK107", repo.Evaluate());
        Assert.Contains("1 distinct approver(s) (alice@example.com) but the policy requires 2", error.Text);
    }

    [Fact]
    public void TwoDistinctApprovers_Pass()
    {
        using var repo = TestRepository.Create(TwoApprovers, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.Bob);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(new[] { "alice@example.com", "bob@example.com" }, verdict.Approvers);
        var line = Assert.Single(verdict.Messages);
        Assert.Equal((string.Empty, GateSeverity.Info), (line.Code, line.Severity));
        Assert.Equal($"Checkpoint: approved by alice@example.com, bob@example.com (diff {verdict.Digest} against refs/remotes/origin/main; gated because branch 'claude/feature' matches agent prefix 'claude/')", line.Text);
    }

    [Fact]
    public void SameApproverTwice_CountsOnce()
    {
        using var repo = TestRepository.Create(TwoApprovers, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "alice-1");
        repo.Approve(SshKey.Alice, name: "alice-2");

        VerdictAssert.FailsWith("CHK107", repo.Evaluate());
    }

    [Fact]
    public void ApproverWhoAuthoredACommitInTheRange_IsRejectedWithChk107()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var own = repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Alice tweaks it", "Alice <alice@example.com>");
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        Assert.Equal(GateOutcome.Failed, verdict.Outcome);
        Assert.All(verdict.Errors, e => Assert.Equal("CHK107", e.Code));
        Assert.Contains(verdict.Errors, e => e.Text.Contains(own[..12], StringComparison.Ordinal) && e.Text.Contains("alice@example.com", StringComparison.Ordinal));
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void ApproverWhoOnlyCommittedApprovals_StillCounts()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, committer: "alice <alice@example.com>");

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void StaleApprovalNextToAFreshOne_IsReportedButDoesNotFail()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "first");
        repo.Write("src/Feature.cs", "class Feature { int x; }\n").Commit("Change", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "second");

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Contains(verdict.Approvals, a => !a.Valid && a.Code == "CHK101" && a.Path.EndsWith("first.json", StringComparison.Ordinal));
    }

    [Fact]
    public void UncommittedApproval_FailsWithChk100SayingCommitThem()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, commit: false);

        var error = VerdictAssert.FailsWith("CHK100", repo.Evaluate());
        Assert.Contains("commit them", error.Text);
    }

    [Fact]
    public void WorkingTreeDifferingFromHead_FailsInCiAndWarnsLocally()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Write("src/Feature.cs", "class Feature { void Unapproved() { } }\n");

        var local = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.Approved, local);
        Assert.Contains(local.Messages, m => m.Severity == GateSeverity.Warning && m.Code == "CHK101" && m.Text.Contains("src/Feature.cs", StringComparison.Ordinal));

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_HEAD_REF"] = "claude/feature", ["GITHUB_BASE_REF"] = "main" }));
        Assert.Contains("working tree differs from HEAD", error.Text);
    }

    [Fact]
    public void EcdsaAndRsaKeys_CanApprove()
    {
        using var repo = TestRepository.Create(TwoApprovers, SshKey.EcdsaCarol, SshKey.RsaDave);
        repo.Branch("codex/change").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.EcdsaCarol);
        repo.Approve(SshKey.RsaDave);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(2, verdict.Approvers.Count);
    }
}
