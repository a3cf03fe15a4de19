using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>The tamper table: each row starts from an agent branch and tries to get past the gate.</summary>
public sealed class TamperTests
{
    private static readonly Dictionary<string, Action<TestRepository>> Tampering = new()
    {
        ["FlippedByteInSignature"] = repo =>
        {
            var sigPath = Path.Combine(repo.Root, ".checkpoint/approvals/alice.json.sig");
            repo.Approve(SshKey.Alice, commit: false);
            var lines = File.ReadAllLines(sigPath);
            var line = lines[3].ToCharArray();
            line[10] = line[10] == 'A' ? 'B' : 'A';
            lines[3] = new string(line);
            File.WriteAllLines(sigPath, lines);
            repo.Commit("Approve (tampered)", "alice <alice@example.com>");
        },
        ["FlippedByteInManifest"] = repo =>
        {
            var manifest = repo.ManifestFor(SshKey.Alice).Serialize();
            repo.Approve(SshKey.Alice, manifest, commit: false);
            var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(manifest).Replace("2026-06-08", "2026-06-09"));
            repo.WriteBytes(".checkpoint/approvals/alice.json", tampered);
            repo.Commit("Approve (tampered)", "alice <alice@example.com>");
        },
        ["ApprovalReplayedFromEarlierDiff"] = repo =>
        {
            repo.Approve(SshKey.Alice);
            repo.Write("src/App.cs", "class App { }\n").Commit("Sneak in a change", TestRepository.CopilotAuthor);
        },
        ["ApprovalReplayedFromAnotherRepository"] = repo =>
        {
            var mine = repo.ManifestFor(SshKey.Alice);
            var other = new ApprovalManifest("github.com/someone/else", mine.Digest, mine.Approver, mine.CreatedAt, mine.ExpiresAt, mine.Files);
            repo.Approve(SshKey.Alice, other.Serialize());
        },
        ["ApprovalSignedInGitNamespace"] = repo => repo.Approve(SshKey.Alice, signatureNamespace: "git"),
        ["ApprovalSignedInFileNamespace"] = repo => repo.Approve(SshKey.Alice, signatureNamespace: "file"),
        ["SignerAddedOnlyOnTheBranch"] = repo =>
        {
            repo.Write(".checkpoint/allowed_signers", SshKey.Alice.AllowedSignersLine() + "\n" + SshKey.Mallory.AllowedSignersLine() + "\n")
                .Commit("Trust me", TestRepository.CopilotAuthor);
            repo.Approve(SshKey.Mallory);
        },
        ["ApproverNameNotMatchingTheKey"] = repo =>
        {
            var mine = repo.ManifestFor(SshKey.Mallory);
            var claimsAlice = new ApprovalManifest(mine.Repository, mine.Digest, SshKey.Alice.Principal, mine.CreatedAt, mine.ExpiresAt, mine.Files);
            repo.Approve(SshKey.Mallory, claimsAlice.Serialize());
        },
        ["ApprovalExpired"] = repo =>
        {
            var manifest = repo.ManifestFor(SshKey.Alice, createdAt: TestRepository.Now.AddDays(-3), validFor: TimeSpan.FromDays(2)).Serialize();
            repo.Approve(SshKey.Alice, manifest);
        },
        ["ApprovalOlderThanPolicyAllows"] = repo =>
        {
            var manifest = repo.ManifestFor(SshKey.Alice, createdAt: TestRepository.Now.AddDays(-20), validFor: TimeSpan.FromDays(60)).Serialize();
            repo.Approve(SshKey.Alice, manifest);
        },
        ["ApprovalCreatedInTheFuture"] = repo =>
        {
            var manifest = repo.ManifestFor(SshKey.Alice, createdAt: TestRepository.Now.AddDays(1)).Serialize();
            repo.Approve(SshKey.Alice, manifest);
        },
        ["ManifestWithoutSignature"] = repo =>
        {
            repo.WriteBytes(".checkpoint/approvals/alice.json", repo.ManifestFor(SshKey.Alice).Serialize());
            repo.Commit("Approve without signing", "alice <alice@example.com>");
        },
        ["SymlinkedApprovalEscapingTheFolder"] = repo =>
        {
            var manifest = Path.Combine(repo.Root, "approval.json");
            repo.Approve(SshKey.Alice, commit: false);
            File.Move(Path.Combine(repo.Root, ".checkpoint/approvals/alice.json"), manifest);
            File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint/approvals/alice.json"), "../../approval.json");
            repo.Commit("Approve through a link", "alice <alice@example.com>");
        },
        ["SymlinkedCheckpointFolder"] = repo =>
        {
            repo.Approve(SshKey.Alice, commit: false);
            Directory.Move(Path.Combine(repo.Root, ".checkpoint"), Path.Combine(repo.Root, "elsewhere"));
            File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint"), "elsewhere");
            repo.Commit("Move approvals behind a link", "alice <alice@example.com>");
        },
        ["ApprovalNameWithDotDot"] = repo => repo.Approve(SshKey.Alice, name: "..alice"),
        ["ApprovalInSubdirectory"] = repo =>
        {
            repo.Approve(SshKey.Alice, commit: false);
            Directory.CreateDirectory(Path.Combine(repo.Root, ".checkpoint/approvals/nested"));
            File.Move(Path.Combine(repo.Root, ".checkpoint/approvals/alice.json"), Path.Combine(repo.Root, ".checkpoint/approvals/nested/alice.json"));
            File.Move(Path.Combine(repo.Root, ".checkpoint/approvals/alice.json.sig"), Path.Combine(repo.Root, ".checkpoint/approvals/nested/alice.json.sig"));
            repo.Commit("Nested approval", "alice <alice@example.com>");
        },
    };

    [Theory]
    [InlineData("FlippedByteInSignature", "CHK102")]
    [InlineData("FlippedByteInManifest", "CHK102")]
    [InlineData("ApprovalReplayedFromEarlierDiff", "CHK101")]
    [InlineData("ApprovalReplayedFromAnotherRepository", "CHK101")]
    [InlineData("ApprovalSignedInGitNamespace", "CHK102")]
    [InlineData("ApprovalSignedInFileNamespace", "CHK102")]
    [InlineData("SignerAddedOnlyOnTheBranch", "CHK103")]
    [InlineData("ApproverNameNotMatchingTheKey", "CHK103")]
    [InlineData("ApprovalExpired", "CHK104")]
    [InlineData("ApprovalOlderThanPolicyAllows", "CHK104")]
    [InlineData("ApprovalCreatedInTheFuture", "CHK104")]
    [InlineData("ManifestWithoutSignature", "CHK102")]
    [InlineData("SymlinkedApprovalEscapingTheFolder", "CHK102")]
    [InlineData("SymlinkedCheckpointFolder", "CHK102")]
    [InlineData("ApprovalInSubdirectory", "CHK102")]
    [InlineData("ApprovalNameWithDotDot", "CHK102")]
    public void TamperedApproval_IsRejected(string tampering, string expectedCode)
    {
        using var repo = TestRepository.Create(signers: new[] { SshKey.Alice });
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        Tampering[tampering](repo);
        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith(expectedCode, verdict);
        Assert.Empty(verdict.Approvers);
    }

    /// <summary>
    /// A link the branch adds into the approvals folder is refused even when Alice signed the digest:
    /// what it points to is left out of the digest and could change after her approval.
    /// </summary>
    [Fact]
    public void SymlinkIntoTheApprovalsFolder_IsRefusedEvenWhenApproved()
    {
        using var repo = TestRepository.Create(signers: new[] { SshKey.Alice });
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "docs-approvals"), ".checkpoint/approvals");
        repo.Commit("Link the approvals", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate());

        Assert.Contains("'docs-approvals' is a symlink to '.checkpoint/approvals'", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SignerAddedOnlyOnTheBranch_SaysTheBasesCopyWasUsed()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        Tampering["SignerAddedOnlyOnTheBranch"](repo);

        var verdict = repo.Evaluate();

        Assert.Contains(".checkpoint/allowed_signers differs on this branch; the base's copy was used", verdict.Notices);
        Assert.Contains(verdict.Messages, m => m.Text.Contains("the base's copy was used", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyOutsideItsValidityWindowByTheCiClock_IsRejected()
    {
        using var repo = TestRepository.Create();
        repo.Git("checkout", "-q", "main");
        repo.Write(".checkpoint/allowed_signers", SshKey.Alice.AllowedSignersLine("namespaces=\"checkpoint-approval\",valid-before=\"20260301Z\"") + "\n").Commit("Alice's key expires in March");
        repo.PushMain();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        var february = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        repo.Approve(SshKey.Alice, repo.ManifestFor(SshKey.Alice, createdAt: february).Serialize());

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(now: february.AddHours(2)));
        var error = VerdictAssert.FailsWith("CHK103", repo.Evaluate(now: february.AddDays(31).AddHours(2)));
        Assert.Contains("alice@example.com", error.Text);
    }

    [Fact]
    public void RebaseThatKeepsTheDiff_StaysApproved()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        var digest = repo.Evaluate().Digest!;

        repo.Checkout("main").Write("docs/unrelated.md", "Unrelated\n").Commit("Unrelated change on main");
        repo.PushMain();
        repo.Checkout("copilot/fix-typo").Git("rebase", "-q", "main");

        var verdict = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(digest, verdict.Digest);
    }

    [Fact]
    public void RebaseThatChangesTheDiff_IsNoLongerApproved()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("src/App.cs", "class App\n{\n    static void Main() { System.Console.WriteLine(); }\n}\n").Commit("Print", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        repo.Checkout("main").Write("src/App.cs", "class App\n{\n    static void Main() { }\n}\n// trailing note\n").Commit("Change App.cs on main");
        repo.PushMain();
        repo.Checkout("copilot/fix-typo").Git("rebase", "-q", "main");

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate());
        Assert.Contains("src/App.cs", error.Text);
    }

    [Fact]
    public void PullRequestMergeCommitInCi_KeepsTheApprovalWhenMainChangedOtherFiles()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Checkout("main").Write("docs/unrelated.md", "Unrelated\n").Commit("Unrelated change on main");
        repo.PushMain();

        // What actions/checkout does for pull_request: a detached merge of the branch into the target.
        repo.Git("checkout", "-q", "--detach", "refs/remotes/origin/main");
        repo.Git("merge", "-q", "--no-ff", "-m", "Merge copilot/fix-typo into main", "copilot/fix-typo");

        var verdict = repo.Evaluate(new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_HEAD_REF"] = "copilot/fix-typo",
        });

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal("copilot/fix-typo", verdict.Branch);
    }
}
