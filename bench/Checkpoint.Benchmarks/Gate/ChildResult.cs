namespace Checkpoint.Benchmarks.Gate;

public sealed record ChildResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
}
