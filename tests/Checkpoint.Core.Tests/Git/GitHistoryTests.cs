using Checkpoint.Core.Git;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Git;

/// <summary>A branch's history in two steps, one rev-list and one exchange of commit objects, and each way it refuses to guess.</summary>
public sealed class GitHistoryTests
{
    [Fact]
    public void History_IsEveryCommitNewestFirst_ReadInOneExchange()
    {
        using var repo = TestRepository.Create();
        var first = repo.Git("rev-parse", "HEAD");
        var second = repo.Write("a.txt", "a\n").Commit("Second\n\nBody", TestRepository.CopilotAuthor);
        using var git = GitRepository.Open(repo.Root);

        var ids = GitHistory.ListCommitIds(git, second.ToUpperInvariant());
        var commits = GitHistory.ReadCommits(git.Objects, ids);

        Assert.Equal(new[] { second, first }, ids);
        Assert.Equal(new[] { first }, commits[second].Parents);
        Assert.Equal("Copilot", commits[second].Author.Name);
        Assert.Equal("Second\n\nBody\n", commits[second].Message);
        Assert.Empty(commits[first].Parents);
        Assert.Equal(3, git.GitProcessesStarted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HEAD")]
    [InlineData("--all")]
    [InlineData("012345678901234567890123456789012345678")]
    public void Tip_ThatIsNotAFullCommitId_IsRefused(string? tip)
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        var ex = Assert.Throws<ArgumentException>(() => GitHistory.ListCommitIds(git, tip!));

        Assert.Equal("tip", ex.ParamName);
        Assert.StartsWith("the tip must be a full commit id", ex.Message, StringComparison.Ordinal);
        Assert.Equal("repository", Assert.Throws<ArgumentNullException>(() => GitHistory.ListCommitIds(null!, "HEAD")).ParamName);
    }

    [Fact]
    public void RevList_ThatAnswersSomethingElse_Fails()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-rev-list", "rev-list", "printf '0123456789012345678901234567890123456789\\n\\nHEAD\\n'");
        using var git = GitRepository.Open(repo.Root, fakeGit);

        var ex = Assert.Throws<GitException>(() => GitHistory.ListCommitIds(git, repo.Git("rev-parse", "HEAD")));

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal("unexpected 'git rev-list' output", ex.Message);
    }

    [Fact]
    public void IdThatIsNotACommit_FailsTheRead()
    {
        using var repo = TestRepository.Create();
        var blob = repo.Git("rev-parse", "HEAD:README.md");
        var missing = "0123456789012345678901234567890123456789";
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal($"{blob} is a blob, not a commit", Assert.Throws<GitException>(() => GitHistory.ReadCommits(git.Objects, new[] { blob })).Message);
        using var again = GitRepository.Open(repo.Root);
        Assert.Equal($"commit {missing} is missing from the repository", Assert.Throws<GitException>(() => GitHistory.ReadCommits(again.Objects, new[] { missing })).Message);
        Assert.Empty(GitHistory.ReadCommits(again.Objects, Array.Empty<string>()));
    }

    [Fact]
    public void CommitObjectCutShort_FailsTheRead()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-short", "read request\nprintf '0123456789012345678901234567890123456789 commit 100\\ntree '");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));

        var ex = Assert.Throws<GitException>(() => GitHistory.ReadCommits(reader, new[] { "0123456789012345678901234567890123456789" }));

        Assert.Equal("'git cat-file --batch' ended inside an object", ex.Message);
    }

    [Theory]
    [InlineData(16 * 1024 * 1024, "commit 0123456789012345678901234567890123456789 has no tree")]
    [InlineData((16 * 1024 * 1024) + 1, "commit 0123456789012345678901234567890123456789 is 16777217 bytes; the limit is 16777216")]
    public void CommitOfTheLargestSize_IsRead_AndOneByteMoreIsRefused(int size, string message)
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-large-commit", $"read request\nprintf '0123456789012345678901234567890123456789 commit {size}\\n'\nhead -c {size} /dev/zero\nprintf '\\n'\ncat > /dev/null");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));

        var ex = Assert.Throws<GitException>(() => GitHistory.ReadCommits(reader, new[] { "0123456789012345678901234567890123456789" }));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void MissingArguments_AreNamed()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal("objects", Assert.Throws<ArgumentNullException>(() => GitHistory.ReadCommits(null!, Array.Empty<string>())).ParamName);
        Assert.Equal("ids", Assert.Throws<ArgumentNullException>(() => GitHistory.ReadCommits(git.Objects, null!)).ParamName);
    }
}
