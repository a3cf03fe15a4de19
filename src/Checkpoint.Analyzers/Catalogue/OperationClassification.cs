using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>What a called member is, for Checkpoint: its tier and what it does, in words.</summary>
internal sealed class OperationClassification(OperationTier tier, string description, OperationEntry? entry = null, ISymbol? declaration = null, OperationCondition? condition = null)
{
    public OperationTier Tier { get; } = tier;

    /// <summary>"deletes an S3 bucket": the middle of the diagnostic message.</summary>
    public string Description { get; } = description;

    /// <summary>The entry that matched, when the classification comes from the built-in catalogue.</summary>
    public OperationEntry? Entry { get; } = entry;

    /// <summary>Whether the site's arguments decide (SQL text, a command line): such members are the sinks a helper can pass its parameters to.</summary>
    public bool IsConditional => (condition ?? Entry?.Condition) is not null;

    /// <summary>
    /// What the operation does at this site, or null when its condition says it is harmless here (SQL
    /// that drops nothing, a command line that destroys nothing).
    /// </summary>
    public SiteFinding? FindAt(IOperation reference, ValueScope scope)
    {
        var active = condition ?? Entry?.Condition;
        return active is null
            ? new SiteFinding(Description, target: SiteTargets.Of(reference, scope))
            : active.Evaluate(reference, declaration!, Entry?.Wording ?? OperationWording.Fixed(Description), scope);
    }
}
