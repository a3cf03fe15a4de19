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
        var environment = new ToolEnvironment(new Dictionary<string, string?>(), Path.GetTempPath(), () => DateTimeOffset.UtcNow);
        var exitCode = CheckpointCommandLine.Run(arguments, console, environment);
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
        foreach (var command in new[] { "status", "review", "approve", "verify", "init", "hash", "audit", "prune" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BaseThatLooksLikeAnOption_IsRejected()
    {
        var (exitCode, _, error) = Run("hash", "--base=--upload-pack=evil");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a ref name", error, StringComparison.Ordinal);
    }
}
