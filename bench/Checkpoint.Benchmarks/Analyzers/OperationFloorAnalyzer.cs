using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>
/// A reference point, not a rule: registers the operation kinds Checkpoint registers and does
/// nothing in them. Its execution time is what Roslyn charges for the callbacks alone, so the
/// difference to Checkpoint's time is the cost of Checkpoint's own decisions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(
            static _ => { },
            OperationKind.Invocation, OperationKind.MethodReference, OperationKind.ObjectCreation, OperationKind.PropertyReference);
    }
}
