namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>What a job saw of a composite action: its exit code, the step that failed, the log, the job summary, the step outputs.</summary>
internal sealed record ActionRunResult(int ExitCode, string? FailedStep, string Log, string Summary, IReadOnlyDictionary<string, Dictionary<string, string>> Outputs)
{
    public override string ToString() => $"exit {ExitCode} (failed step: {FailedStep ?? "none"})\n--- log\n{Log}\n--- summary\n{Summary}";
}
