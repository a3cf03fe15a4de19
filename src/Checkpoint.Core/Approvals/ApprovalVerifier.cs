using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Approvals;

/// <summary>
/// Checks approvals: signature in <see cref="ApprovalManifest.SignatureNamespace"/>, signer trusted
/// by the base's allowed_signers at the CI clock, nothing revoked by the base, repository identity,
/// digest and age. It answers with an <see cref="ApprovalRejection"/>; the gate turns that into a code.
/// </summary>
public sealed class ApprovalVerifier
{
    /// <summary>How far in the future a manifest's createdAt may be, for clock skew between approver and CI.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private readonly DiffDigest _diff;
    private readonly string _repository;
    private readonly AllowedSigners? _signers;
    private readonly CheckpointPolicy _policy;
    private readonly RevokedList _revoked;
    private readonly DateTimeOffset _now;

    public ApprovalVerifier(DiffDigest diff, string repository, AllowedSigners? signers, CheckpointPolicy policy, DateTimeOffset now, RevokedList? revoked = null)
    {
        _diff = diff ?? throw new ArgumentNullException(nameof(diff));
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _signers = signers;
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _revoked = revoked ?? RevokedList.Empty;
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
            return Reject(file, null, ApprovalRejection.Unusable, file.Problem ?? "approval is incomplete");
        }

        if (!ApprovalManifest.TryParse(file.Manifest, out var manifest, out var manifestError))
        {
            return Reject(file, null, ApprovalRejection.MalformedManifest, "manifest cannot be parsed: " + manifestError);
        }

        if (!SshSignature.TryParse(file.Signature, out var signature, out var signatureError))
        {
            return Reject(file, manifest, ApprovalRejection.MalformedSignature, "signature is malformed: " + signatureError);
        }

        var verified = signature!.Verify(file.Manifest, ApprovalManifest.SignatureNamespace);
        if (!verified.IsValid)
        {
            return Reject(file, manifest, ApprovalRejection.InvalidSignature, "signature is invalid: " + verified.Failure);
        }

        if (_signers is null)
        {
            return Reject(file, manifest, ApprovalRejection.NoTrustedSigners, $"the base has no {CheckpointPolicy.AllowedSignersPath}, so no signer is trusted");
        }

        if (_revoked.IsKeyRevoked(signature.PublicKey.Fingerprint))
        {
            return Reject(file, manifest, ApprovalRejection.RevokedKey, $"signer {signature.PublicKey.Fingerprint} is revoked by the base's {CheckpointPolicy.RevokedPath}", signature);
        }

        var trust = _signers.Authorize(manifest!.Approver, signature.PublicKey, ApprovalManifest.SignatureNamespace, _now);
        if (!trust.IsTrusted)
        {
            return Reject(file, manifest, ApprovalRejection.UntrustedSigner, $"signer {signature.PublicKey.Fingerprint} is not trusted as '{manifest.Approver}' by the base's allowed_signers: {trust.Failure}");
        }

        IReadOnlyList<string> principals = trust.Entry!.Principals
            .Where(p => p.IndexOfAny(new[] { '*', '?', '!' }) < 0)
            .Concat(new[] { manifest.Approver })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var fileHash = ManifestHash(file.Manifest);
        if (_revoked.IsApprovalRevoked(fileHash))
        {
            return Reject(file, manifest, ApprovalRejection.RevokedApproval, $"this approval ({fileHash}) is revoked by the base's {CheckpointPolicy.RevokedPath}", signature, principals);
        }

        if (_revoked.IsDiffRevoked(manifest.Digest))
        {
            return Reject(file, manifest, ApprovalRejection.RevokedApproval, $"approvals of diff {manifest.Digest} are revoked by the base's {CheckpointPolicy.RevokedPath}", signature, principals);
        }

        if (!string.Equals(RepositoryIdentity.Normalize(manifest.Repository), _repository, StringComparison.Ordinal))
        {
            return Reject(file, manifest, ApprovalRejection.WrongRepository, $"approval is for repository '{manifest.Repository}', this is '{_repository}'", signature, principals);
        }

        if (!string.Equals(manifest.Digest, _diff.Digest, StringComparison.Ordinal))
        {
            return Reject(file, manifest, ApprovalRejection.WrongDiff, $"approval is for diff {manifest.Digest}, the branch is now {_diff.Digest}; {DescribeChanges(manifest)}", signature, principals);
        }

        if (manifest.CreatedAt > _now + AllowedClockSkew)
        {
            return Reject(file, manifest, ApprovalRejection.CreatedInFuture, $"approval says it was created at {ApprovalManifest.FormatTimestamp(manifest.CreatedAt)}, which is in the future (now {ApprovalManifest.FormatTimestamp(_now)})", signature, principals);
        }

        if (manifest.ExpiresAt <= _now)
        {
            return Reject(file, manifest, ApprovalRejection.Expired, $"approval expired at {ApprovalManifest.FormatTimestamp(manifest.ExpiresAt)}", signature, principals);
        }

        if (_now - manifest.CreatedAt > _policy.MaxApprovalAge)
        {
            return Reject(file, manifest, ApprovalRejection.TooOld, $"approval was created at {ApprovalManifest.FormatTimestamp(manifest.CreatedAt)}, more than the policy's {_policy.MaxApprovalAge.TotalDays:0.##} days ago", signature, principals);
        }

        return new ApprovalCheck(file, manifest, null, null, signature.UserPresent, signature.PublicKey, principals);
    }

    /// <summary>
    /// The commit of <paramref name="commits"/> that the approver of a valid <paramref name="check"/>
    /// authored or committed, or null. A commit that only adds or changes approval files (the ones
    /// the digest leaves out) is committing an approval, not authoring the change.
    /// </summary>
    public static GitCommit? OwnWork(ApprovalCheck check, IEnumerable<GitCommit> commits)
    {
        if (check is null || commits is null)
        {
            return null;
        }

        return OwnWorkOf(check.Principals, commits);
    }

    /// <summary>The commit of <paramref name="commits"/> that someone known as one of <paramref name="principals"/> wrote, or null.</summary>
    public static GitCommit? OwnWorkOf(IReadOnlyCollection<string> principals, IEnumerable<GitCommit> commits)
    {
        if (principals is null || commits is null)
        {
            return null;
        }

        return commits.FirstOrDefault(commit =>
        {
            var matches = principals.Any(p =>
                string.Equals(p, commit.AuthorEmail, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p, commit.CommitterEmail, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p, commit.AuthorName, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p, commit.CommitterName, StringComparison.OrdinalIgnoreCase));
            var onlyApprovals = commit.Changes is { Count: > 0 } changes && changes.All(c => ApprovalPaths.IsLeftOut(c.Path, c.OldMode, c.NewMode));
            return matches && !onlyApprovals && !commit.IsAutomaticMerge;
        });
    }

    /// <summary><c>sha256:</c> and the hex SHA-256 of a manifest file's bytes: how the revoked list names one approval.</summary>
    public static string ManifestHash(byte[] manifest)
    {
        using var sha = SHA256.Create();
        return "sha256:" + string.Concat(sha.ComputeHash(manifest ?? throw new ArgumentNullException(nameof(manifest))).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
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

    private static ApprovalCheck Reject(ApprovalFile file, ApprovalManifest? manifest, ApprovalRejection rejection, string reason, SshSignature? signature = null, IReadOnlyList<string>? principals = null) =>
        new ApprovalCheck(file, manifest, rejection, reason, signature?.UserPresent, signature?.PublicKey, principals ?? Array.Empty<string>());
}
