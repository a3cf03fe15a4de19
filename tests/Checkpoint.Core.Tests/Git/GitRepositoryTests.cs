using System.Text;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Core.Resolution;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Git;

public sealed class GitRepositoryTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("with \"quotes\"")]
    [InlineData("trailing\\")]
    [InlineData("back\\\\slash\\\"quote")]
    [InlineData("")]
    [InlineData("tab\there")]
    public void Arguments_ReachGitUnchanged(string argument)
    {
        using var repo = TestRepository.Create();
        var cli = new GitCli(repo.Root);

        // rev-parse --sq-quote echoes its arguments shell-quoted: a lossless view of what git received.
        var result = cli.RunChecked("rev-parse", "--sq-quote", argument, "end");

        Assert.Equal(" '" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "' 'end'", result.OutputText);
    }

    [Fact]
    public void NumStat_CountsLinesAndMarksBinaryFiles()
    {
        using var repo = TestRepository.Create();
        var baseCommit = repo.Git("rev-parse", "HEAD");
        repo.Branch("copilot/x")
            .Write("src/App.cs", "class App\n{\n    static void Main() { }\n    // new\n}\n")
            .WriteBytes("tab\tname.bin", new byte[] { 0, 1, 2, 3 })
            .Commit("Change");
        using var git = GitRepository.Open(repo.Root);

        var files = git.NumStat(baseCommit, git.ResolveCommit("HEAD")!);

        var app = files.Single(f => f.Path.Display == "src/App.cs");
        Assert.Equal((1, 0), (app.AddedLines, app.RemovedLines));
        var binary = files.Single(f => f.Path.Display == "tab\\x09name.bin");
        Assert.True(binary.IsBinary);
    }

    [Fact]
    public void ResolvedChange_ListsChangedFilesLikeTheDigest()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        using var resolution = ChangeResolver.Resolve(new ChangeRequest(repo.Root, CiEnvironment.FromVariables(new Dictionary<string, string?>())));
        var change = resolution.Change!;

        Assert.Equal(new[] { "a.txt" }, change.ChangedFiles.Select(f => f.Path.Display));
        Assert.Equal(new[] { "a.txt" }, change.Diff.Entries.Select(e => e.Path.Display));
        Assert.Equal(new[] { ".checkpoint/approvals/alice.json", ".checkpoint/approvals/alice.json.sig", "a.txt" }, change.Entries.Select(e => e.Path.Display).Order(StringComparer.Ordinal));
        Assert.Equal("refs/remotes/origin/main", change.Base.RefName);
        Assert.Equal(repo.Identity, change.Identity);
        Assert.Equal("copilot/x", change.Branch);
    }

    [Fact]
    public void ConcurrentEvaluations_OfOneRepository_AgreeAndLeaveNoLocks()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var verdicts = Enumerable.Range(0, 4).AsParallel().Select(_ => repo.Evaluate()).ToArray();

        Assert.All(verdicts, v => VerdictAssert.Outcome(GateOutcome.Approved, v));
        Assert.Single(verdicts.Select(v => v.Digest).Distinct());
        Assert.False(File.Exists(Path.Combine(repo.Root, ".git", "index.lock")));
    }

    [Fact]
    public void PathDisplay_EscapesControlAndInvalidBytes()
    {
        Assert.Equal("a\\x0ab", new GitPath(Encoding.UTF8.GetBytes("a\nb")).Display);
        Assert.Equal("odd\\xff", new GitPath(new byte[] { (byte)'o', (byte)'d', (byte)'d', 0xff }).Display);
        Assert.Equal("r\u00e9sum\u00e9", GitPath.FromString("r\u00e9sum\u00e9").Display);
    }

    [Fact]
    public void HungGit_IsStoppedAndReportedAfterTheTimeout()
    {
        var directory = Path.Combine(Path.GetTempPath(), "checkpoint-hung-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var fakeGit = FakeGit.Create(directory, "git", "exec sleep 30");
            var cli = new GitCli(directory, fakeGit) { Timeout = TimeSpan.FromSeconds(1) };
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();

            var ex = Assert.Throws<GitException>(() => cli.Run("status", "--short", "--branch"));

            Assert.Equal(GitFailureKind.CommandFailed, ex.Kind);
            Assert.Equal("'git status --short' did not finish within 1 seconds and was stopped", ex.Message);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
