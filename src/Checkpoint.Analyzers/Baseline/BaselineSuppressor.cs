using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Baseline;

/// <summary>
/// Reports CHK001/CHK002 diagnostics whose site is listed in <c>CheckpointBaseline.txt</c> as
/// suppressed. They stay visible (SARIF, IDE "suppressed" filter) but no longer fail the build;
/// a site that is not listed, including a second call in a listed member, still fails.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    internal static readonly SuppressionDescriptor DestructiveSiteInBaseline = new(
        id: "CHKS001",
        suppressedDiagnosticId: RuleIdentifiers.UnattestedDestructiveOperation,
        justification: "The call site is listed in CheckpointBaseline.txt, which records the sites that existed when Checkpoint was adopted.");

    internal static readonly SuppressionDescriptor DisruptiveSiteInBaseline = new(
        id: "CHKS002",
        suppressedDiagnosticId: RuleIdentifiers.UnattestedDisruptiveOperation,
        justification: "The call site is listed in CheckpointBaseline.txt, which records the sites that existed when Checkpoint was adopted.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } =
        ImmutableArray.Create(DestructiveSiteInBaseline, DisruptiveSiteInBaseline);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        if (!CheckpointBaseline.IsPresent(context.Options) ||
            CheckpointBaseline.Read(context.Options.AdditionalFiles, context.CancellationToken) is not { } baseline)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Properties.TryGetValue(BaselineKey.PropertyName, out var key) && key is not null && baseline.Contains(key))
            {
                context.ReportSuppression(Suppression.Create(
                    diagnostic.Id == RuleIdentifiers.UnattestedDestructiveOperation ? DestructiveSiteInBaseline : DisruptiveSiteInBaseline,
                    diagnostic));
            }
        }
    }
}
