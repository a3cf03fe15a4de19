using System.Collections.Generic;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Approvals;

/// <summary>The outcome of checking one approval against the current diff.</summary>
public sealed class ApprovalCheck
{
    internal ApprovalCheck(ApprovalFile file, ApprovalManifest? manifest, string? code, string? reason, bool? userPresent, SshPublicKey? key, IReadOnlyList<string> principals)
    {
        File = file;
        Manifest = manifest;
        Code = code;
        Reason = reason;
        UserPresent = userPresent;
        Key = key;
        Principals = principals;
    }

    public ApprovalFile File { get; }

    public ApprovalManifest? Manifest { get; }

    public bool IsValid => Code is null;

    /// <summary>CHK101-CHK104 when the approval does not count.</summary>
    public string? Code { get; }

    public string? Reason { get; }

    public bool? UserPresent { get; }

    /// <summary>The signing key, when the signature parsed.</summary>
    public SshPublicKey? Key { get; }

    /// <summary>Every literal principal on the allowed_signers line that trusted the key.</summary>
    public IReadOnlyList<string> Principals { get; }
}
