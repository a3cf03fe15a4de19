namespace Checkpoint.Tool.Review;

/// <summary>
/// A destructive or disruptive operation site that the change adds, removes or moves, or whose
/// attestation it changes, as the analyzers reported it on the merge-base and on HEAD.
/// </summary>
/// <param name="Change">"added", "removed", "moved" or "coverage-changed".</param>
/// <param name="RuleId">CHK001/CHK002 when nothing covers the site, CHK008 when an attestation or [Destructive] does.</param>
/// <param name="Operation">The called member, e.g. Amazon.S3.IAmazonS3.DeleteBucketAsync.</param>
/// <param name="Service">The namespace of the called type, e.g. Amazon.S3.</param>
/// <param name="Effect">What the analyzer says it does, e.g. "deletes an S3 bucket".</param>
/// <param name="Tier">Destructive or Disruptive.</param>
/// <param name="Path">Where it is now (for removed operations: where it was).</param>
/// <param name="Member">Documentation ID of the member the site counts for.</param>
/// <param name="PreviousPath">For moved operations: where it was.</param>
/// <param name="Coverage">none, invalid, attested or destructive (inside a [Destructive] member).</param>
/// <param name="Approvers">For an attested site: the approvers its attestations name, ";"-separated.</param>
/// <param name="PreviousCoverage">For coverage-changed: the coverage at the merge-base.</param>
internal sealed record OperationChange(
    string Change,
    string RuleId,
    string Severity,
    string Operation,
    string Service,
    string Effect,
    string Tier,
    string Path,
    int Line,
    string Member,
    string? PreviousPath,
    int? PreviousLine,
    string? PreviousMember,
    bool Suppressed,
    string Coverage,
    string? Approvers,
    bool Baselined,
    string? PreviousCoverage = null)
{
    /// <summary>An [ApprovedBy] (or a [Destructive] marking, whose callers carry the attestation) covers the site.</summary>
    public bool IsAttested => Coverage is "attested" or "destructive";
}
