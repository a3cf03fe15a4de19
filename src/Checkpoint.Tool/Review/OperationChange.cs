namespace Checkpoint.Tool.Review;

/// <summary>
/// A destructive (CHK001) or disruptive (CHK002) operation that the change adds, removes or
/// moves, as the analyzers reported it in builds of the merge-base and of HEAD.
/// </summary>
/// <param name="Change">"added", "removed" or "moved".</param>
/// <param name="Operation">The called member, e.g. Amazon.S3.IAmazonS3.DeleteBucketAsync.</param>
/// <param name="Service">The namespace of the called type, e.g. Amazon.S3.</param>
/// <param name="Effect">What the analyzer says it does, e.g. "deletes an S3 bucket".</param>
/// <param name="Path">Where it is now (for removed operations: where it was).</param>
/// <param name="PreviousPath">For moved operations: where it was.</param>
internal sealed record OperationChange(
    string Change,
    string RuleId,
    string Severity,
    string Operation,
    string Service,
    string Effect,
    string Path,
    int Line,
    string? PreviousPath,
    int? PreviousLine,
    bool Suppressed);
