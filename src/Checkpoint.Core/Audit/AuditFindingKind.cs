namespace Checkpoint.Core.Audit;

/// <summary>What the audit flags. Every finding makes <c>checkpoint audit</c> exit with 1.</summary>
public enum AuditFindingKind
{
    /// <summary>A change the gate would have gated landed without enough valid approvals (merged around the required check, or the check was misconfigured).</summary>
    Unapproved,

    /// <summary>An approval that counted was signed by a key, or names an approval or diff, that the branch revoked later.</summary>
    RevokedLater,

    /// <summary>The approver authored or committed part of the change they approved.</summary>
    SelfApproved,

    /// <summary>An approval's files cannot be read as one, or its signature does not verify: damaged or tampered with.</summary>
    UnreadableApproval,

    /// <summary>The base's policy, allowed_signers or revoked list could not be read, so nothing about the change could be verified.</summary>
    UnreadableTrust,

    /// <summary>The merge commit itself changes files its branch does not change: content nobody approved.</summary>
    ChangedByMerge,
}
