using System;
using Checkpoint.Core.Approvals;

namespace Checkpoint.Core.Audit;

/// <summary>One approval a change brought with it, checked as the gate would have checked it when the change landed.</summary>
public sealed class AuditedApproval
{
    internal AuditedApproval(ApprovalCheck check, string? matched, string? selfApprovedCommit)
    {
        Check = check;
        SelfApprovedCommit = selfApprovedCommit;
        Path = check.File.Path;
        Manifest = check.Manifest;
        Counted = check.IsValid;
        Rejection = check.Rejection;
        Reason = check.Reason;
        KeyFingerprint = check.Key?.Fingerprint;
        KeyType = check.Key?.KeyType;
        UserPresent = check.UserPresent;
        MatchedRange = matched;
        ManifestHash = check.File.Manifest is null ? null : ApprovalVerifier.ManifestHash(check.File.Manifest);
    }

    /// <summary>The gate's check of the approval, at the time the change landed.</summary>
    public ApprovalCheck Check { get; }

    /// <summary>Where the manifest was in the tree the change landed with.</summary>
    public string Path { get; }

    /// <summary>The signed manifest, when it could be parsed.</summary>
    public ApprovalManifest? Manifest { get; }

    public string? Approver => Manifest?.Approver;

    public DateTimeOffset? CreatedAt => Manifest?.CreatedAt;

    public DateTimeOffset? ExpiresAt => Manifest?.ExpiresAt;

    /// <summary>What the review showed the approver (manifests from <c>checkpoint approve</c>, schema v2); null otherwise.</summary>
    public ApprovalRecord? Record => Manifest?.Record;

    /// <summary><c>SHA256:...</c> of the signing key, when the signature could be parsed.</summary>
    public string? KeyFingerprint { get; }

    /// <summary>The signing key's type (<c>ssh-ed25519</c>, <c>sk-ssh-ed25519@openssh.com</c>...).</summary>
    public string? KeyType { get; }

    /// <summary>For security keys (sk-*): whether the signature says the user touched the key; null for other keys.</summary>
    public bool? UserPresent { get; }

    /// <summary><c>sha256:</c> of the manifest file's bytes, as the revoked list names an approval.</summary>
    public string? ManifestHash { get; }

    /// <summary>True when the approval counted for the change when it landed.</summary>
    public bool Counted { get; }

    /// <summary>Why it did not count; null when it did.</summary>
    public ApprovalRejection? Rejection { get; }

    /// <summary>The reason as one line; null when it counted.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Which diff its digest matched: <c>branch</c> (the branch against its own merge-base, what the
    /// approver reviewed) or <c>landed</c> (what the landing commit changed on the protected branch); null when neither.
    /// </summary>
    public string? MatchedRange { get; }

    /// <summary>Set when a later revoked list on the branch names the key, this approval or its diff.</summary>
    public string? RevokedLater { get; internal set; }

    /// <summary>The commit on the branch where that revocation is first in force.</summary>
    public string? RevokedLaterAt { get; internal set; }

    /// <summary>Set when the approver authored or committed part of the change: that commit.</summary>
    public string? SelfApprovedCommit { get; }
}
