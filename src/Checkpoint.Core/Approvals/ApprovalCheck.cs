using System.Collections.Generic;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Approvals;

/// <summary>The outcome of checking one approval against the current diff.</summary>
public sealed class ApprovalCheck
{
    internal ApprovalCheck(ApprovalFile file, ApprovalManifest? manifest, ApprovalRejection? rejection, string? reason, bool? userPresent, SshPublicKey? key, IReadOnlyList<string> principals)
    {
        File = file;
        Manifest = manifest;
        Rejection = rejection;
        Reason = reason;
        UserPresent = userPresent;
        Key = key;
        Principals = principals;
    }

    public ApprovalFile File { get; }

    public ApprovalManifest? Manifest { get; }

    public bool IsValid => Rejection is null;

    /// <summary>Why the approval does not count; null when it does.</summary>
    public ApprovalRejection? Rejection { get; }

    /// <summary>The reason as one line; null when valid.</summary>
    public string? Reason { get; }

    public bool? UserPresent { get; }

    /// <summary>The signing key, when the signature parsed.</summary>
    public SshPublicKey? Key { get; }

    /// <summary>Every literal principal on the allowed_signers line that trusted the key.</summary>
    public IReadOnlyList<string> Principals { get; }

    /// <summary>The same check, now rejected for <paramref name="rejection"/> (the approver wrote part of the change, say).</summary>
    public ApprovalCheck RejectedFor(ApprovalRejection rejection, string reason) =>
        new ApprovalCheck(File, Manifest, rejection, reason, UserPresent, Key, Principals);
}
