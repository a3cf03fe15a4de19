namespace Checkpoint.Core.Approvals;

/// <summary>Why an approval does not count. The gate maps each reason to its CHK code.</summary>
public enum ApprovalRejection
{
    /// <summary>The files are not a usable approval: a symlink, a subfolder, a bad name, no signature, too large.</summary>
    Unusable,

    /// <summary>The manifest cannot be parsed.</summary>
    MalformedManifest,

    /// <summary>The signature cannot be parsed.</summary>
    MalformedSignature,

    /// <summary>The signature does not verify over the manifest in the approval namespace.</summary>
    InvalidSignature,

    /// <summary>The base has no allowed_signers, so no key is trusted.</summary>
    NoTrustedSigners,

    /// <summary>The base's allowed_signers does not trust the key for the named approver, now, in the approval namespace.</summary>
    UntrustedSigner,

    /// <summary>The base's revoked list names the signing key.</summary>
    RevokedKey,

    /// <summary>The base's revoked list names this approval file or the diff it approves.</summary>
    RevokedApproval,

    /// <summary>The approval names another repository.</summary>
    WrongRepository,

    /// <summary>The approval is for another diff digest.</summary>
    WrongDiff,

    /// <summary>The approval says it was made later than the verifier's clock allows.</summary>
    CreatedInFuture,

    /// <summary>The approval's own expiry has passed.</summary>
    Expired,

    /// <summary>The approval is older than the policy's maximum age.</summary>
    TooOld,

    /// <summary>The approver authored or committed part of the change.</summary>
    SelfApproved,
}
