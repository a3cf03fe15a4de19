using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The analyzers the review runs: those of the Checkpoint.Analyzers assembly shipped inside this
/// tool that report operation sites (CHK001, CHK002, CHK008), whatever the branch or the merge-base
/// references. No other analyzer or generator runs.
/// </summary>
internal static class ReviewAnalyzers
{
    /// <summary>The global analyzer option that makes the analyzers report covered sites too (CHK008).</summary>
    public const string ReviewModeKey = "checkpoint.review_mode";

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Instances = new(Create);

    public static ImmutableArray<DiagnosticAnalyzer> All => Instances.Value;

    private static ImmutableArray<DiagnosticAnalyzer> Create()
    {
        var assembly = typeof(DiagnosticProperties).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id is "CHK001" or "CHK002" or "CHK008"))
            .ToImmutableArray();
    }
}
