using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Approvals;

/// <summary>
/// Checks approvals: signature in <see cref="ApprovalManifest.SignatureNamespace"/>, signer trusted
/// by the base's allowed_signers at the CI clock, repository identity, digest and age.
/// </summary>
public sealed class ApprovalVerifier
{
    /// <summary>How far in the future a manifest's createdAt may be, for clock skew between approver and CI.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private readonly DiffDigest _diff;
    private readonly string _repository;
    private readonly AllowedSigners? _signers;
    private readonly CheckpointPolicy _policy;
    private readonly DateTimeOffset _now;

    public ApprovalVerifier(DiffDigest diff, string repository, AllowedSigners? signers, CheckpointPolicy policy, DateTimeOffset now)
    {
        _diff = diff ?? throw new ArgumentNullException(nameof(diff));
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _signers = signers;
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _now = now;
    }

    public ApprovalCheck Check(ApprovalFile file)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        if (file.Problem != null || file.Manifest is null || file.Signature is null)
        {
            return Reject(file, null, GateCodes.InvalidApproval, file.Problem ?? "approval is incomplete");
        }

        if (!ApprovalManifest.TryParse(file.Manifest, out var manifest, out var manifestError))
        {
            return Reject(file, null, GateCodes.InvalidApproval, "manifest cannot be parsed: " + manifestError);
        }

        if (!SshSignature.TryParse(file.Signature, out var signature, out var signatureError))
        {
            return Reject(file, manifest, GateCodes.InvalidApproval, "signature is malformed: " + signatureError);
        }

        var verified = signature!.Verify(file.Manifest, ApprovalManifest.SignatureNamespace);
        if (!verified.IsValid)
        {
            return Reject(file, manifest, GateCodes.InvalidApproval, "signature is invalid: " + verified.Failure);
        }

        if (_signers is null)
        {
            return Reject(file, manifest, GateCodes.UntrustedSigner, $"the base has no {CheckpointPolicy.AllowedSignersPath}, so no signer is trusted");
        }

        var trust = _signers.Authorize(manifest!.Approver, signature.PublicKey, ApprovalManifest.SignatureNamespace, _now);
        if (!trust.IsTrusted)
        {
            return Reject(file, manifest, GateCodes.UntrustedSigner, $"signer {signature.PublicKey.Fingerprint} is not trusted as '{manifest.Approver}' by the base's allowed_signers: {trust.Failure}");
        }

        IReadOnlyList<string> principals = trust.Entry!.Principals
            .Where(p => p.IndexOfAny(new[] { '*', '?', '!' }) < 0)
            .Concat(new[] { manifest.Approver })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        if (!string.Equals(RepositoryIdentity.Normalize(manifest.Repository), _repository, StringComparison.Ordinal))
        {
            return Reject(file, manifest, GateCodes.ApprovalMismatch, $"approval is for repository '{manifest.Repository}', this is '{_repository}'", signature, principals);
        }

        if (!string.Equals(manifest.Digest, _diff.Digest, StringComparison.Ordinal))
        {
            return Reject(file, manifest, GateCodes.ApprovalMismatch, $"approval is for diff {manifest.Digest}, the branch is now {_diff.Digest}; {DescribeChanges(manifest)}", signature, principals);
        }

        if (manifest.CreatedAt > _now + AllowedClockSkew)
        {
            return Reject(file, manifest, GateCodes.ExpiredApproval, $"approval says it was created at {ApprovalManifest.FormatTimestamp(manifest.CreatedAt)}, which is in the future (now {ApprovalManifest.FormatTimestamp(_now)})", signature, principals);
        }

        if (manifest.ExpiresAt <= _now)
        {
            return Reject(file, manifest, GateCodes.ExpiredApproval, $"approval expired at {ApprovalManifest.FormatTimestamp(manifest.ExpiresAt)}", signature, principals);
        }

        if (_now - manifest.CreatedAt > _policy.MaxApprovalAge)
        {
            return Reject(file, manifest, GateCodes.ExpiredApproval, $"approval was created at {ApprovalManifest.FormatTimestamp(manifest.CreatedAt)}, more than the policy's {_policy.MaxApprovalAge.TotalDays:0.##} days ago", signature, principals);
        }

        return new ApprovalCheck(file, manifest, null, null, signature.UserPresent, signature.PublicKey, principals);
    }

    /// <summary>Names the files whose entries differ between the approval and the current diff.</summary>
    public string DescribeChanges(ApprovalManifest manifest)
    {
        if (manifest?.Files is null)
        {
            return "the approval lists no files, so the changed files cannot be named";
        }

        var approved = manifest.Files.ToDictionary(f => f.Path, f => f.EntryHash, StringComparer.Ordinal);
        var current = _diff.Entries.ToDictionary(e => e.Path.Display, e => e.Hash, StringComparer.Ordinal);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in current)
        {
            if (!approved.TryGetValue(entry.Key, out var hash) || hash != entry.Value)
            {
                changed.Add(entry.Key);
            }
        }

        foreach (var path in approved.Keys)
        {
            if (!current.ContainsKey(path))
            {
                changed.Add(path);
            }
        }

        if (changed.Count == 0)
        {
            return "no listed file differs (the approval's file list does not match its digest)";
        }

        const int shown = 20;
        var list = string.Join(", ", changed.Take(shown));
        return $"changed since approval: {list}{(changed.Count > shown ? $" and {changed.Count - shown} more" : string.Empty)}";
    }

    private static ApprovalCheck Reject(ApprovalFile file, ApprovalManifest? manifest, string code, string reason, SshSignature? signature = null, IReadOnlyList<string>? principals = null) =>
        new ApprovalCheck(file, manifest, code, reason, signature?.UserPresent, signature?.PublicKey, principals ?? Array.Empty<string>());
}
