using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

public sealed class GateVerdictTests
{
    [Fact]
    public void AgentBranchWithoutApproval_FailsWithChk100NamingDigestBaseAndCommand()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        var error = Assert.Single(verdict.Errors);
        Assert.Equal("CHK100", error.Code);
        Assert.StartsWith("branch 'copilot/fix-typo' needs a signed approval (gated because branch 'copilot/fix-typo' matches agent prefix 'copilot/'). ", error.Text, StringComparison.Ordinal);
        Assert.Contains($"Diff {verdict.Digest} of {repo.Identity} against refs/remotes/origin/main (merge-base {verdict.MergeBase![..12]}). ", error.Text, StringComparison.Ordinal);
        Assert.Contains("runs 'checkpoint approve --base refs/remotes/origin/main', or writes and signs the manifest with 'ssh-keygen -Y sign -n checkpoint-approval'", error.Text, StringComparison.Ordinal);
        Assert.EndsWith("asks for the approval in the pull request (docs/agents.md; 'checkpoint status --format markdown' writes the request).", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The attestations it adds", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Approval files exist", error.Text, StringComparison.Ordinal);
        Assert.Contains("checkpoint approve", error.Text);
        Assert.Contains("docs/approving.md", error.Text);
        Assert.Equal("branch 'copilot/fix-typo' matches agent prefix 'copilot/'", verdict.GatedBecause);

        // The end-to-end tests and approvers read the digest and repository from this shape.
        var request = System.Text.RegularExpressions.Regex.Match(error.Text, @"(?<digest>sha256:[0-9a-f]{64}) of (?<repository>\S+) against");
        Assert.Equal(verdict.Digest, request.Groups["digest"].Value);
        Assert.Equal(repo.Identity, request.Groups["repository"].Value);
    }

    [Fact]
    public void AgentBranchWithValidApproval_PassesAndNamesTheApprover()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Empty(verdict.Errors);
        Assert.Equal(new[] { "alice@example.com" }, verdict.Approvers);
        Assert.Contains("alice@example.com", verdict.Messages[0].Text);
        var report = Assert.Single(verdict.Approvals);
        Assert.True(report.Valid);
    }

    [Fact]
    public void CommitAfterApproval_FailsWithChk101ListingTheChangedFile()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Write("src/App.cs", "class App { static void Main() { System.IO.Directory.Delete(\"/\", true); } }\n").Commit("One more thing", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        var error = Assert.Single(verdict.Errors);
        Assert.Equal("CHK101", error.Code);
        Assert.Contains("changed since approval: src/App.cs", error.Text);
        Assert.DoesNotContain("README.md", error.Text);
    }

    [Fact]
    public void HumanBranch_IsNotGatedAndSaysWhy()
    {
        using var repo = TestRepository.Create();
        repo.Branch("feature/login").Write("src/Login.cs", "class Login { }\n").Commit("Add login");

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.True(verdict.Passed);
        var line = Assert.Single(verdict.Messages);
        Assert.Equal((string.Empty, GateSeverity.Info), (line.Code, line.Severity));
        Assert.Equal("Checkpoint: not gated: no agent signal on this branch (scope agent-branches)", line.Text);
        Assert.Equal("no agent signal on this branch (scope agent-branches)", verdict.GatedBecause);
    }

    [Fact]
    public void ProtectedBranchTipOutsidePullRequest_IsNotGated()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/More.cs", "class More { }\n").Commit("Direct change", TestRepository.CopilotAuthor);
        repo.PushMain();

        var verdict = repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF_NAME"] = "main" });

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.Equal("HEAD is the tip of refs/remotes/origin/main (protected branch 'main') and this is not a pull request build", verdict.GatedBecause);
        var line = Assert.Single(verdict.Messages);
        Assert.Equal((string.Empty, GateSeverity.Info, "Checkpoint: not gated: " + verdict.GatedBecause), (line.Code, line.Severity, line.Text));
    }

    [Fact]
    public void OlderCommitOfAProtectedBranch_IsNotGated()
    {
        using var repo = TestRepository.Create();
        var older = repo.Write("src/More.cs", "class More { }\n").Commit("Direct change", TestRepository.CopilotAuthor);
        repo.Write("src/Later.cs", "class Later { }\n").Commit("Later change");
        repo.PushMain();
        repo.Git("checkout", "-q", "--detach", older);

        var verdict = repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true" });

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.StartsWith("HEAD is in the history of refs/remotes/origin/main", verdict.GatedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtectedBranchInsidePullRequest_IsGatedNormally()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/work").Write("src/More.cs", "class More { }\n").Commit("Change", TestRepository.CopilotAuthor);

        // A PR whose source branch claims to be "main" (say, from a fork) is still a PR.
        var verdict = repo.Evaluate(new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_HEAD_REF"] = "main",
        });

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Equal("CHK100", Assert.Single(verdict.Errors).Code);
    }

    [Fact]
    public void NotARepositoryOutsideCi_IsOneWarning()
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkpoint-plain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var verdict = CheckpointGate.Evaluate(new GateRequest(folder) { Now = TestRepository.Now });

            VerdictAssert.Outcome(GateOutcome.GateUnavailable, verdict);
            Assert.True(verdict.Passed);
            var warning = Assert.Single(verdict.Messages);
            Assert.Equal(GateSeverity.Warning, warning.Severity);
            Assert.Equal("CHK106", warning.Code);
            Assert.StartsWith("the Checkpoint gate could not run: ", warning.Text, StringComparison.Ordinal);
            Assert.EndsWith("; outside CI the build continues, in CI this is an error", warning.Text, StringComparison.Ordinal);
            Assert.False(verdict.IsCi);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NotARepositoryInCi_FailsWithChk106()
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkpoint-plain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var verdict = CheckpointGate.Evaluate(new GateRequest(folder)
            {
                Now = TestRepository.Now,
                Environment = new Dictionary<string, string?> { ["CI"] = "true" },
            });

            VerdictAssert.Outcome(GateOutcome.Failed, verdict);
            var error = Assert.Single(verdict.Messages);
            Assert.Equal(("CHK106", GateSeverity.Error), (error.Code, error.Severity));
            Assert.EndsWith(" (CI detected through CI)", error.Text, StringComparison.Ordinal);
            Assert.True(verdict.IsCi);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void GitMissing_FailsWithChk106()
    {
        using var repo = TestRepository.Create();

        var verdict = CheckpointGate.Evaluate(new GateRequest(repo.Root)
        {
            GitExecutable = "/nonexistent/git-" + Guid.NewGuid().ToString("N"),
            Now = TestRepository.Now,
        });

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        var error = Assert.Single(verdict.Errors);
        Assert.Equal("CHK106", error.Code);
        Assert.Contains("git is not installed", error.Text);
    }

    [Fact]
    public void ReplaceRefThatHidesTheBranch_DoesNotChangeTheVerdict()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        var expected = repo.Evaluate().Digest!;
        // With replace refs honoured, HEAD would look like the base and the diff would be empty.
        repo.Git("replace", "-f", "HEAD", "refs/remotes/origin/main");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal(expected, verdict.Digest);
    }

    [Fact]
    public void GitattributesFilterAddedAfterApproval_KeepsTheApprovalValid()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\r\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        File.WriteAllText(Path.Combine(repo.Root, ".git", "info", "attributes"), "* filter=upper text eol=crlf\n");
        repo.Git("config", "filter.upper.clean", "tr a-z A-Z");
        repo.Git("config", "core.autocrlf", "true");

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void ReadmeAndGitkeepInTheApprovalsFolder_ArePartOfTheChangeToApprove()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        var withoutThem = repo.Evaluate().Digest;
        repo.Write(".checkpoint/approvals/.gitkeep", string.Empty).Write(".checkpoint/approvals/README.md", "Approvals\n").Write(".checkpoint/approvals/notes.txt", "?\n")
            .Commit("Explain the folder", TestRepository.CopilotAuthor);

        var unapproved = repo.Evaluate();
        repo.Approve(SshKey.Alice);
        var verdict = repo.Evaluate();

        Assert.NotEqual(withoutThem, unapproved.Digest);
        VerdictAssert.FailsWith("CHK100", unapproved);
        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(unapproved.Digest, verdict.Digest);
        Assert.Empty(verdict.Notices);
    }

    [Fact]
    public void AgentBranchWithoutChanges_HasNothingToApprove()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/empty").Commit("Empty commit", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        var line = Assert.Single(verdict.Messages);
        Assert.Equal((string.Empty, GateSeverity.Info), (line.Code, line.Severity));
        Assert.Equal("Checkpoint: not gated: the branch has no changes against refs/remotes/origin/main (gated because branch 'copilot/empty' matches agent prefix 'copilot/', but there is nothing to approve)", line.Text);
    }

    [Fact]
    public void AgentBranchWithoutChanges_ButAWorkingTreeThatDiffers_FailsInCiAndWarnsLocally()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/empty").Commit("Empty commit", TestRepository.CopilotAuthor);
        repo.Write("src/App.cs", "class App { static void Main() => System.Console.WriteLine(\"generated after checkout\"); }\n");

        var local = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.NotGated, local);
        Assert.Contains(local.Messages, m => m.Severity == GateSeverity.Warning && m.Code == "CHK101");

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_HEAD_REF"] = "copilot/empty", ["GITHUB_BASE_REF"] = "main" }));
        Assert.Contains("working tree differs from HEAD", error.Text);
    }

    [Fact]
    public void GraftThatCutsTheBranchFromItsBase_DoesNotChangeTheVerdict()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        var expected = repo.Evaluate().Digest!;
        // A graft with no parents makes HEAD a root commit: honoured, it would look like unrelated history.
        File.WriteAllText(Path.Combine(repo.Root, ".git", "info", "grafts"), repo.Git("rev-parse", "HEAD") + "\n");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal(expected, verdict.Digest);
    }

    [Fact]
    public void UnexpectedFailureInsideTheGate_IsAFailingVerdictWithoutAStackTrace()
    {
        var verdict = CheckpointGate.Evaluate(null!);

        var error = VerdictAssert.FailsWith("CHK106", verdict);
        Assert.Contains("ArgumentNullException", error.Text);
        Assert.DoesNotContain(" at ", error.Text);
        Assert.DoesNotContain("\n", error.Text);
    }

    [Fact]
    public void WorkingDirectoryThatDoesNotExist_IsCleanlyReported()
    {
        var verdict = CheckpointGate.Evaluate(new GateRequest("/nonexistent/" + Guid.NewGuid().ToString("N"))
        {
            Environment = new Dictionary<string, string?> { ["CI"] = "true" },
        });

        var error = VerdictAssert.FailsWith("CHK106", verdict);
        Assert.Contains("does not exist", error.Text);
    }

    [Fact]
    public void BadLineInTheBasesAllowedSigners_IsReportedAndGrantsNothing()
    {
        using var repo = TestRepository.Create();
        repo.Write(".checkpoint/allowed_signers", SshKey.Alice.AllowedSignersLine() + "\nbob@example.com ssh-ed25519 not-base64!\n").Commit("Add Bob, badly");
        repo.PushMain();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Contains(verdict.Notices, n => n.Contains(".checkpoint/allowed_signers@", StringComparison.Ordinal) && n.Contains(":2:", StringComparison.Ordinal));
    }

    [Fact]
    public void HandWrittenManifestFromTheChk100Message_IsAcceptedAsDocsApprovingMdShows()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        var chk100 = VerdictAssert.FailsWith("CHK100", repo.Evaluate());
        var request = System.Text.RegularExpressions.Regex.Match(chk100.Text, @"(?<digest>sha256:[0-9a-f]{64}) of (?<repository>\S+) against");

        var manifest = $$"""
            {
              "schema": "checkpoint.approval/v1",
              "repository": "{{request.Groups["repository"].Value}}",
              "digest": "{{request.Groups["digest"].Value}}",
              "approver": "alice@example.com",
              "createdAt": "2026-06-01T13:30:00+02:00",
              "expiresAt": "2026-06-08T11:00:00Z"
            }
            """;
        repo.Approve(SshKey.Alice, System.Text.Encoding.UTF8.GetBytes(manifest));
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());

        repo.Write("src/App.cs", "class App { }\n").Commit("More", TestRepository.CopilotAuthor);
        var chk101 = VerdictAssert.FailsWith("CHK101", repo.Evaluate());
        Assert.Contains("the approval lists no files", chk101.Text);
    }
}
