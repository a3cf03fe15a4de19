using System.Text.RegularExpressions;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Tests;

/// <summary>The command line in-process: usage errors are one line and exit code 2.</summary>
public sealed class CommandLineTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = ToolConsole.ForWriters(output, error, new StringReader(string.Empty), isInteractive: false);
        var exitCode = CheckpointCommandLine.Run(arguments, console, Environment());
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("status", "--format", "github")]
    [InlineData("review", "--build-timeout", "0")]
    [InlineData("init", "--scope", "some-branches")]
    [InlineData("verify", "--base")]
    [InlineData("audit", "--format", "github")]
    [InlineData("prune")]
    public void InvalidArguments_AreOneLineAndExitCode2(params string[] arguments)
    {
        var (exitCode, _, error) = Run(arguments);

        Assert.Equal(2, exitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsEveryCommand()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "status", "review", "approve", "verify", "init", "hash", "baseline", "audit", "prune" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--repo", ".", "frobnicate")]
    public void UnknownCommand_IsNamedWithTheCommandsThereAre(params string[] arguments)
    {
        var (exitCode, _, error) = Run(arguments);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: unknown command 'frobnicate'; the commands are status, review, approve, verify, init, hash, baseline", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void NoCommand_SaysSoAndExits2()
    {
        var (exitCode, _, error) = Run();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: no command given; the commands are ", error, StringComparison.Ordinal);
    }

    public static TheoryData<string> Commands() => new("status", "review", "approve", "verify", "init", "hash", "baseline");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_ShowsEachDefaultOnce(string command)
    {
        var (exitCode, output, _) = Run(command, "--help");

        Assert.Equal(0, exitCode);
        var options = output.Split('\n').Where(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(options);
        foreach (var line in options)
        {
            Assert.True(Regex.Count(line, "default", RegexOptions.IgnoreCase) <= 1, "the default is shown more than once: " + line.Trim());
        }
    }

    [Theory]
    [InlineData("verify", "text,json,github,markdown,sarif")]
    [InlineData("status", "text,json")]
    [InlineData("review", "text,json,markdown,sarif")]
    public void FormatCompletion_OffersOnlyTheFormatsOfTheCommand(string command, string formats)
    {
        var root = CheckpointCommandLine.Build(ToolConsole.ForWriters(TextWriter.Null, TextWriter.Null, TextReader.Null, isInteractive: false), Environment());
        var input = command + " --format ";

        var offered = root.Parse(input).GetCompletions(input.Length).Select(c => c.Label).Order(StringComparer.Ordinal);

        Assert.Equal(formats.Split(',').Order(StringComparer.Ordinal), offered);
    }

    [Theory]
    [InlineData("verify", "sarif")]
    [InlineData("review", "sarif")]
    [InlineData("verify", "markdown")]
    public void Format_AcceptsTheNewFormats(string command, string format)
    {
        var root = CheckpointCommandLine.Build(ToolConsole.ForWriters(TextWriter.Null, TextWriter.Null, TextReader.Null, isInteractive: false), Environment());

        Assert.Empty(root.Parse([command, "--format", format]).Errors);
    }

    private static ToolEnvironment Environment() => new(new Dictionary<string, string?>(), Path.GetTempPath(), () => DateTimeOffset.UtcNow);

    [Fact]
    public void BaseThatLooksLikeAnOption_IsRejected()
    {
        var (exitCode, _, error) = Run("hash", "--base=--upload-pack=evil");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a ref name", error, StringComparison.Ordinal);
    }
}
