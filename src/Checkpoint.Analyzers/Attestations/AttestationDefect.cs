namespace Checkpoint.Analyzers.Attestations;

/// <summary>What is wrong with an [ApprovedBy] attestation, if anything.</summary>
internal enum AttestationDefect
{
    None,
    BlankApprover,
    MissingReason,
    UnreadableExpiry,
    Expired,
}
