namespace Checkpoint.EndToEnd.Tests;

/// <summary>The result of a finished child process: its exit code and interleaved output.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"$ {Command}\n(exit {ExitCode})\n{Output}";
}
