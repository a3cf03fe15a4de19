using Checkpoint.Core.Approvals;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Resolution;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Resolution;

/// <summary>
/// The resolver never throws: each way it can fail is a typed failure with a code and a message,
/// and in CI every one of them is a failing verdict.
/// </summary>
public sealed class ChangeResolverTests
{
    private static readonly CiEnvironment Local = CiEnvironment.FromVariables(new Dictionary<string, string?>());
    private static readonly CiEnvironment Ci = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["CI"] = "true" });

    [Fact]
    public void ResolvedChange_CarriesWhatTheReviewNeeds()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n").Commit("Change", TestRepository.CopilotAuthor);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "docs-link"), "README.md");
        repo.Commit("Link", TestRepository.CopilotAuthor);

        using var resolution = ChangeResolver.Resolve(new ChangeRequest(repo.Root, Local));
        var change = resolution.Change!;

        Assert.Equal(repo.Git("rev-parse", "refs/remotes/origin/main"), change.Base.Commit);
        Assert.Equal(repo.Git("rev-parse", "refs/remotes/origin/main^{tree}"), change.Base.Tree);
        Assert.Equal(change.Base.Commit, change.MergeBase);
        Assert.Equal(repo.Git("rev-parse", "HEAD"), change.Head);
        Assert.Equal(2, change.Commits.Count);
        var app = change.Entries.Single(e => e.Path.Display == "src/App.cs");
        Assert.Equal(('M', "100644", "100644"), (app.Status, app.OldMode, app.NewMode));
        Assert.Equal(repo.Git("rev-parse", "HEAD:src/App.cs"), app.NewObjectId);
        Assert.Equal("README.md", change.Entries.Single(e => e.Path.Display == "docs-link").SymlinkTarget!.Display);

        // Blobs and trees at the merge-base and HEAD, through the same batched door.
        Assert.Equal("class App\n{\n    static void Main() { }\n}\n", System.Text.Encoding.UTF8.GetString(change.Objects.Read(change.MergeBase + ":src/App.cs", 1024)!.Content));
        Assert.Contains(change.Objects.ReadTree(change.Head + ":src", "src")!, e => e.Path.Display == "src/App.cs" && e.IsRegularFile);
        Assert.Null(change.Objects.Read(change.Head + ":missing.txt", 1024));
        Assert.Equal(
            repo.Git("ls-tree", "-r", "--name-only", "HEAD").Split('\n'),
            change.Objects.ListFiles(change.Head + "^{tree}")!.Select(e => e.Path.Display));
        Assert.Equal(new[] { "src/App.cs" }, change.Objects.ListFiles(change.MergeBase + ":src", "src")!.Select(e => e.Path.Display));
    }

    [Fact]
    public void ResolvingAgainInTheOpenRepository_SeesTheNewCommit_WithoutOpeningGitAgain()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);
        using var first = ChangeResolver.Resolve(new ChangeRequest(repo.Root, Local));
        var repository = first.Change!.Repository;
        var before = repository.GitProcessesStarted;

        repo.Approve(SshKey.Alice);
        using (var second = ChangeResolver.Resolve(new ChangeRequest(repo.Root, Local), repository))
        {
            Assert.Equal(repo.Git("rev-parse", "HEAD"), second.Change!.Head);
            Assert.Single(second.Change.Approvals);
            Assert.Equal(first.Change.Digest, second.Change.Digest);
            Assert.Equal(6, repository.GitProcessesStarted - before); // for-each-ref, merge-base, log, config, diff-tree, status
        }

        // The second resolution left the repository, and its object reader, to its owner.
        Assert.NotNull(repository.ResolveCommit("HEAD"));
    }

    [Fact]
    public void NullRequest_IsAFailureNotAnException()
    {
        using var resolution = ChangeResolver.Resolve(null!);

        Assert.Null(resolution.Change);
        Assert.Equal("CHK106", resolution.Failure!.Code);
        Assert.Contains("ArgumentNullException", resolution.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitFailingPartWay_IsAFailingVerdictInCi()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);

        var verdict = FailingGit.Evaluate(repo, failOn: "for-each-ref");

        var error = VerdictAssert.FailsWith("CHK106", verdict);
        Assert.StartsWith("git failed:", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectReaderThatDies_IsAFailingVerdictInCi()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith("CHK106", FailingGit.Evaluate(repo, failOn: "cat-file"));
        Assert.Contains("cat-file --batch", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectReaderThatAnswersNonsense_IsAFailingVerdictInCi()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);

        VerdictAssert.FailsWith("CHK106", FailingGit.Evaluate(repo, failOn: "cat-file", replacement: "echo 'not a header'; cat > /dev/null"));
    }

    [Fact]
    public void DecisionOverAResolutionWithNeitherChangeNorFailure_FailsClosed()
    {
        using var resolution = new ChangeResolution(null, null, Array.Empty<string>(), TimeSpan.Zero, null);

        var verdict = CheckpointGate.Decide(resolution, Ci, TestRepository.Now);

        Assert.Contains("failed unexpectedly", VerdictAssert.FailsWith("CHK106", verdict).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".checkpoint/allowed_signers", "allowed_signers cannot be read")]
    [InlineData(".checkpoint/revoked", "revoked list cannot be read")]
    [InlineData(".checkpoint/policy.json", "policy cannot be read")]
    public void TrustFileThatIsASymlinkOnTheBase_FailsClosed(string path, string expected)
    {
        using var repo = TestRepository.Create();
        var full = Path.Combine(repo.Root, path);
        if (File.Exists(full))
        {
            File.Delete(full);
        }

        File.CreateSymbolicLink(full, "../README.md");
        repo.Commit("Link a trust file");
        repo.PushMain();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate());
        Assert.Contains(expected, error.Text, StringComparison.Ordinal);
        Assert.Contains("must be a regular file, not mode 120000", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureChangedNextToAManifestThatIsAFolder_IsAnUnusableApproval()
    {
        using var repo = TestRepository.Create();
        repo.Write(".checkpoint/approvals/x.json/inner.txt", "a folder named like a manifest\n").Commit("Odd folder");
        repo.PushMain();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Write(".checkpoint/approvals/x.json.sig", "sig\n").Commit("a", TestRepository.CopilotAuthor);

        using var resolution = ChangeResolver.Resolve(new ChangeRequest(repo.Root, Local));
        var approval = Assert.Single(resolution.Change!.Approvals);

        Assert.Equal(".checkpoint/approvals/x.json", approval.Path);
        Assert.Contains("must be a regular file, not a tree", approval.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalCheckForApprove_IsTheGatesOwn()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);
        var manifest = repo.ManifestFor(SshKey.Alice).Serialize();
        using var resolution = ChangeResolver.Resolve(new ChangeRequest(repo.Root, Local));

        var good = GateDecision.CheckApproval(resolution.Change!, new ApprovalFile(".checkpoint/approvals/a.json", manifest, SshKey.Alice.Sign(manifest), null), TestRepository.Now);
        var untrusted = GateDecision.CheckApproval(resolution.Change!, new ApprovalFile(".checkpoint/approvals/m.json", manifest, SshKey.Mallory.Sign(manifest), null), TestRepository.Now);

        Assert.True(good.Valid, good.Reason);
        Assert.Equal(("CHK103", false), (untrusted.Code, untrusted.Valid));
    }
}
