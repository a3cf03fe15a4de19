namespace Checkpoint.Analyzers;

/// <summary>
/// The facts CHK001, CHK002 and CHK008 carry in <c>Diagnostic.Properties</c>. They are a contract:
/// the compiler copies them into SARIF (<c>properties.customProperties</c>), and <c>checkpoint
/// review</c> reads them, never the message text. Values are plain strings; absent means unknown.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>The operation as <c>Namespace.Type.Member</c> (for a constructor, the type): <c>Amazon.S3.IAmazonS3.DeleteBucketAsync</c>.</summary>
    public const string Operation = "CheckpointOperation";

    /// <summary>The documentation comment ID of the operation's declaration: <c>M:Amazon.S3.IAmazonS3.DeleteBucketAsync(System.String,System.Threading.CancellationToken)</c>.</summary>
    public const string OperationId = "CheckpointOperationId";

    /// <summary>The namespace of the type that declares the operation: <c>Amazon.S3</c>.</summary>
    public const string Service = "CheckpointService";

    /// <summary>What the operation does at this site, in words: <c>deletes an S3 bucket</c>.</summary>
    public const string Effect = "CheckpointEffect";

    /// <summary><c>Destructive</c> or <c>Disruptive</c>.</summary>
    public const string Tier = "CheckpointTier";

    /// <summary>
    /// The resource the site names as a constant, when it does: the bucket, table, queue URL or command
    /// (<c>staging-2019</c>, <c>Orders</c>, <c>terraform destroy</c>). Absent when the code does not say it.
    /// </summary>
    public const string Target = "CheckpointTarget";

    /// <summary><c>true</c> when the site was matched by member name only, on a <c>dynamic</c> receiver.</summary>
    public const string MatchedByName = "CheckpointMatchedByName";

    /// <summary>The documentation comment ID of the member the site counts for (lambdas and local functions count for theirs).</summary>
    public const string Member = "CheckpointMember";

    /// <summary>How attestations cover the site: one of <see cref="CoverageValues"/>.</summary>
    public const string Coverage = "CheckpointCoverage";

    /// <summary>For an attested site, the approvers its valid attestations name, separated by <c>;</c>.</summary>
    public const string Approvers = "CheckpointApprovers";

    /// <summary><c>true</c> when <c>CheckpointBaseline.txt</c> lists the site.</summary>
    public const string Baselined = "CheckpointBaselined";

    /// <summary>The values of <see cref="Coverage"/>.</summary>
    public static class CoverageValues
    {
        /// <summary>No attestation covers the site.</summary>
        public const string None = "none";

        /// <summary>Attestations exist, but each is incomplete or expired.</summary>
        public const string Invalid = "invalid";

        /// <summary>A complete, current <c>[ApprovedBy]</c> covers the site (reported only in review mode, as CHK008).</summary>
        public const string Attested = "attested";

        /// <summary>The site is inside a <c>[Destructive]</c> member, whose callers carry the attestation (review mode only, CHK008).</summary>
        public const string Destructive = "destructive";
    }
}
