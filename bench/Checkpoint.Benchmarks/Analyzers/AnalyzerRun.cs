using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>What one analyzer run cost and found.</summary>
public sealed record AnalyzerRun(
    TimeSpan WallTime,
    IReadOnlyDictionary<string, TimeSpan> ExecutionTimeByAnalyzer,
    IReadOnlyDictionary<string, AnalyzerTelemetryInfo> TelemetryByAnalyzer,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<Diagnostic> AnalyzerFailures);
