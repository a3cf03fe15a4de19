namespace Checkpoint.Core.Basics;

/// <summary>The gate's diagnostic IDs; each has a page under docs/rules/.</summary>
public static class GateCodes
{
    /// <summary>A gated branch has no approval.</summary>
    public const string NoApproval = "CHK100";

    /// <summary>The approvals do not match the diff (or the repository, or the working tree differs from HEAD).</summary>
    public const string ApprovalMismatch = "CHK101";

    /// <summary>A signature is invalid or malformed, or the manifest cannot be parsed.</summary>
    public const string InvalidApproval = "CHK102";

    /// <summary>The signer is not trusted by the base's allowed_signers.</summary>
    public const string UntrustedSigner = "CHK103";

    /// <summary>The approval has expired or is older than the policy allows.</summary>
    public const string ExpiredApproval = "CHK104";

    /// <summary>The diff cannot be computed: no base, shallow clone, unrelated history.</summary>
    public const string DiffUnavailable = "CHK105";

    /// <summary>The gate cannot run: git missing, not a repository, safe.directory, malformed policy, internal error.</summary>
    public const string GateUnavailable = "CHK106";

    /// <summary>Too few distinct approvers, or an approver who authored or committed in the range.</summary>
    public const string InsufficientApprovers = "CHK107";

    /// <summary>An [ApprovedBy] the branch adds or changes names nobody who signed, or is written in a form the gate cannot read.</summary>
    public const string UnboundAttestation = "CHK108";
}
