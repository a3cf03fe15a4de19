namespace Checkpoint.Tool.Tests.EndToEnd;

public sealed record ProcessOutcome(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
