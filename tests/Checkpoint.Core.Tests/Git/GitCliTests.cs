using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// How the gate starts git and reads its failures: arguments that reach git as written, git's own
/// environment variables stripped, and a failure's kind and first line told apart so that the build
/// says what to fix.
/// </summary>
public sealed class GitCliTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("a\tb", "\"a\tb\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("a\vb", "\"a\vb\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("trailing\\", "trailing\\")]
    [InlineData("a b\\", "\"a b\\\\\"")]
    [InlineData("a b\\\\", "\"a b\\\\\\\\\"")]
    [InlineData("a\\\\\"b", "\"a\\\\\\\\\\\"b\"")]
    [InlineData("a\\b c", "\"a\\b c\"")]
    [InlineData("a\\\\b c", "\"a\\\\b c\"")]
    [InlineData(" lead", "\" lead\"")]
    [InlineData("\"q", "\"\\\"q\"")]
    public void Argument_IsQuotedByTheRulesTheRuntimeSplitsBy(string argument, string quoted)
    {
        Assert.Equal(quoted, GitCli.JoinArguments(new[] { argument }));
        Assert.Equal("x " + quoted + " y", GitCli.JoinArguments(new[] { "x", argument, "y" }));
    }

    [Fact]
    public void NoArguments_IsAnEmptyCommandLine()
    {
        Assert.Equal(string.Empty, GitCli.JoinArguments(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("fatal: bad revision 'x'\n", "bad revision 'x'")]
    [InlineData("\n  \nerror: something\nfatal: later\n", "error: something")]
    [InlineData("  fatal: padded  \n", "padded")]
    [InlineData("warning: fatal: inside\n", "warning: fatal: inside")]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    public void FirstLine_IsTheFirstNonBlankLine_WithoutFatal(string error, string line)
    {
        Assert.Equal(line, GitCli.FirstLine(error));
    }

    [Theory]
    [InlineData("fatal: detected dubious ownership in repository at '/r'\n", GitFailureKind.UnsafeDirectory, "git refused the repository (safe.directory): detected dubious ownership in repository at '/r'")]
    [InlineData("To add an exception, use: git config --global --add Safe.Directory /r\n", GitFailureKind.UnsafeDirectory, "git refused the repository (safe.directory): To add an exception, use: git config --global --add Safe.Directory /r")]
    [InlineData("fatal: Not a git repository (or any of the parent directories): .git\n", GitFailureKind.NotARepository, "not a git repository: Not a git repository (or any of the parent directories): .git")]
    [InlineData("fatal: bad revision 'x'\n", GitFailureKind.CommandFailed, "'git rev-parse --verify' failed with exit code 128: bad revision 'x'")]
    [InlineData("", GitFailureKind.CommandFailed, "'git rev-parse --verify' failed with exit code 128: no message")]
    [InlineData("dubious ownership in repository at '/r'", GitFailureKind.UnsafeDirectory, "git refused the repository (safe.directory): dubious ownership in repository at '/r'")]
    [InlineData("safe.directory is not set", GitFailureKind.UnsafeDirectory, "git refused the repository (safe.directory): safe.directory is not set")]
    [InlineData("not a git repository: /r", GitFailureKind.NotARepository, "not a git repository: not a git repository: /r")]
    public void Failure_SaysWhatKindAndWhy(string error, GitFailureKind kind, string message)
    {
        var ex = GitCli.Failure(new[] { "rev-parse", "--verify", "x" }, new GitResult(128, Array.Empty<byte>(), error));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Failure_KeepsItsKindAndCause()
    {
        var cause = new IOException("pipe closed");

        var ex = new GitException(GitFailureKind.CommandFailed, "'git cat-file --batch' failed", cause);

        Assert.Equal((GitFailureKind.CommandFailed, "'git cat-file --batch' failed"), (ex.Kind, ex.Message));
        Assert.Same(cause, ex.InnerException);
        Assert.Equal(GitFailureKind.UnexpectedOutput, new GitException(GitFailureKind.UnexpectedOutput, "m").Kind);
    }

    [Fact]
    public void Result_TextLosesOnlyTheTrailingLineBreaks()
    {
        var result = new GitResult(0, Encoding.UTF8.GetBytes("a\r\nb\n\r\n"), string.Empty);

        Assert.True(result.Succeeded);
        Assert.Equal("a\r\nb", result.OutputText);
        Assert.False(new GitResult(1, Array.Empty<byte>(), string.Empty).Succeeded);
    }

    [Fact]
    public void MissingGit_IsReportedAsMissing()
    {
        var cli = new GitCli(Path.GetTempPath(), "/nonexistent/checkpoint/git");

        var ex = Assert.Throws<GitException>(() => cli.Run("version"));

        Assert.Equal(GitFailureKind.GitMissing, ex.Kind);
        Assert.StartsWith("git is not installed or not on PATH ('/nonexistent/checkpoint/git': ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, cli.ProcessesStarted);
    }

    [Fact]
    public void DefaultExecutable_IsGitOnThePath_AndTheTimeoutTenMinutes()
    {
        Assert.Equal("git", new GitCli("/tmp").Executable);
        Assert.Equal("git", new GitCli("/tmp", string.Empty).Executable);
        Assert.Equal("/tmp", new GitCli("/tmp").WorkingDirectory);
        Assert.Equal(TimeSpan.FromMinutes(10), new GitCli("/tmp").Timeout);
        Assert.Equal("workingDirectory", Assert.Throws<ArgumentNullException>(() => new GitCli(null!)).ParamName);
    }

    [Fact]
    public void Environment_LosesEveryGitVariableButTheGlobalConfig_AndGainsTheNeutralOnes()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin",
            ["HOME"] = "/home/ci",
            ["GIT_DIR"] = "/elsewhere",
            ["git_work_tree"] = "/elsewhere",
            ["GIT_CONFIG_PARAMETERS"] = "'core.bare'='true'",
            ["GIT_REPLACE_REF_BASE"] = "refs/evil/",
            ["GIT_CONFIG_GLOBAL"] = "/ci/gitconfig",
            ["GITHUB_SHA"] = "abc",
            ["GIT_INDEX_FILE"] = "/elsewhere/index",
        };

        GitCli.Neutralize(environment, withoutIndex: false);

        Assert.Equal(
            new[]
            {
                "GITHUB_SHA=abc", "GIT_CONFIG_GLOBAL=/ci/gitconfig", "GIT_CONFIG_NOSYSTEM=1", "GIT_NO_REPLACE_OBJECTS=1", "GIT_OPTIONAL_LOCKS=0",
                "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0", "HOME=/home/ci", "LANGUAGE=C", "LC_ALL=C", "PATH=/usr/bin",
            },
            environment.Where(e => e.Key != "GIT_GRAFT_FILE").Select(e => e.Key + "=" + e.Value).Order(StringComparer.Ordinal));
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "checkpoint-no-grafts-"), environment["GIT_GRAFT_FILE"], StringComparison.Ordinal);
        Assert.False(File.Exists(environment["GIT_GRAFT_FILE"]));
    }

    [Fact]
    public void Environment_OfACommandThatComparesCommits_NamesAnIndexThatDoesNotExist()
    {
        var environment = new Dictionary<string, string?> { ["Git_Config_Global"] = "/ci/gitconfig" };

        GitCli.Neutralize(environment, withoutIndex: true);

        Assert.Equal("/ci/gitconfig", environment["Git_Config_Global"]);
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "checkpoint-no-index-"), environment["GIT_INDEX_FILE"], StringComparison.Ordinal);
        Assert.False(File.Exists(environment["GIT_INDEX_FILE"]));
    }

    [Fact]
    public void StartedGit_GetsTheNeutralEnvironment()
    {
        var cli = new GitCli(Path.GetTempPath());

        using var process = cli.Start(new[] { "version" }, redirectInput: false);
        var environment = process.StartInfo.Environment;
        process.WaitForExit();

        Assert.Equal("cat", environment["GIT_PAGER"]);
        Assert.False(environment.ContainsKey("GIT_INDEX_FILE"));
        Assert.DoesNotContain(environment.Keys, name => name.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase) && name is not ("GIT_CONFIG_GLOBAL" or "GIT_CONFIG_NOSYSTEM" or "GIT_TERMINAL_PROMPT" or "GIT_NO_REPLACE_OBJECTS" or "GIT_OPTIONAL_LOCKS" or "GIT_GRAFT_FILE" or "GIT_PAGER"));
    }

    [Fact]
    public void CommandThatComparesCommits_RunsAgainstAnEmptyIndex()
    {
        using var repo = TestRepository.Create();
        var cli = new GitCli(repo.Root);

        using var process = cli.Start(new[] { "version" }, redirectInput: false, withoutIndex: true);
        var indexFile = process.StartInfo.Environment["GIT_INDEX_FILE"];
        process.WaitForExit();

        Assert.False(File.Exists(indexFile));
        Assert.Equal(string.Empty, cli.Run(new[] { "ls-files" }, standardInput: null, withoutIndex: true).OutputText);
        Assert.NotEqual(string.Empty, cli.Run("ls-files").OutputText);
    }

    [Fact]
    public void StandardInput_ReachesGit()
    {
        using var repo = TestRepository.Create();
        var cli = new GitCli(repo.Root);

        var result = cli.Run(new[] { "hash-object", "--stdin" }, Encoding.UTF8.GetBytes("hello\n"));

        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", result.OutputText);
        Assert.Equal(1, cli.ProcessesStarted);
    }

    [Fact]
    public void FailedCommand_ThrowsWithItsReason_OnlyWhenChecked()
    {
        using var repo = TestRepository.Create();
        var cli = new GitCli(repo.Root);

        var result = cli.Run("rev-parse", "--verify", "--quiet", "nonexistent^{commit}");
        var ex = Assert.Throws<GitException>(() => cli.RunChecked("rev-parse", "--verify", "nonexistent^{commit}"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(GitFailureKind.CommandFailed, ex.Kind);
        Assert.Equal("'git rev-parse --verify' failed with exit code 128: Needed a single revision", ex.Message);
    }
}
