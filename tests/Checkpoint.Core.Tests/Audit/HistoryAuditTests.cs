using Checkpoint.Core.Approvals;
using Checkpoint.Core.Audit;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Audit;

/// <summary>
/// The audit on real repositories with real ssh-keygen signatures: each merge style delimited, each
/// approval checked against the trust of its own time, and each way a change can land badly flagged.
/// </summary>
public sealed class HistoryAuditTests
{
    // The fixture's commits are dated from 2026-05-01 09:01 on; approvals are made just before.
    private static readonly DateTimeOffset ApprovedAt = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MergeCommitAndSquash_AppearWithApproverKeyAndOperations_AndAnUnapprovedMergeIsFlagged()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/one", "src/One.cs");
        var one = ApproveWithRecord(repo, SshKey.Alice, "alice-one", "Amazon.S3.IAmazonS3.DeleteBucketAsync");
        var mergeOne = MergeCommit(repo, "copilot/one", 1);

        AgentBranch(repo, "copilot/two", "src/Two.cs");
        var two = Approve(repo, SshKey.Alice, "alice-two");
        var squashTwo = Squash(repo, "copilot/two", 2);

        AgentBranch(repo, "copilot/three", "src/Three.cs");
        var mergeThree = MergeCommit(repo, "copilot/three", 3);

        var report = Audit(repo);

        Assert.Equal(4, report.Changes.Count);
        var first = Change(report, mergeOne);
        Assert.Equal(ChangeShape.MergeCommit, first.Shape);
        Assert.Equal("copilot/one", first.Branch);
        Assert.Equal(one.Digest, first.Digest);
        Assert.True(first.Gated && first.Approved && !first.Flagged);
        var approval = Assert.Single(first.Approvals);
        Assert.Equal("alice@example.com", approval.Approver);
        Assert.Equal(SshPublicKey.Parse(SshKey.Alice.PublicKey).Fingerprint, approval.KeyFingerprint);
        Assert.Null(approval.UserPresent);
        Assert.Equal(ApprovedAt, approval.CreatedAt);
        Assert.Equal("branch", approval.MatchedRange);
        var operation = Assert.Single(approval.Record!.Operations);
        Assert.Equal(("added", "destructive", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "src/One.cs"), (operation.Change, operation.Tier, operation.Operation, operation.Path));

        var second = Change(report, squashTwo);
        Assert.Equal(ChangeShape.SingleCommit, second.Shape);
        Assert.Equal(two.Digest, second.Digest);
        Assert.True(second.Gated && second.Approved && !second.Flagged);
        Assert.Equal("alice@example.com", Assert.Single(second.Approvals).Approver);
        Assert.Null(second.Approvals[0].Record);

        var third = Change(report, mergeThree);
        Assert.True(third.Gated && !third.Approved);
        var finding = Assert.Single(third.Findings);
        Assert.Equal(AuditFindingKind.Unapproved, finding.Kind);
        Assert.Contains("landed without an approval", finding.Message, StringComparison.Ordinal);
        Assert.Single(report.Findings);
        Assert.True(report.Flagged);
    }

    [Fact]
    public void WholeAudit_StartsSixGitProcesses_WhateverTheLengthOfTheHistory()
    {
        using var repo = TestRepository.Create();
        for (var i = 0; i < 6; i++)
        {
            AgentBranch(repo, $"copilot/change-{i}", $"src/Change{i}.cs");
            Approve(repo, SshKey.Alice, $"alice-{i}");
            if (i % 2 == 0)
            {
                MergeCommit(repo, $"copilot/change-{i}", i);
            }
            else
            {
                Squash(repo, $"copilot/change-{i}", i);
            }
        }

        var report = Audit(repo);

        Assert.Equal(7, report.Changes.Count);
        Assert.False(report.Flagged, string.Join("\n", report.Findings));
        Assert.Equal(0, report.MergeBasesFromGit);

        // rev-parse (open), for-each-ref, config (origin), rev-list, cat-file --batch, diff-tree --stdin.
        Assert.Equal(6, report.GitProcesses);
    }

    [Fact]
    public void RebaseMerge_IsOneChangeCoveredByItsApproval()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/rebased");
        repo.Write("src/A.cs", "class A { }\n").Commit("A", TestRepository.CopilotAuthor);
        repo.Write("src/B.cs", "class B { }\n").Commit("B", TestRepository.CopilotAuthor);
        var approval = Approve(repo, SshKey.Alice, "alice-rebased");
        repo.Checkout("main");
        repo.Write("README.md", "# Demo, moved on\n").Commit("Unrelated change on main");
        repo.Git("cherry-pick", "main..copilot/rebased");
        repo.PushMain();
        var tip = repo.Git("rev-parse", "HEAD");

        var report = Audit(repo);

        var change = Change(report, tip);
        Assert.Equal(ChangeShape.CommitRange, change.Shape);
        Assert.Equal(3, change.Commits.Count);
        Assert.Equal(approval.Digest, change.Digest);
        Assert.True(change.Approved, string.Join("\n", change.Findings));
        Assert.Equal("landed", change.Approvals.Single().MatchedRange);
        Assert.DoesNotContain(report.Changes, c => c.Commits.Count == 1 && c.Landing.Subject is "A" or "B");
        Assert.False(report.Flagged, string.Join("\n", report.Findings));
    }

    [Fact]
    public void ApprovalAddedAfterItsChangeLanded_DoesNotCoverIt()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/late", "src/Late.cs");
        var manifest = repo.ManifestFor(SshKey.Alice, createdAt: ApprovedAt.AddDays(1), validFor: TimeSpan.FromDays(30));
        var squash = Squash(repo, "copilot/late", 1);

        // An administrator adds the approval to the protected branch the next day, to tidy the record.
        repo.Approve(SshKey.Alice, manifest.Serialize(), name: "alice-late");
        repo.PushMain();

        var report = Audit(repo);

        var change = Change(report, squash);
        Assert.Equal(ChangeShape.SingleCommit, change.Shape);
        Assert.Contains(change.Findings, f => f.Kind == AuditFindingKind.Unapproved);
    }

    [Fact]
    public void KeyRevokedAfterTheChangeLanded_IsFlagged()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        AgentBranch(repo, "copilot/by-bob", "src/Bob.cs");
        Approve(repo, SshKey.Bob, "bob");
        var merge = MergeCommit(repo, "copilot/by-bob", 1);
        var fingerprint = SshPublicKey.Parse(SshKey.Bob.PublicKey).Fingerprint;
        repo.Write(".checkpoint/revoked", $"key {fingerprint}  # laptop stolen\n").Commit("Revoke Bob's key");
        repo.PushMain();
        var revocation = repo.Git("rev-parse", "HEAD");

        var report = Audit(repo);

        var change = Change(report, merge);
        Assert.True(change.Approved, "the key was trusted when the change landed");
        var approval = Assert.Single(change.Approvals);
        Assert.Equal($"key {fingerprint}", approval.RevokedLater);
        Assert.Equal(revocation, approval.RevokedLaterAt);
        var finding = Assert.Single(change.Findings);
        Assert.Equal(AuditFindingKind.RevokedLater, finding.Kind);
    }

    [Fact]
    public void ApproverWhoAuthoredPartOfTheChange_IsFlagged()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/shared");
        repo.Write("src/Agent.cs", "class Agent { }\n").Commit("Agent part", TestRepository.CopilotAuthor);
        repo.Write("src/Alice.cs", "class Alice { }\n").Commit("Alice's part", "alice <alice@example.com>");
        Approve(repo, SshKey.Alice, "alice-own");
        var merge = MergeCommit(repo, "copilot/shared", 1);

        var report = Audit(repo);

        var change = Change(report, merge);
        var approval = Assert.Single(change.Approvals);
        Assert.False(approval.Counted);
        Assert.Equal(ApprovalRejection.SelfApproved, approval.Rejection);
        Assert.Equal(repo.Git("rev-parse", "copilot/shared~1"), approval.SelfApprovedCommit);
        Assert.Contains(change.Findings, f => f.Kind == AuditFindingKind.SelfApproved);
        Assert.Contains(change.Findings, f => f.Kind == AuditFindingKind.Unapproved);
    }

    [Fact]
    public void ApproverWhoOnlyCommittedTheApproval_IsNotFlagged()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/fine", "src/Fine.cs");
        Approve(repo, SshKey.Alice, "alice-fine");
        var merge = MergeCommit(repo, "copilot/fine", 1, merger: "alice <alice@example.com>");

        var change = Change(Audit(repo), merge);

        Assert.True(change.Approved);
        Assert.Empty(change.Findings);
    }

    [Fact]
    public void PrunedApprovals_AreStillFoundInHistory_AndThePruneIsNotAChangeToApprove()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/old", "src/Old.cs");
        Approve(repo, SshKey.Alice, "alice-old");
        const string path = ".checkpoint/approvals/alice-old.json";
        var merge = MergeCommit(repo, "copilot/old", 1);
        repo.Delete(path).Delete(path + ".sig");
        var prune = repo.Commit("Prune old approvals");
        repo.PushMain();
        Assert.Empty(repo.Git("ls-tree", "--name-only", "HEAD", "--", path));

        var report = Audit(repo);

        var change = Change(report, merge);
        Assert.True(change.Approved);
        Assert.Equal(path, Assert.Single(change.Approvals).Path);
        var pruned = Change(report, prune);
        Assert.False(pruned.Gated);
        Assert.Equal("it changes only approval files", pruned.GatedBecause);
        Assert.False(report.Flagged, string.Join("\n", report.Findings));
    }

    [Fact]
    public void Trust_IsTheBranchesAtThatPoint_NotTodays()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice);
        AgentBranch(repo, "copilot/early", "src/Early.cs");
        Approve(repo, SshKey.Bob, "bob-early");
        var early = MergeCommit(repo, "copilot/early", 1);

        // Today Bob is trusted and Alice is not; neither changes what was true then.
        repo.Write(".checkpoint/allowed_signers", SshKey.Bob.AllowedSignersLine() + "\n").Commit("Bob replaces Alice");
        repo.PushMain();
        AgentBranch(repo, "copilot/late", "src/Late.cs");
        Approve(repo, SshKey.Bob, "bob-late");
        var late = MergeCommit(repo, "copilot/late", 2);

        var report = Audit(repo);

        var then = Change(report, early);
        Assert.False(then.Approved);
        Assert.Equal(ApprovalRejection.UntrustedSigner, Assert.Single(then.Approvals).Rejection);
        Assert.Contains(then.Findings, f => f.Kind == AuditFindingKind.Unapproved);
        Assert.True(Change(report, late).Approved);
    }

    [Fact]
    public void DamagedApprovalAndMalformedPolicyInHistory_AreFindingsNotCrashes()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/damaged", "src/Damaged.cs");
        repo.Write(".checkpoint/approvals/alice.json", "{ not json").Write(".checkpoint/approvals/alice.json.sig", "not a signature\n").Commit("Approve (damaged)", "alice <alice@example.com>");
        var damaged = MergeCommit(repo, "copilot/damaged", 1);
        repo.Write(".checkpoint/policy.json", "{ \"scope\": ").Commit("Break the policy");
        repo.PushMain();
        AgentBranch(repo, "copilot/after", "src/After.cs");
        var after = MergeCommit(repo, "copilot/after", 2);

        var report = Audit(repo);

        var first = Change(report, damaged);
        Assert.Contains(first.Findings, f => f.Kind == AuditFindingKind.UnreadableApproval && f.ApprovalPath == ".checkpoint/approvals/alice.json");
        Assert.Contains(first.Findings, f => f.Kind == AuditFindingKind.Unapproved);
        var second = Change(report, after);
        var finding = Assert.Single(second.Findings);
        Assert.Equal(AuditFindingKind.UnreadableTrust, finding.Kind);
        Assert.Contains("policy is malformed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeCommitThatAddsWhatItsBranchDoesNot_IsFlagged()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/evil", "src/Evil.cs");
        Approve(repo, SshKey.Alice, "alice-evil");
        repo.Checkout("main");
        repo.Git("merge", "-q", "--no-ff", "--no-commit", "copilot/evil");
        repo.Write("src/Unreviewed.cs", "class Unreviewed { }\n");
        var merge = repo.Commit("Merge pull request #1 from org/copilot/evil");
        repo.PushMain();

        var change = Change(Audit(repo), merge);

        Assert.True(change.Approved);
        var finding = Assert.Single(change.Findings);
        Assert.Equal(AuditFindingKind.ChangedByMerge, finding.Kind);
        Assert.Contains("src/Unreviewed.cs", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymlinkNamedLikeAnApproval_IsPartOfTheChange_NotAnApprovalFile()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/link");
        Directory.CreateDirectory(Path.Combine(repo.Root, ".checkpoint", "approvals"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint", "approvals", "link.json"), "../../src/App.cs");
        repo.Commit("Add a link", TestRepository.CopilotAuthor);
        var merge = MergeCommit(repo, "copilot/link", 1);

        var change = Change(Audit(repo), merge);

        Assert.True(change.Gated, change.GatedBecause);
        Assert.Contains(change.Findings, f => f.Kind == AuditFindingKind.Unapproved);
    }

    [Fact]
    public void MergeCommitThatAddsASymlinkNamedLikeAnApproval_IsFlagged()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/sly", "src/Sly.cs");
        Approve(repo, SshKey.Alice, "alice-sly");
        repo.Checkout("main");
        repo.Git("merge", "-q", "--no-ff", "--no-commit", "copilot/sly");
        File.CreateSymbolicLink(Path.Combine(repo.Root, ".checkpoint", "approvals", "extra.json"), "../../src/App.cs");
        var merge = repo.Commit("Merge pull request #1 from org/copilot/sly");
        repo.PushMain();

        var change = Change(Audit(repo), merge);

        Assert.True(change.Approved);
        var finding = Assert.Single(change.Findings);
        Assert.Equal(AuditFindingKind.ChangedByMerge, finding.Kind);
        Assert.Contains(".checkpoint/approvals/extra.json", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HumanChangesAndChangesBeforeCheckpoint_AreNotGated()
    {
        using var repo = TestRepository.Create();
        repo.Branch("fix/typo").Write("README.md", "# Demo!\n").Commit("Typo");
        var merge = MergeCommit(repo, "fix/typo", 1);

        var change = Change(Audit(repo), merge);

        Assert.False(change.Gated);
        Assert.Contains("no agent signal", change.GatedBecause, StringComparison.Ordinal);
        Assert.Empty(change.Findings);
    }

    [Fact]
    public void Window_KeepsOnlyChangesThatLandedInIt()
    {
        using var repo = TestRepository.Create();
        AgentBranch(repo, "copilot/a", "src/A.cs");
        var a = MergeCommit(repo, "copilot/a", 1);
        AgentBranch(repo, "copilot/b", "src/B.cs");
        var b = MergeCommit(repo, "copilot/b", 2);
        var since = DateTimeOffset.FromUnixTimeSeconds(long.Parse(repo.Git("log", "-1", "--format=%ct", b), System.Globalization.CultureInfo.InvariantCulture));

        var report = HistoryAudit.Run(new AuditRequest(repo.Root) { Since = since });
        var before = HistoryAudit.Run(new AuditRequest(repo.Root) { Until = since });

        Assert.Equal(b, Assert.Single(report.Changes).Landing.Id);
        Assert.Contains(before.Changes, c => c.Landing.Id == a);
        Assert.DoesNotContain(before.Changes, c => c.Landing.Id == b);
    }

    private static AuditReport Audit(TestRepository repo) => HistoryAudit.Run(new AuditRequest(repo.Root));

    private static AuditedChange Change(AuditReport report, string landing) =>
        report.Changes.Single(c => c.Landing.Id == landing);

    private static void AgentBranch(TestRepository repo, string branch, string path)
    {
        repo.Checkout("main");
        repo.Branch(branch);
        repo.Write(path, $"class {Path.GetFileNameWithoutExtension(path)} {{ }}\n").Commit("Add " + path, TestRepository.CopilotAuthor);
    }

    private static ApprovalManifest Approve(TestRepository repo, SshKey key, string name)
    {
        var manifest = repo.ManifestFor(key, createdAt: ApprovedAt, validFor: TimeSpan.FromDays(30));
        repo.Approve(key, manifest.Serialize(), name);
        return manifest;
    }

    private static ApprovalManifest ApproveWithRecord(TestRepository repo, SshKey key, string name, string operation)
    {
        var plain = repo.ManifestFor(key, createdAt: ApprovedAt, validFor: TimeSpan.FromDays(30));
        var record = new ApprovalRecord(
            operationsAnalyzed: true,
            [new RecordedOperation("added", "destructive", operation, plain.Files![0].Path, 3, "M:One.Drop")],
            [],
            []);
        var manifest = new ApprovalManifest(plain.Repository, plain.Digest, plain.Approver, plain.CreatedAt, plain.ExpiresAt, plain.Files, plain.BaseRef, plain.MergeBase, record);
        repo.Approve(key, manifest.Serialize(), name);
        return manifest;
    }

    private static string MergeCommit(TestRepository repo, string branch, int number, string merger = TestRepository.Human)
    {
        repo.Checkout("main");
        repo.Git("merge", "-q", "--no-ff", "--no-commit", branch);
        var merge = repo.Commit($"Merge pull request #{number} from org/{branch}", merger);
        repo.PushMain();
        return merge;
    }

    private static string Squash(TestRepository repo, string branch, int number)
    {
        repo.Checkout("main");
        repo.Git("merge", "-q", "--squash", branch);
        var squash = repo.Commit($"{branch} (#{number})", TestRepository.CopilotAuthor, "GitHub <noreply@github.com>");
        repo.PushMain();
        return squash;
    }
}
