using System.Text;
using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>Rows 10-12, 17, 18, 20 and 21: approvals that are replayed, mis-signed, stale, misplaced, self-made or malformed.</summary>
public sealed class ApprovalRowTests
{
    [Fact]
    public void Row10_ApprovalReplayedFromAnotherBranch_IsRejected()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/harmless").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(Scenario.Ci));

        repo.Checkout("main").Branch("copilot/harmful").Write("src/App.cs", "class App { static void Main() => System.IO.Directory.Delete(\"/\", true); }\n")
            .Commit("Clean up", TestRepository.CopilotAuthor);
        repo.Git("checkout", "copilot/harmless", "--", ApprovalManifest.ApprovalsDirectory);
        repo.Commit("Bring the approval along", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate(Scenario.Ci));
        Assert.Contains("src/App.cs", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row10_ApprovalReplayedFromAFork_IsRejected()
    {
        // Both repositories are built by the same steps, so their commits and diff digests are identical:
        // only the repository identity in the manifest tells the approval apart.
        using var upstream = Scenario.AgentChange();
        using var fork = Scenario.AgentChange();
        upstream.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, upstream.Evaluate(Scenario.Ci));
        Assert.Equal(upstream.Evaluate().Digest, fork.Evaluate().Digest);

        foreach (var name in new[] { "alice.json", "alice.json.sig" })
        {
            fork.WriteBytes($".checkpoint/approvals/{name}", File.ReadAllBytes(Path.Combine(upstream.Root, ".checkpoint/approvals", name)));
        }

        fork.Commit("Approve as alice@example.com", "alice <alice@example.com>");

        VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, fork.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row11_ApprovalSignedInGitNamespace_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, signatureNamespace: "git");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.All(verdict.Errors, e => Assert.Contains(e.Code, new[] { GateCodes.InvalidApproval, GateCodes.UntrustedSigner }));
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void Row11_ApprovalSignedInGitNamespace_IsRejectedEvenWhenTheSignerAllowsEveryNamespace()
    {
        var alice = SshKey.Alice;
        using var repo = TestRepository.Create();
        repo.Write(".checkpoint/allowed_signers", alice.AllowedSignersLine(options: null) + "\n").Commit("Alice may sign anything");
        repo.PushMain();
        repo.Branch(Scenario.AgentBranch).Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(alice, signatureNamespace: "git");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void Row12_CommitAfterApproval_IsRejectedNamingTheFile()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        repo.Write("src/Extra.cs", "class Extra { }\n").Commit("One more thing", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate(Scenario.Ci));
        Assert.Contains("src/Extra.cs", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row12_ForcePushOfADifferentDiffCarryingTheApproval_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        repo.Git("push", "-q", "origin", Scenario.AgentBranch);
        var approved = repo.Git("rev-parse", "HEAD");

        // Rewrite the branch from main with a different change, keep the approval files, force-push.
        repo.Git("reset", "-q", "--hard", "origin/main");
        repo.Write("README.md", "# Demo, fixed differently\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Git("checkout", approved, "--", ApprovalManifest.ApprovalsDirectory);
        repo.Commit("Approve as alice@example.com", "alice <alice@example.com>");
        repo.Git("push", "-q", "--force", "origin", Scenario.AgentBranch);

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate(Scenario.Ci));
        Assert.Contains("README.md", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row17_SymlinkedCheckpointFolder_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, commit: false);
        Directory.Move(Path.Combine(repo.Root, ".checkpoint"), Path.Combine(repo.Root, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint"), "elsewhere");
        repo.Commit("Move approvals behind a link", "alice <alice@example.com>");

        VerdictAssert.FailsWith(GateCodes.InvalidApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row17_SymlinkedApprovalsFolder_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, commit: false);
        Directory.Move(Path.Combine(repo.Root, ".checkpoint/approvals"), Path.Combine(repo.Root, "signed"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint/approvals"), "../signed");
        repo.Commit("Move approvals behind a link", "alice <alice@example.com>");

        VerdictAssert.FailsWith(GateCodes.InvalidApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row17_SymlinkedApprovalFile_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, commit: false);
        File.Move(Path.Combine(repo.Root, ".checkpoint/approvals/alice.json"), Path.Combine(repo.Root, "approval.json"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint/approvals/alice.json"), "../../approval.json");
        repo.Commit("Approve through a link", "alice <alice@example.com>");

        VerdictAssert.FailsWith(GateCodes.InvalidApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row18_ApprovalEntryNamedDotDot_IsRejected()
    {
        // git refuses to check out a ".." entry, but a tree can still carry one: build it with plumbing.
        using var repo = Scenario.AgentChange();
        var manifest = repo.ManifestFor(SshKey.Alice).Serialize();
        var signature = SshKey.Alice.Sign(manifest);
        var manifestBlob = Blob(repo, manifest);
        var signatureBlob = Blob(repo, Encoding.UTF8.GetBytes(signature));
        var escaping = Tree(repo, $"100644 blob {manifestBlob}\talice.json\n100644 blob {signatureBlob}\talice.json.sig\n");
        var approvals = Tree(repo, $"040000 tree {escaping}\t..\n");
        var checkpoint = Tree(repo, repo.Git("ls-tree", "HEAD", ".checkpoint/").Replace(".checkpoint/", string.Empty, StringComparison.Ordinal) + $"\n040000 tree {approvals}\tapprovals\n");
        var root = Tree(repo, string.Join("\n", repo.Git("ls-tree", "HEAD").Split('\n').Where(l => !l.EndsWith("\t.checkpoint", StringComparison.Ordinal))) + $"\n040000 tree {checkpoint}\t.checkpoint\n");
        var commit = repo.Git("commit-tree", root, "-p", "HEAD", "-m", "Approve from outside the folder");
        repo.Git("update-ref", "refs/heads/" + Scenario.AgentBranch, commit);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Contains(verdict.Errors, e => e.Code == GateCodes.InvalidApproval && e.Text.Contains("not allowed", StringComparison.Ordinal));
        Assert.Empty(verdict.Approvers);
    }

    [Theory]
    [InlineData(".checkpoint/alice")]
    [InlineData("alice")]
    [InlineData(".checkpoint/approvals-elsewhere/alice")]
    public void Row18_ApprovalOutsideTheApprovalsFolder_DoesNotCount(string stem)
    {
        using var repo = Scenario.AgentChange();
        var manifest = repo.ManifestFor(SshKey.Alice).Serialize();
        repo.WriteBytes(stem + ".json", manifest).Write(stem + ".json.sig", SshKey.Alice.Sign(manifest));
        repo.Commit("Approve", "alice <alice@example.com>");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void Row20_AgentSignsWithItsOwnKey_IsNotTrusted()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Mallory);

        VerdictAssert.FailsWith(GateCodes.UntrustedSigner, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row20_ApproverWhoAuthoredACommitInTheRange_DoesNotCount()
    {
        using var repo = Scenario.AgentChange();
        repo.Write("src/Extra.cs", "class Extra { }\n").Commit("Help the agent", "alice <alice@example.com>");
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.All(verdict.Errors, e => Assert.Equal(GateCodes.InsufficientApprovers, e.Code));
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void Row20_ApproverWhoCommittedTheAgentsWork_DoesNotCount()
    {
        using var repo = TestRepository.Create();
        repo.Branch(Scenario.AgentBranch).Write("README.md", "# Demo, fixed\n")
            .Commit("Fix typo", TestRepository.CopilotAuthor, committer: "alice <alice@example.com>");
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.All(verdict.Errors, e => Assert.Equal(GateCodes.InsufficientApprovers, e.Code));
        Assert.Empty(verdict.Approvers);
    }

    [Theory]
    [InlineData("not a signature")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\n\n-----END SSH SIGNATURE-----\n")]
    [InlineData("")]
    public void Row21_MalformedSignature_FailsClosed(string signature)
    {
        using var repo = Scenario.AgentChange();
        repo.WriteBytes(".checkpoint/approvals/alice.json", repo.ManifestFor(SshKey.Alice).Serialize())
            .Write(".checkpoint/approvals/alice.json.sig", signature)
            .Commit("Approve", "alice <alice@example.com>");

        VerdictAssert.FailsWith(GateCodes.InvalidApproval, repo.Evaluate(Scenario.Ci));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"schema\": \"checkpoint.approval/v1\"}")]
    [InlineData("\u0000\u00ff\u00fe")]
    public void Row21_MalformedManifest_SignedByATrustedKey_FailsClosed(string manifest)
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, Encoding.UTF8.GetBytes(manifest));

        VerdictAssert.FailsWith(GateCodes.InvalidApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row21_DeeplyNestedManifest_FailsClosed()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));

        VerdictAssert.FailsWith(GateCodes.InvalidApproval, repo.Evaluate(Scenario.Ci));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{ "scope": "no-branches" }""")]
    [InlineData("""{ "requiredApprovers": 0 }""")]
    [InlineData("""{ "requiredApprovers": "one" }""")]
    public void Row21_MalformedPolicyOnTheBase_FailsClosed(string policy)
    {
        // Approved while the base's policy was sound; then the base gets a broken policy.
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(Scenario.Ci));
        repo.Checkout("main").Write(".checkpoint/policy.json", policy).Commit("Edit the policy");
        repo.PushMain();
        repo.Checkout(Scenario.AgentBranch);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Contains("policy", string.Join("\n", verdict.Errors), StringComparison.OrdinalIgnoreCase);
    }

    private static string Blob(TestRepository repo, byte[] content) =>
        Encoding.UTF8.GetString(repo.GitBytes(content, "hash-object", "-w", "--stdin")).Trim();

    private static string Tree(TestRepository repo, string listing) =>
        Encoding.UTF8.GetString(repo.GitBytes(Encoding.UTF8.GetBytes(listing.Trim('\n') + "\n"), "mktree")).Trim();
}
