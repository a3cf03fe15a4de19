using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Baseline;

/// <summary>
/// Collects the baseline keys of every unattested site the analyzer reports in a compilation and,
/// at its end, reports each <c>CheckpointBaseline.txt</c> entry that matched none of them (CHK007).
/// </summary>
/// <remarks>
/// A stale entry is not only clutter: keys count occurrences, so if <c>#2</c> outlives the call it
/// named, the next call added to that member would take its key and be silently suppressed. That is
/// why the rule is an error and the baseline can only shrink.
/// </remarks>
internal sealed class BaselineTracker
{
    private readonly CheckpointBaseline _baseline;
    private readonly ConcurrentDictionary<string, bool> _seen = new(System.StringComparer.Ordinal);

    private BaselineTracker(CheckpointBaseline baseline)
    {
        _baseline = baseline;
    }

    /// <summary>
    /// Null, at the cost of one pass over the additional file names, when the project has no baseline.
    /// Otherwise the caller registers <see cref="ReportStaleEntries"/> as its compilation end action.
    /// </summary>
    public static BaselineTracker? Read(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
        => CheckpointBaseline.IsPresent(options) && CheckpointBaseline.Read(options.AdditionalFiles, cancellationToken) is { } baseline
            ? new BaselineTracker(baseline)
            : null;

    /// <summary>Records a reported site; true when the baseline lists it, so it is reported as suppressed.</summary>
    public bool Observe(string key)
    {
        _seen.TryAdd(key, true);
        return _baseline.Contains(key);
    }

    /// <summary>
    /// The same diagnostic, marked suppressed. A DiagnosticSuppressor cannot do this: Roslyn lets
    /// suppressors touch only diagnostics whose default severity is not Error, and CHK001 is an
    /// error. The suppressed diagnostic still reaches SARIF logs and the IDE's suppressed filter.
    /// </summary>
    public static Diagnostic Suppressed(Diagnostic diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            descriptor.Id,
            descriptor.Category,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Severity,
            diagnostic.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            diagnostic.WarningLevel,
            isSuppressed: true,
            descriptor.Title,
            descriptor.Description,
            descriptor.HelpLinkUri,
            diagnostic.Location,
            diagnostic.AdditionalLocations,
            descriptor.CustomTags,
            diagnostic.Properties);
    }

    public void ReportStaleEntries(CompilationAnalysisContext context)
    {
        foreach (var entry in _baseline.Entries)
        {
            if (!_seen.ContainsKey(entry.Key))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.StaleBaselineEntry,
                    entry.Value,
                    entry.Key,
                    System.IO.Path.GetFileName(entry.Value.GetLineSpan().Path),
                    entry.Value.GetLineSpan().StartLinePosition.Line + 1));
            }
        }
    }
}
