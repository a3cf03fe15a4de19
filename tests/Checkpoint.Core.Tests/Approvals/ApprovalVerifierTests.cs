using System.Security.Cryptography;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Approvals;

/// <summary>
/// <see cref="ApprovalVerifier"/> on its own, without a repository: one manifest signed by the real
/// <c>ssh-keygen -Y sign</c> per case, one rule broken per case, and the exact rejection and line
/// the gate shows for it. The order of the checks matters (a revoked key is revoked whoever it
/// claims to be), and so do the edges of every time window.
/// </summary>
public sealed class ApprovalVerifierTests
{
    private const string Repository = "github.com/contoso/shop";
    private static readonly DateTimeOffset Now = TestRepository.Now;
    private static readonly DiffDigest Diff = DigestOf(("src/App.cs", "1"), ("src/Job.cs", "2"));

    [Fact]
    public void ValidApproval_CountsWithItsKeyAndPrincipals()
    {
        var check = Verify(Manifest());

        Assert.True(check.IsValid, check.Reason);
        Assert.Null(check.Rejection);
        Assert.Null(check.Reason);
        Assert.Equal("alice@example.com", check.Manifest!.Approver);
        Assert.Equal(Fingerprint(SshKey.Alice), check.Key!.Fingerprint);
        Assert.Equal(new[] { "alice@example.com" }, check.Principals);
        Assert.Null(check.UserPresent); // only a security key's signature says whether a user touched it
    }

    [Fact]
    public void Principals_AreTheLiteralOnesOnTheTrustingLineAndTheApprover()
    {
        // Patterns and negations name nobody in particular: the author check cannot match them.
        var line = $"alice@example.com,Alice,ALICE@example.com,*@contoso.com,al?ce,!bob@example.com {SshKey.Alice.PublicKeyText}";

        var check = Verify(Manifest(), signers: line);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(new[] { "alice@example.com", "Alice" }, check.Principals);
    }

    [Fact]
    public void ApproverMatchedOnlyByAPattern_IsStillOneOfThePrincipals()
    {
        var check = Verify(Manifest(), signers: $"*@example.com {SshKey.Alice.PublicKeyText}");

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(new[] { "alice@example.com" }, check.Principals);
    }

    [Fact]
    public void FileWithAProblem_IsUnusableForThatProblem()
    {
        var manifest = Manifest();
        var file = new ApprovalFile(".checkpoint/approvals/alice.json", manifest, SshKey.Alice.Sign(manifest), "'.checkpoint/approvals/alice.json' is a symlink");

        var check = Verifier().Check(file);

        AssertRejected(check, ApprovalRejection.Unusable, "'.checkpoint/approvals/alice.json' is a symlink");
        Assert.Null(check.Manifest);
        Assert.Null(check.Key);
        Assert.Null(check.UserPresent);
        Assert.Empty(check.Principals);
    }

    [Fact]
    public void FileWithoutManifestOrSignature_IsIncomplete()
    {
        var manifest = Manifest();

        AssertRejected(Verifier().Check(new ApprovalFile("a.json", null, SshKey.Alice.Sign(manifest), null)), ApprovalRejection.Unusable, "approval is incomplete");
        AssertRejected(Verifier().Check(new ApprovalFile("a.json", manifest, null, null)), ApprovalRejection.Unusable, "approval is incomplete");
    }

    [Fact]
    public void ManifestThatDoesNotParse_IsMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"schema\": 1}");

        var check = Verifier().Check(new ApprovalFile("a.json", bytes, SshKey.Alice.Sign(bytes), null));

        Assert.Equal(ApprovalRejection.MalformedManifest, check.Rejection);
        Assert.StartsWith("manifest cannot be parsed: ", check.Reason, StringComparison.Ordinal);
        Assert.Equal(ApprovalManifest.TryParse(bytes, out _, out var error) ? null : "manifest cannot be parsed: " + error, check.Reason);
        Assert.Null(check.Manifest);
    }

    [Fact]
    public void SignatureThatDoesNotParse_IsMalformedAndKeepsTheManifest()
    {
        var check = Verifier().Check(new ApprovalFile("a.json", Manifest(), "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n", null));

        Assert.Equal(ApprovalRejection.MalformedSignature, check.Rejection);
        Assert.StartsWith("signature is malformed: ", check.Reason, StringComparison.Ordinal);
        Assert.Equal("alice@example.com", check.Manifest!.Approver);
        Assert.Null(check.Key);
    }

    [Fact]
    public void SignatureOverOtherBytes_IsInvalid()
    {
        var signed = Manifest();
        var shown = Manifest(approver: "bob@example.com");

        var check = Verifier().Check(new ApprovalFile("a.json", shown, SshKey.Alice.Sign(signed), null));

        Assert.Equal(ApprovalRejection.InvalidSignature, check.Rejection);
        Assert.StartsWith("signature is invalid: ", check.Reason, StringComparison.Ordinal);
        Assert.Equal("bob@example.com", check.Manifest!.Approver);
        Assert.Null(check.Key);
    }

    [Fact]
    public void SignatureInAnotherNamespace_IsInvalid()
    {
        var manifest = Manifest();

        var check = Verifier().Check(new ApprovalFile("a.json", manifest, SshKey.Alice.Sign(manifest, "git"), null));

        Assert.Equal(ApprovalRejection.InvalidSignature, check.Rejection);
        Assert.Contains("checkpoint-approval", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BaseWithoutAllowedSigners_TrustsNobody()
    {
        var manifest = Manifest();
        var verifier = new ApprovalVerifier(Diff, Repository, signers: null, CheckpointPolicy.Default, Now);

        var check = verifier.Check(Signed(manifest, SshKey.Alice));

        AssertRejected(check, ApprovalRejection.NoTrustedSigners, "the base has no .checkpoint/allowed_signers, so no signer is trusted");
        Assert.Equal("alice@example.com", check.Manifest!.Approver);
        Assert.Null(check.Key);
    }

    [Fact]
    public void RevokedKey_IsRejectedBeforeTrustIsAsked()
    {
        // Mallory is not trusted either: the revocation is the reason shown, it is the stronger one.
        var fingerprint = Fingerprint(SshKey.Mallory);
        var revoked = RevokedList.Parse(Encoding.UTF8.GetBytes($"key {fingerprint}\n"));

        var check = Verify(Manifest(approver: "mallory@example.com"), SshKey.Mallory, revoked: revoked);

        AssertRejected(check, ApprovalRejection.RevokedKey, $"signer {fingerprint} is revoked by the base's .checkpoint/revoked");
        Assert.Equal(fingerprint, check.Key!.Fingerprint);
        Assert.Empty(check.Principals);
    }

    [Fact]
    public void KeyTheBaseDoesNotTrust_IsUntrusted()
    {
        var check = Verify(Manifest(approver: "mallory@example.com"), SshKey.Mallory);

        Assert.Equal(ApprovalRejection.UntrustedSigner, check.Rejection);
        Assert.StartsWith($"signer {Fingerprint(SshKey.Mallory)} is not trusted as 'mallory@example.com' by the base's allowed_signers: ", check.Reason, StringComparison.Ordinal);
        Assert.Null(check.Key);
        Assert.Empty(check.Principals);
    }

    [Fact]
    public void TrustedKeySigningAsSomeoneElse_IsUntrusted()
    {
        var check = Verify(Manifest(approver: "bob@example.com"), SshKey.Alice);

        Assert.Equal(ApprovalRejection.UntrustedSigner, check.Rejection);
        Assert.StartsWith($"signer {Fingerprint(SshKey.Alice)} is not trusted as 'bob@example.com'", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RevokedApproval_IsRejectedWithItsHash()
    {
        var manifest = Manifest();
        var hash = ApprovalVerifier.ManifestHash(manifest);
        var revoked = RevokedList.Parse(Encoding.UTF8.GetBytes($"approval {hash}\n"));

        var check = Verify(manifest, revoked: revoked);

        AssertRejected(check, ApprovalRejection.RevokedApproval, $"this approval ({hash}) is revoked by the base's .checkpoint/revoked");
        Assert.Equal(new[] { "alice@example.com" }, check.Principals);
        Assert.NotNull(check.Key);
    }

    [Fact]
    public void RevokedDiff_RejectsEveryApprovalOfIt()
    {
        var revoked = RevokedList.Parse(Encoding.UTF8.GetBytes($"diff {Diff.Digest}\n"));

        var check = Verify(Manifest(), revoked: revoked);

        AssertRejected(check, ApprovalRejection.RevokedApproval, $"approvals of diff {Diff.Digest} are revoked by the base's .checkpoint/revoked");
        Assert.Equal(new[] { "alice@example.com" }, check.Principals);
    }

    [Fact]
    public void RevocationOfAnotherApprovalOrDiff_LeavesThisOneValid()
    {
        var other = DigestOf(("src/Other.cs", "9"));
        var revoked = RevokedList.Parse(Encoding.UTF8.GetBytes($"approval {ApprovalVerifier.ManifestHash(Manifest(approver: "bob@example.com"))}\ndiff {other.Digest}\nkey {Fingerprint(SshKey.Mallory)}\n"));

        var check = Verify(Manifest(), revoked: revoked);

        Assert.True(check.IsValid, check.Reason);
    }

    [Fact]
    public void ApprovalForAnotherRepository_IsAWrongRepository()
    {
        var check = Verify(Manifest(repository: "github.com/contoso/other"));

        AssertRejected(check, ApprovalRejection.WrongRepository, "approval is for repository 'github.com/contoso/other', this is 'github.com/contoso/shop'");
        Assert.Equal(new[] { "alice@example.com" }, check.Principals);
    }

    [Fact]
    public void RepositoryWrittenAsARemoteUrl_IsCompareAfterNormalizing()
    {
        Assert.True(Verify(Manifest(repository: "https://GitHub.com/contoso/shop.git")).IsValid);
        Assert.True(Verify(Manifest(repository: "git@github.com:contoso/shop.git")).IsValid);
    }

    [Fact]
    public void ApprovalOfAnotherDiff_NamesWhatChanged()
    {
        var approved = DigestOf(("src/App.cs", "1"), ("src/Gone.cs", "3"), ("src/Job.cs", "0"));

        var check = Verify(Manifest(diff: approved));

        AssertRejected(check, ApprovalRejection.WrongDiff, $"approval is for diff {approved.Digest}, the branch is now {Diff.Digest}; changed since approval: src/Gone.cs, src/Job.cs");
        Assert.Equal(new[] { "alice@example.com" }, check.Principals);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void CreatedAt_MayBeUpToFiveMinutesAhead(int secondsAhead, bool valid)
    {
        var created = Now.AddSeconds(secondsAhead);

        var check = Verify(Manifest(createdAt: created, expiresAt: Now.AddDays(1)));

        if (valid)
        {
            Assert.True(check.IsValid, check.Reason);
        }
        else
        {
            AssertRejected(check, ApprovalRejection.CreatedInFuture, "approval says it was created at 2026-06-01T12:05:01Z, which is in the future (now 2026-06-01T12:00:00Z)");
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void ExpiresAt_MustBeAfterNow(int secondsLeft, bool valid)
    {
        var expires = Now.AddSeconds(secondsLeft);

        var check = Verify(Manifest(createdAt: Now.AddHours(-1), expiresAt: expires));

        if (valid)
        {
            Assert.True(check.IsValid, check.Reason);
        }
        else
        {
            AssertRejected(check, ApprovalRejection.Expired, $"approval expired at {ApprovalManifest.FormatTimestamp(expires)}");
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Age_MayReachThePolicyMaximumButNotPassIt(int secondsPast, bool valid)
    {
        var created = Now - CheckpointPolicy.DefaultMaxApprovalAge - TimeSpan.FromSeconds(secondsPast);

        var check = Verify(Manifest(createdAt: created, expiresAt: Now.AddDays(1)));

        if (valid)
        {
            Assert.True(check.IsValid, check.Reason);
        }
        else
        {
            AssertRejected(check, ApprovalRejection.TooOld, $"approval was created at {ApprovalManifest.FormatTimestamp(created)}, more than the policy's 14 days ago");
        }
    }

    [Fact]
    public void PolicyMaximumAge_IsShownWithUpToTwoDecimals()
    {
        var policy = new CheckpointPolicy(maxApprovalAge: TimeSpan.FromDays(1.5));
        var created = Now.AddDays(-2);
        var verifier = new ApprovalVerifier(Diff, Repository, Signers(SshKey.Alice.AllowedSignersLine()), policy, Now);

        var check = verifier.Check(Signed(Manifest(createdAt: created, expiresAt: Now.AddDays(1)), SshKey.Alice));

        AssertRejected(check, ApprovalRejection.TooOld, $"approval was created at {ApprovalManifest.FormatTimestamp(created)}, more than the policy's 1.5 days ago");
    }

    [Fact]
    public void DescribeChanges_ListsAddedChangedAndRemovedFilesInOrder()
    {
        var approved = ApprovedList(("src/App.cs", "1"), ("src/Job.cs", "0"), ("src/Removed.cs", "4"));
        var current = DigestOf(("src/Added.cs", "5"), ("src/App.cs", "1"), ("src/Job.cs", "2"));

        var text = Verifier(current).DescribeChanges(ManifestWith(approved));

        Assert.Equal("changed since approval: src/Added.cs, src/Job.cs, src/Removed.cs", text);
    }

    [Fact]
    public void DescribeChanges_ShowsTwentyFilesAndCountsTheRest()
    {
        var current = DigestOf(Enumerable.Range(1, 23).Select(i => ($"src/F{i:00}.cs", "1")).ToArray());

        var text = Verifier(current).DescribeChanges(ManifestWith(new List<ApprovedFile>()));

        Assert.Equal("changed since approval: " + string.Join(", ", Enumerable.Range(1, 20).Select(i => $"src/F{i:00}.cs")) + " and 3 more", text);
    }

    [Fact]
    public void DescribeChanges_ShowsExactlyTwentyWithoutACount()
    {
        var current = DigestOf(Enumerable.Range(1, 20).Select(i => ($"src/F{i:00}.cs", "1")).ToArray());

        var text = Verifier(current).DescribeChanges(ManifestWith(new List<ApprovedFile>()));

        Assert.EndsWith("src/F20.cs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeChanges_SaysSoWhenTheFileListCannotExplainTheDigest()
    {
        var same = ApprovedList(("src/App.cs", "1"), ("src/Job.cs", "2"));

        Assert.Equal("no listed file differs (the approval's file list does not match its digest)", Verifier().DescribeChanges(ManifestWith(same)));
        Assert.Equal("the approval lists no files, so the changed files cannot be named", Verifier().DescribeChanges(ManifestWith(null)));
        Assert.Equal("the approval lists no files, so the changed files cannot be named", Verifier().DescribeChanges(null!));
    }

    [Fact]
    public void ManifestHash_IsTheLowercaseSha256OfTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("{}\n");

        Assert.Equal("sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), ApprovalVerifier.ManifestHash(bytes));
        Assert.Throws<ArgumentNullException>(() => ApprovalVerifier.ManifestHash(null!));
    }

    [Theory]
    [InlineData("Alice Approver", "ALICE@example.com", "Copilot", "copilot@github.com")]
    [InlineData("Copilot", "copilot@github.com", "Alice Approver", "Alice@Example.com")]
    [InlineData("alice", "a@elsewhere.org", "Copilot", "copilot@github.com")]
    [InlineData("Copilot", "copilot@github.com", "ALICE", "a@elsewhere.org")]
    public void OwnWork_IsACommitTheApproverAuthoredOrCommittedUnderAnyOfTheirNames(string authorName, string authorEmail, string committerName, string committerEmail)
    {
        var principals = new[] { "alice@example.com", "alice" };
        var theirs = Commit("c2", authorName, authorEmail, committerName, committerEmail, "src/App.cs");
        var commits = new[] { Commit("c1", "Copilot", "copilot@github.com", "Copilot", "copilot@github.com", "src/Job.cs"), theirs, Commit("c3", "Alice Approver", "alice@example.com", "Alice Approver", "alice@example.com", "src/Late.cs") };

        Assert.Same(theirs, ApprovalVerifier.OwnWorkOf(principals, commits));
    }

    [Fact]
    public void OwnWork_IsNotACommitOfSomeoneElse()
    {
        var commits = new[] { Commit("c1", "Copilot", "copilot@github.com", "Bob", "bob@example.com", "src/App.cs") };

        Assert.Null(ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com", "alice" }, commits));
    }

    [Fact]
    public void OwnWork_IsNotACommitThatOnlyAddsApprovals()
    {
        var approvalsOnly = Commit("c1", "Alice", "alice@example.com", "Alice", "alice@example.com", ".checkpoint/approvals/alice.json", ".checkpoint/approvals/alice.json.sig");
        var approvalsAndCode = Commit("c2", "Alice", "alice@example.com", "Alice", "alice@example.com", ".checkpoint/approvals/alice.json", "src/App.cs");

        Assert.Null(ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com" }, new[] { approvalsOnly }));
        Assert.Same(approvalsAndCode, ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com" }, new[] { approvalsOnly, approvalsAndCode }));
    }

    [Fact]
    public void OwnWork_CountsACommitWhoseChangesAreUnknownOrEmpty()
    {
        // Nothing shows the commit only approved: it is the approver's work.
        var unknown = new GitCommit("c1", Array.Empty<string>(), "Alice", "alice@example.com", "Alice", "alice@example.com", "Change", changes: null);
        var empty = new GitCommit("c2", Array.Empty<string>(), "Alice", "alice@example.com", "Alice", "alice@example.com", "Empty", Array.Empty<GitRawChange>());

        Assert.Same(unknown, ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com" }, new[] { unknown }));
        Assert.Same(empty, ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com" }, new[] { empty }));
    }

    [Fact]
    public void OwnWork_IsNotAnAutomaticMerge()
    {
        var merge = Commit("m1", "Alice", "alice@example.com", "Alice", "alice@example.com", "src/App.cs").AsAutomaticMerge();

        Assert.Null(ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com" }, new[] { merge }));
    }

    [Fact]
    public void OwnWork_OfAValidCheck_UsesItsPrincipals()
    {
        var check = Verify(Manifest());
        var theirs = Commit("c1", "Alice", "alice@example.com", "Alice", "alice@example.com", "src/App.cs");

        Assert.Same(theirs, ApprovalVerifier.OwnWork(check, new[] { theirs }));
        Assert.Null(ApprovalVerifier.OwnWork(null!, new[] { theirs }));
        Assert.Null(ApprovalVerifier.OwnWork(check, null!));
        Assert.Null(ApprovalVerifier.OwnWorkOf(null!, new[] { theirs }));
        Assert.Null(ApprovalVerifier.OwnWorkOf(new[] { "alice@example.com" }, null!));
    }

    [Fact]
    public void MissingArguments_AreNamed()
    {
        var policy = CheckpointPolicy.Default;

        Assert.Equal("diff", Assert.Throws<ArgumentNullException>(() => new ApprovalVerifier(null!, Repository, null, policy, Now)).ParamName);
        Assert.Equal("repository", Assert.Throws<ArgumentNullException>(() => new ApprovalVerifier(Diff, null!, null, policy, Now)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new ApprovalVerifier(Diff, Repository, null, null!, Now)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => Verifier().Check(null!)).ParamName);
    }

    [Fact]
    public void RejectedFor_KeepsEverythingButTheVerdict()
    {
        var check = Verify(Manifest());

        var rejected = check.RejectedFor(ApprovalRejection.SelfApproved, "wrote part of it");

        Assert.False(rejected.IsValid);
        Assert.Equal(ApprovalRejection.SelfApproved, rejected.Rejection);
        Assert.Equal("wrote part of it", rejected.Reason);
        Assert.Same(check.File, rejected.File);
        Assert.Same(check.Manifest, rejected.Manifest);
        Assert.Same(check.Key, rejected.Key);
        Assert.Same(check.Principals, rejected.Principals);
        Assert.Equal(check.UserPresent, rejected.UserPresent);
    }

    private static void AssertRejected(ApprovalCheck check, ApprovalRejection rejection, string reason)
    {
        Assert.False(check.IsValid);
        Assert.Equal(rejection, check.Rejection);
        Assert.Equal(reason, check.Reason);
    }

    private static ApprovalCheck Verify(byte[] manifest, SshKey? key = null, string? signers = null, RevokedList? revoked = null)
    {
        var verifier = new ApprovalVerifier(Diff, Repository, Signers(signers ?? SshKey.Alice.AllowedSignersLine()), CheckpointPolicy.Default, Now, revoked);
        return verifier.Check(Signed(manifest, key ?? SshKey.Alice));
    }

    private static ApprovalVerifier Verifier(DiffDigest? diff = null) =>
        new(diff ?? Diff, Repository, Signers(SshKey.Alice.AllowedSignersLine()), CheckpointPolicy.Default, Now);

    private static AllowedSigners Signers(string text) => AllowedSigners.Parse(text + "\n", CheckpointPolicy.AllowedSignersPath);

    private static ApprovalFile Signed(byte[] manifest, SshKey key) =>
        new(".checkpoint/approvals/" + key.Name + ".json", manifest, key.Sign(manifest), null);

    private static byte[] Manifest(string approver = "alice@example.com", string repository = Repository, DiffDigest? diff = null, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null)
    {
        var digest = diff ?? Diff;
        var created = createdAt ?? Now.AddHours(-1);
        var files = digest.Entries.Select(e => new ApprovedFile(e.Path.Display, e.Hash)).ToList();
        return new ApprovalManifest(repository, digest.Digest, approver, created, expiresAt ?? created.AddDays(7), files).Serialize();
    }

    private static ApprovalManifest ManifestWith(IReadOnlyList<ApprovedFile>? files) =>
        new(Repository, "sha256:" + new string('0', 64), "alice@example.com", Now.AddHours(-1), Now.AddDays(1), files);

    private static List<ApprovedFile> ApprovedList(params (string Path, string Content)[] files) =>
        DigestOf(files).Entries.Select(e => new ApprovedFile(e.Path.Display, e.Hash)).ToList();

    private static DiffDigest DigestOf(params (string Path, string Content)[] files) =>
        DiffDigest.FromEntries(files.Select(f => DiffDigest.CreateEntry(GitPath.FromString(f.Path), "100644", "100644", "sha256:" + new string('a', 64), "sha256:" + new string(f.Content[0], 64))));

    private static string Fingerprint(SshKey key) => SshPublicKey.Parse(key.PublicKeyText).Fingerprint;

    private static GitCommit Commit(string id, string authorName, string authorEmail, string committerName, string committerEmail, params string[] paths) =>
        new(id, Array.Empty<string>(), authorName, authorEmail, committerName, committerEmail, "Change", paths.Select(p => new GitRawChange("000000", "100644", new string('0', 40), new string('1', 40), 'A', GitPath.FromString(p))).ToList());
}
