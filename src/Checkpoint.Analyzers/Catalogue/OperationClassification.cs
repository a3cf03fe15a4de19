using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>What a called member is, for Checkpoint: its tier and what it does, in words.</summary>
internal sealed class OperationClassification(OperationTier tier, string description, OperationEntry? entry = null, ISymbol? declaration = null)
{
    public OperationTier Tier { get; } = tier;

    /// <summary>"deletes an S3 bucket": the middle of the diagnostic message.</summary>
    public string Description { get; } = description;

    /// <summary>
    /// What the operation does at this site, or null when its entry's <see cref="OperationCondition"/>
    /// says it is harmless here (SQL that drops nothing, a command line that destroys nothing).
    /// </summary>
    public string? DescribeAt(IOperation reference)
        => entry?.Condition is { } condition ? condition.Describe(reference, declaration!, entry.Wording) : Description;
}
