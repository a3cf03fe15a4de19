namespace Checkpoint.Analyzers.Catalogue;

/// <summary>What a called member is, for Checkpoint: its tier and what it does, in words.</summary>
internal sealed class OperationClassification(OperationTier tier, string description)
{
    public OperationTier Tier { get; } = tier;

    /// <summary>"deletes an S3 bucket": the middle of the diagnostic message.</summary>
    public string Description { get; } = description;
}
