using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Digest;

/// <summary>Which paths are approval files (left out of the digest) and which symlinks lead to them.</summary>
public sealed class ApprovalPathsTests
{
    [Theory]
    [InlineData(".checkpoint/approvals/alice.json", true)]
    [InlineData(".checkpoint/approvals/alice.json.sig", true)]
    [InlineData(".checkpoint/approvals/.json", true)]
    [InlineData(".checkpoint/approvals/", false)]
    [InlineData(".checkpoint/approvals-alice.json", false)]
    [InlineData(".checkpoint/approvals/old/alice.json", false)]
    [InlineData(".checkpoint/approvals/alice.txt", false)]
    [InlineData("src/approvals/alice.json", false)]
    public void ApprovalName_IsAJsonOrSigFileDirectlyInTheApprovalsFolder(string path, bool expected)
    {
        Assert.Equal(expected, ApprovalPaths.IsApprovalName(GitPath.FromString(path)));
    }

    [Fact]
    public void NoPath_IsNoApproval()
    {
        Assert.False(ApprovalPaths.IsApprovalName(null!));
        Assert.False(ApprovalPaths.IsInDirectory(null!));
    }

    [Theory]
    [InlineData("link", ".checkpoint", true)]
    [InlineData("link", ".checkpoint/approvals", true)]
    [InlineData("link", ".checkpoint/approvals/a.json", true)]
    [InlineData("docs/link", "..", true)]
    [InlineData("link", ".", true)]
    [InlineData("link", "C:/work/.checkpoint", true)]
    [InlineData("link", "/srv/repo/.checkpoint/approvals", true)]
    [InlineData("link", "/srv/repo/src", false)]
    [InlineData("link", "../.checkpoint", false)]
    [InlineData("link", "a", false)]
    [InlineData("link", "", false)]
    [InlineData("link", ".checkpoint/policy.json", false)]
    [InlineData("link", ".checkpoint/approvals-old", false)]
    [InlineData("link", ".checkpoint/approvalsX/a.json", false)]
    [InlineData("docs/link", "../src", false)]
    public void SymlinkTarget_ReachesTheApprovalsFolderOnlyThroughItOrAFolderAboveIt(string link, string target, bool expected)
    {
        Assert.Equal(expected, ApprovalPaths.IsReachedBySymlink(link, target));
    }

    [Fact]
    public void NoLink_ReachesNothing()
    {
        Assert.False(ApprovalPaths.IsReachedBySymlink(null!, ".checkpoint"));
    }

    [Fact]
    public void SamePathTwice_IsNotADigest()
    {
        var entry = DiffDigest.CreateEntry(GitPath.FromString("a.txt"), "000000", "100644", "-", "sha256:00");

        var error = Assert.Throws<ArgumentException>(() => DiffDigest.FromEntries([entry, entry]));

        Assert.Contains("path 'a.txt' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestWithoutARepositoryOrItsInputs_IsAProgrammingError()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal("repository", Assert.Throws<ArgumentNullException>(() => DiffDigest.Compute((GitRepository)null!, "HEAD", "HEAD")).ParamName);
        Assert.Equal("objects", Assert.Throws<ArgumentNullException>(() => DiffDigest.Compute(null!, Array.Empty<GitRawChange>())).ParamName);
        Assert.Equal("raw", Assert.Throws<ArgumentNullException>(() => DiffDigest.Compute(git.Objects, null!)).ParamName);
        Assert.Empty(DiffDigest.Compute(git.Objects, Array.Empty<GitRawChange>()).Entries);
    }

    [Fact]
    public void EntryWithoutAPath_IsAProgrammingError()
    {
        Assert.Throws<ArgumentNullException>(() => DiffDigest.CreateEntry(null!, "000000", "100644", "-", "sha256:00"));
    }
}
