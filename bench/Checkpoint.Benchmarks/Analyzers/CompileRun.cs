namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>What compiling without analyzers cost: binding every method body and emitting the assembly.</summary>
public sealed record CompileRun(TimeSpan WallTime, int ErrorCount, string? FirstError);
