namespace Checkpoint.Analyzers.Catalogue;

/// <summary>What an operation does at one site: its effect in words, its tier there, and the constant target it names.</summary>
internal sealed class SiteFinding(string description, OperationTier? tier = null, string? target = null)
{
    /// <summary>"deletes an S3 bucket", "runs SQL that destroys data (DROP TABLE)".</summary>
    public string Description { get; } = description;

    /// <summary>The tier at this site when it differs from the entry's (SQL that only updates every row is disruptive).</summary>
    public OperationTier? Tier { get; } = tier;

    /// <summary>The bucket, table, namespace or command the site names as a constant; null when it is not known.</summary>
    public string? Target { get; } = target;

    public SiteFinding WithTarget(string? target) => target is null || Target is not null ? this : new SiteFinding(Description, Tier, target);
}
