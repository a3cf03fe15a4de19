using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Checkpoint.Benchmarks.Analyzers;

public static class AnalyzerMeasurement
{
    public static CompileRun Compile(Compilation compilation)
    {
        var watch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        using var peStream = new MemoryStream();
        var emit = compilation.Emit(peStream);
        watch.Stop();
        var errors = diagnostics.Concat(emit.Diagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Distinct()
            .ToList();
        return new CompileRun(watch.Elapsed, errors.Count, errors.FirstOrDefault()?.ToString());
    }

    /// <summary>
    /// Runs the analyzers over a fresh compilation with execution-time logging, as a build does
    /// (concurrently), and reads each analyzer's own time from Roslyn's telemetry.
    /// </summary>
    public static AnalyzerRun Analyze(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<AdditionalText> additionalFiles,
        bool concurrent = true)
    {
        var failures = new List<Diagnostic>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (failures)
                {
                    failures.Add(diagnostic);
                }
            },
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        // Merging the declarations of 2,000 files and reading the references' namespaces is compile
        // work every build does anyway. Left lazy, whichever analyzer first asks for a type in its
        // compilation-start action pays for all of it (the diagnosis run shows ~0.8 s charged to an
        // analyzer that registers nothing), so it is done here, outside every analyzer's time.
        _ = withAnalyzers.Compilation.GlobalNamespace.GetMembers();
        var watch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        watch.Stop();
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var telemetryByAnalyzer = new Dictionary<string, AnalyzerTelemetryInfo>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            times[AnalyzerSet.NameOf(analyzer)] = telemetry.ExecutionTime;
            telemetryByAnalyzer[AnalyzerSet.NameOf(analyzer)] = telemetry;
        }

        return new AnalyzerRun(watch.Elapsed, times, telemetryByAnalyzer, diagnostics, failures);
    }
}
