using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>
/// The lines a verdict shows beside its outcome: how loud each rejected approval is once enough
/// others count, the approver count that names nobody, the working-tree list and its two wordings,
/// the branch that is behind its base, and the notice for a server that does not protect the ref.
/// </summary>
public sealed class VerdictLinesTests
{
    private static readonly Dictionary<string, string?> PullRequest = new()
    {
        ["CI"] = "true",
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_HEAD_REF"] = "claude/feature",
        ["GITHUB_BASE_REF"] = "main",
    };

    [Fact]
    public void RejectedApprovalsNextToEnoughValidOnes_AreIgnoredAtTheSeverityOfTheirKind()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var stale = repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/Feature.cs", "class Feature { int x; }\n").Commit("Change", TestRepository.CopilotAuthor);
        var untrusted = repo.Approve(SshKey.Mallory);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(new[] { "alice@example.com" }, verdict.Approvers);

        // A stale approval is expected after one more commit: information, not a warning.
        var staleLine = Assert.Single(verdict.Messages, m => m.File == stale);
        Assert.Equal(("CHK101", GateSeverity.Info), (staleLine.Code, staleLine.Severity));
        Assert.StartsWith(stale + ": approval is for diff ", staleLine.Text, StringComparison.Ordinal);
        Assert.EndsWith(" (ignored: enough other approvals)", staleLine.Text, StringComparison.Ordinal);

        var untrustedLine = Assert.Single(verdict.Messages, m => m.File == untrusted);
        Assert.Equal(("CHK103", GateSeverity.Warning), (untrustedLine.Code, untrustedLine.Severity));
        Assert.StartsWith(untrusted + ": signer ", untrustedLine.Text, StringComparison.Ordinal);
        Assert.EndsWith(" (ignored: enough other approvals)", untrustedLine.Text, StringComparison.Ordinal);

        Assert.Equal(3, verdict.Approvals.Count);
        Assert.Equal(
            new[] { (".checkpoint/approvals/alice.json", true, (string?)null), (untrusted, false, "CHK103"), (stale, false, "CHK101") },
            verdict.Approvals.Select(a => (a.Path, a.Valid, a.Code)));
    }

    [Fact]
    public void RejectedApprovalsWithoutAValidOne_AreErrorsAndNoApproverCount()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var stale = repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/Feature.cs", "class Feature { int x; }\n").Commit("Change", TestRepository.CopilotAuthor);
        var untrusted = repo.Approve(SshKey.Mallory);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Equal(2, verdict.Errors.Count());
        Assert.Contains(verdict.Errors, e => e.Code == "CHK101" && e.File == stale && !e.Text.Contains("ignored", StringComparison.Ordinal));
        Assert.Contains(verdict.Errors, e => e.Code == "CHK103" && e.File == untrusted && !e.Text.Contains("ignored", StringComparison.Ordinal));

        // Each approval already says why it does not count; "0 approvers" would only repeat it.
        Assert.DoesNotContain(verdict.Messages, m => m.Code == "CHK107");
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void SelfApprovalNextToEnoughOthers_IsAWarning()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Bob tweaks it", SshKey.Bob.Identity);
        var own = repo.Approve(SshKey.Bob);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        var line = Assert.Single(verdict.Messages, m => m.File == own);
        Assert.Equal(("CHK107", GateSeverity.Warning), (line.Code, line.Severity));
        Assert.StartsWith(own + ": approver 'bob@example.com' authored or committed ", line.Text, StringComparison.Ordinal);
        Assert.EndsWith("; an approver must not approve their own changes", line.Text, StringComparison.Ordinal);
        Assert.Equal(new[] { "alice@example.com" }, verdict.Approvers);
    }

    [Fact]
    public void OnlyASelfApproval_CountsNoApproverAndSaysSo()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Alice tweaks it", SshKey.Alice.Identity);
        var own = repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Contains(verdict.Errors, e => e.Code == "CHK107" && e.File == own);
        var count = Assert.Single(verdict.Errors, e => e.File is null);
        Assert.Equal(("CHK107", $"0 distinct approver(s) (none) but the policy requires 1; diff {verdict.Digest}"), (count.Code, count.Text));
    }

    [Fact]
    public void WorkingTreeList_ShowsTenFilesAndCountsTheRest()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature");
        for (var i = 1; i <= 12; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ }}\n");
        }

        repo.Commit("Add twelve files", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        for (var i = 1; i <= 12; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ void Unapproved() {{ }} }}\n");
        }

        var list = string.Join(", ", Enumerable.Range(1, 10).Select(i => $"src/F{i:00}.cs")) + " and 2 more";

        var local = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.Approved, local);
        var warning = Assert.Single(local.Messages, m => m.Severity == GateSeverity.Warning);
        Assert.Equal($"the working tree differs from HEAD in tracked files ({list}); the approval covers HEAD only, and in CI this fails the build", warning.Text);

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate(PullRequest));
        Assert.Equal($"the working tree differs from HEAD in tracked files ({list}); in CI the build would compile code nobody approved", error.Text);
    }

    [Fact]
    public void WorkingTreeListOfTenFiles_HasNoCount()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature");
        for (var i = 1; i <= 10; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ }}\n");
        }

        repo.Commit("Add ten files", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        for (var i = 1; i <= 10; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ void Unapproved() {{ }} }}\n");
        }

        var warning = Assert.Single(repo.Evaluate().Messages, m => m.Severity == GateSeverity.Warning);
        Assert.Contains("(" + string.Join(", ", Enumerable.Range(1, 10).Select(i => $"src/F{i:00}.cs")) + ");", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchBehindARevertedBase_SaysRebaseAndNamesBothCommits()
    {
        using var repo = TestRepository.Create();
        var reverted = repo.Write("src/Job.cs", "class Job { }\n").Commit("Add the job");
        repo.PushMain();
        repo.Delete("src/Job.cs").Commit("Revert the job");
        repo.PushMain();
        var tip = repo.Git("rev-parse", "HEAD");
        repo.Git("checkout", "-q", "-b", "claude/feature", reverted);

        var error = VerdictAssert.FailsWith("CHK100", repo.Evaluate(PullRequest));

        Assert.Equal(
            $"branch 'claude/feature' adds no change of its own, but HEAD ({reverted[..12]}) is behind refs/remotes/origin/main ({tip[..12]}) and its tree differs from the base tip's: " +
            "the build would compile code that is not on the base (for example a commit the base has since reverted). Rebase the branch onto refs/remotes/origin/main (gated because branch 'claude/feature' matches agent prefix 'claude/').",
            error.Text);
    }

    [Fact]
    public void ProtectedBranchTheServerDoesNotProtect_IsCheckedAndSaysWhy()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/More.cs", "class More { }\n").Commit("Direct change", TestRepository.CopilotAuthor);
        repo.PushMain();
        var push = new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF_NAME"] = "main", ["GITHUB_REF_TYPE"] = "branch" };

        var unprotected = repo.Evaluate(new Dictionary<string, string?>(push) { ["GITHUB_REF_PROTECTED"] = "false" });
        Assert.Contains("HEAD is the tip of refs/remotes/origin/main (protected branch 'main'), but GITHUB_REF_PROTECTED=false: the server does not protect the ref being built, so the branch is checked like any other", unprotected.Notices);
        Assert.DoesNotContain(unprotected.Messages, m => m.Text.StartsWith("Checkpoint: not gated: HEAD is", StringComparison.Ordinal));

        var protectedRef = repo.Evaluate(new Dictionary<string, string?>(push) { ["GITHUB_REF_PROTECTED"] = "true" });
        VerdictAssert.Outcome(GateOutcome.NotGated, protectedRef);
        Assert.Empty(protectedRef.Notices);
        Assert.Equal("Checkpoint: not gated: HEAD is the tip of refs/remotes/origin/main (protected branch 'main') and this is not a pull request build", Assert.Single(protectedRef.Messages).Text);
    }
}
