using Checkpoint.Core.Git;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// The long-lived git processes (<c>cat-file --batch</c>, <c>diff-tree --stdin</c>) end when their
/// reader is closed, even one that no longer listens, and a git that stops answering is reported
/// without waiting on what it may still write.
/// </summary>
public sealed class GitPipeTests
{
    [Fact]
    public void ClosedReader_ClosesGitsInput_SoThatGitEndsByItself()
    {
        using var repo = TestRepository.Create();
        var marker = Path.Combine(repo.Folder, "input-closed");
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-waits", $"read request\nprintf 'abc missing\\n'\ncat > /dev/null\necho closed > '{marker}'");
        var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));
        Assert.Null(reader.Read("abc", 1024));

        reader.Dispose();

        Assert.Equal("closed\n", File.ReadAllText(marker));
    }

    [Fact]
    public void ClosedTreeComparison_ClosesGitsInput_SoThatGitEndsByItself()
    {
        using var repo = TestRepository.Create();
        var marker = Path.Combine(repo.Folder, "input-closed");
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-waits", $"read a\necho \"$a\"\nread b\necho \"$b\"\nread c\necho\ncat > /dev/null\necho closed > '{marker}'");
        var trees = new GitTreeDiff(new GitCli(repo.Root, fakeGit));
        Assert.Empty(trees.Compare("1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"));

        trees.Dispose();

        Assert.Equal("closed\n", File.ReadAllText(marker));
    }

    [Fact]
    public void ClosedReader_StopsAGitThatDoesNotEnd()
    {
        using var repo = TestRepository.Create();
        var pidFile = Path.Combine(repo.Folder, "pid");
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-lingers", $"echo $$ > '{pidFile}'\nread request\nprintf 'abc missing\\n'\nexec sleep 60");
        var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));
        Assert.Null(reader.Read("abc", 1024));
        var pid = File.ReadAllText(pidFile).Trim();

        reader.Dispose();

        Assert.True(SpinWait.SpinUntil(() => !IsRunning(pid), TimeSpan.FromSeconds(10)), $"git (pid {pid}) still runs after its reader was closed");
    }

    [Fact]
    public void GitThatEndsItsAnswersButLingers_IsReportedWithoutWaitingForItsErrors()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-closes-its-output", "exec 1>&-\nsleep 5\necho 'written too late' >&2");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));

        var ex = Assert.Throws<GitException>(() => reader.Read("HEAD", 1024));

        Assert.Equal("'git cat-file --batch' could not read 'HEAD': it ended early: ", ex.Message);
    }

    private static bool IsRunning(string pid)
    {
        var stat = Path.Combine("/proc", pid, "stat");
        try
        {
            // The state follows the command name in parentheses: Z is a zombie, X is dead.
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
