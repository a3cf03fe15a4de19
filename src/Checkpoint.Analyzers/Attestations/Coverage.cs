namespace Checkpoint.Analyzers.Attestations;

/// <summary>Whether the code around an operation may call it without a further attestation.</summary>
internal enum Coverage
{
    /// <summary>No attestation at all.</summary>
    None,

    /// <summary>Attestations exist, but each is incomplete or expired (CHK003/CHK004 say which).</summary>
    OnlyInvalidAttestations,

    /// <summary>A complete, current [ApprovedBy] on the member or a containing type.</summary>
    Attested,

    /// <summary>The member is itself [Destructive]: its callers carry the attestation.</summary>
    MarkedDestructive,
}
