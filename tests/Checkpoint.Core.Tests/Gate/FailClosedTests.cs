using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Resolution;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>
/// Each way the gate's evaluation can break ends in a failing verdict in CI. Every test starts from
/// a branch the gate approves, so a verdict that is not Failed can only come from the break itself.
/// docs/testing.md maps every <c>catch</c> of the evaluation to the test that reaches it.
/// </summary>
public sealed class FailClosedTests
{
    private const string TwoApprovers = "{ \"requiredApprovers\": 2 }";

    [Theory]
    [InlineData("rev-parse")]
    [InlineData("for-each-ref")]
    [InlineData("cat-file")]
    [InlineData("merge-base")]
    [InlineData("log")]
    [InlineData("diff-tree")]
    [InlineData("config")]
    [InlineData("status")]
    public void GitFailingAtAnyStep_OfAnApprovedBranch_FailsInCiWithChk106(string subcommand)
    {
        using var repo = ApprovedBranch();

        var error = VerdictAssert.FailsWith("CHK106", FailingGit.Evaluate(repo, failOn: subcommand));

        Assert.DoesNotContain("\n", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rev-parse")]
    [InlineData("for-each-ref")]
    [InlineData("cat-file")]
    [InlineData("merge-base")]
    [InlineData("log")]
    [InlineData("diff-tree")]
    [InlineData("config")]
    [InlineData("status")]
    public void GitExitingOneWithoutAWord_AtAnyStep_OfAnApprovedBranch_FailsInCi(string subcommand)
    {
        using var repo = ApprovedBranch();

        // Exits at once, without reading its input: a batch reader that writes to it meets a closed pipe.
        // (A git that reads its input and never answers is a hang, which the timeout stops: GitRepositoryTests.HungGit_IsStoppedAndReportedAfterTheTimeout.)
        var verdict = FailingGit.Evaluate(repo, failOn: subcommand, replacement: "exit 1");

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.NotEmpty(verdict.Errors);
    }

    [Fact]
    public void TimingsCallbackThatThrows_TurnsAnApprovalIntoAFailingVerdict()
    {
        using var repo = ApprovedBranch();

        var verdict = CheckpointGate.Evaluate(new GateRequest(repo.Root)
        {
            Environment = FailingGit.Ci,
            Now = TestRepository.Now,
            Timings = _ => throw new InvalidOperationException("the log is gone"),
        });

        var error = VerdictAssert.FailsWith("CHK106", verdict);
        Assert.Contains("InvalidOperationException: the log is gone", error.Text, StringComparison.Ordinal);
        Assert.True(verdict.IsCi);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public void BrokenObjectOfTheBasesAllowedSigners_FailsInCiWithChk106(string damage)
    {
        using var repo = ApprovedBranch();
        Damage(repo, repo.Git("rev-parse", "refs/remotes/origin/main:.checkpoint/allowed_signers"), damage);

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate(FailingGit.Ci));

        Assert.DoesNotContain("failed unexpectedly", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public void BrokenObjectOfTheApprovalManifest_FailsInCi(string damage)
    {
        using var repo = ApprovedBranch();
        Damage(repo, repo.Git("rev-parse", "HEAD:.checkpoint/approvals/alice.json"), damage);

        var verdict = repo.Evaluate(FailingGit.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void BlobOfAChangedFileMissingFromTheObjectStore_FailsInCiWithChk106()
    {
        using var repo = ApprovedBranch();
        Damage(repo, repo.Git("rev-parse", "HEAD:src/Feature.cs"), "missing");

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate(FailingGit.Ci));

        Assert.Contains("cannot read object", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RevokedListThatIsNotUtf8OnTheBase_FailsInCiWithChk106()
    {
        using var repo = ApprovedBranch();
        repo.Checkout("main").WriteBytes(".checkpoint/revoked", [0x6b, 0x65, 0x79, 0x20, 0xff, 0xfe, 0x0a]).Commit("Revoke, badly");
        repo.PushMain().Checkout("claude/feature");

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate(FailingGit.Ci));

        Assert.Contains("revoked list is malformed", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{ \"requiredApprovers\": \"two\" }")]
    [InlineData("{ \"protectedBranches\": \"main\" }")]
    [InlineData("[1]")]
    public void PolicyThatMakesTheParserThrow_OnTheBase_FailsInCiWithChk106(string policy)
    {
        using var repo = ApprovedBranch();
        repo.Checkout("main").WritePolicy(policy).Commit("Policy, badly");
        repo.PushMain().Checkout("claude/feature");

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate(FailingGit.Ci));

        Assert.Contains("the base's policy is malformed", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BaseRefOverrideInCiWithoutAnyBase_FailsWithChk105AndSaysTheOverrideIsIgnored()
    {
        using var repo = ApprovedBranch();
        repo.Git("update-ref", "-d", "refs/remotes/origin/HEAD");
        repo.Git("update-ref", "-d", "refs/remotes/origin/main");

        var error = VerdictAssert.FailsWith("CHK105", repo.Evaluate(FailingGit.Ci, baseRef: "claude/feature"));

        Assert.Contains("CheckpointBaseRef 'claude/feature' is ignored in CI", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalsFolderThatIsAFileAtHead_LeavesOutTheHintAndStillFails()
    {
        // HEAD has a file where the approvals folder would be and the working tree has the folder:
        // the hint about uncommitted approvals cannot be worked out, and the verdict does not need it.
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Write(".checkpoint/approvals", "not a folder\n").Commit("Add feature", TestRepository.CopilotAuthor);
        File.Delete(Path.Combine(repo.Root, ".checkpoint/approvals"));
        repo.Write(".checkpoint/approvals/alice.json", "{}\n");

        var verdict = repo.Evaluate(FailingGit.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.DoesNotContain(verdict.Messages, m => m.Text.Contains("failed unexpectedly", StringComparison.Ordinal));
        Assert.DoesNotContain(verdict.Messages, m => m.Text.Contains("commit them", StringComparison.Ordinal));
    }

    [Fact]
    public void OneKeyListedUnderTwoPrincipals_CountsAsOneApprover()
    {
        using var repo = TestRepository.Create(TwoApprovers);
        repo.Write(".checkpoint/allowed_signers", SshKey.Alice.AllowedSignersLine().Replace("alice@example.com", "alice@example.com,bob@example.com", StringComparison.Ordinal) + "\n").Commit("Alice may sign as Bob");
        repo.PushMain();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "as-alice");
        repo.Approve(SshKey.Alice, manifest: ManifestAs(repo, "bob@example.com"), name: "as-bob");

        var verdict = repo.Evaluate(FailingGit.Ci);

        var error = VerdictAssert.FailsWith("CHK107", verdict);
        Assert.Contains("1 distinct approver(s)", error.Text, StringComparison.Ordinal);
        Assert.All(verdict.Approvals, a => Assert.True(a.Valid, a.Reason));
    }

    [Fact]
    public void TwoKeysOfOnePrincipal_CountAsOneApprover()
    {
        using var repo = TestRepository.Create(TwoApprovers);
        var second = repo.CreateKey("alice-laptop", "alice@example.com");
        repo.TrustSigners(SshKey.Alice, second).Commit("Alice has two keys");
        repo.PushMain();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "desktop");
        repo.Approve(second, name: "laptop");

        var error = VerdictAssert.FailsWith("CHK107", repo.Evaluate(FailingGit.Ci));

        Assert.Contains("1 distinct approver(s)", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ApproverCommitThatAddsTheApprovalAndAnotherChange_IsTheirOwnWork()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);

        // The approval covers the tree with Alice's tweak; then the tweak and the approval become one commit of hers.
        repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Tweak", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, commit: false);
        repo.Git("reset", "-q", "--soft", "HEAD~1");
        var mixed = repo.Commit("Approve, and a small fix", SshKey.Alice.Identity);

        var verdict = repo.Evaluate(FailingGit.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.All(verdict.Errors, e => Assert.Equal("CHK107", e.Code));
        Assert.Contains(verdict.Errors, e => e.Text.Contains("authored or committed " + mixed[..12], StringComparison.Ordinal));
        Assert.Empty(verdict.Approvers);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"schema\": 5}")]
    [InlineData("[\"not\", \"an\", \"object\"]")]
    [InlineData("\u00ff\u00fe")]
    public void ManifestThatMakesTheParserThrow_SignedByATrustedKey_FailsInCi(string manifest)
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var bytes = manifest == "\u00ff\u00fe" ? new byte[] { 0x7b, 0xff, 0xfe, 0x7d } : System.Text.Encoding.UTF8.GetBytes(manifest);
        repo.Approve(SshKey.Alice, manifest: bytes);

        var verdict = repo.Evaluate(FailingGit.Ci);

        var error = VerdictAssert.FailsWith("CHK102", verdict);
        Assert.Contains("manifest cannot be parsed", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN SSH SIGNATURE-----\n!!!! not base64 !!!!\n-----END SSH SIGNATURE-----\n", "base64")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n", "signature is malformed")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAf////8=\n-----END SSH SIGNATURE-----\n", "signature is malformed")]
    public void SignatureThatMakesTheParserThrow_NextToAValidManifest_FailsInCi(string signature, string expected)
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var path = repo.Approve(SshKey.Alice, commit: false);
        repo.Write(path + ".sig", signature);
        repo.Commit("Approve", SshKey.Alice.Identity);

        var error = VerdictAssert.FailsWith("CHK102", repo.Evaluate(FailingGit.Ci));

        Assert.Contains(expected, error.Text, StringComparison.Ordinal);
    }

    /// <summary>An agent branch with one change and Alice's valid approval: the gate approves it in CI.</summary>
    private static TestRepository ApprovedBranch()
    {
        var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(FailingGit.Ci));
        return repo;
    }

    private static byte[] ManifestAs(TestRepository repo, string approver)
    {
        using var resolution = ChangeResolver.Resolve(new ChangeRequest(repo.Root, CiEnvironment.FromVariables(new Dictionary<string, string?>())));
        return resolution.Change!.CreateManifest(approver, TestRepository.Now.AddHours(-1), TimeSpan.FromDays(7)).Serialize();
    }

    /// <summary>Removes a loose object from the working repository's store, or overwrites it with bytes zlib cannot read.</summary>
    private static void Damage(TestRepository repo, string objectId, string damage)
    {
        var path = Path.Combine(repo.Root, ".git", "objects", objectId[..2], objectId[2..]);
        Assert.True(File.Exists(path), "the object is not loose: " + path);
        File.SetAttributes(path, FileAttributes.Normal);
        if (damage == "missing")
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllBytes(path, [0x78, 0x01, 0xde, 0xad, 0xbe, 0xef]);
        }
    }
}
