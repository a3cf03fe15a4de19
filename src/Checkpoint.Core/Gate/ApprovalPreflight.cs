using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Resolution;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Gate;

/// <summary>
/// What <c>checkpoint approve</c> checks before anything is signed: the reasons the gate would
/// reject an approval of this change by this approver, decided from the same resolved change and
/// verdict as the gate, so that approve never signs what the build then refuses.
/// </summary>
public static class ApprovalPreflight
{
    /// <summary>Why the change cannot be approved by anyone (not gated, nothing to approve, an attestation the gate cannot read), or null.</summary>
    public static string? ChangeRefusal(ResolvedChange change, GateVerdict verdict)
    {
        if (change is null || verdict is null)
        {
            throw new ArgumentNullException(change is null ? nameof(change) : nameof(verdict));
        }

        if (change.Diff.Entries.Count == 0)
        {
            return $"nothing to approve: the branch has no changes against {change.Base.RefName}";
        }

        if (verdict.Outcome == GateOutcome.NotGated)
        {
            return $"nothing to approve: this build is not gated ({verdict.GatedBecause})";
        }

        if (change.Attestations.Unreadable.FirstOrDefault() is { } unreadable)
        {
            return $"{unreadable.Location}: the gate cannot read this [ApprovedBy] attestation ({unreadable.Problem}), so no signature can make the build pass; the author must write it as [ApprovedBy(\"<approver>\", Reason = \"...\")] first";
        }

        return null;
    }

    /// <summary>True when a valid approval of this digest by <paramref name="approver"/> is already committed.</summary>
    public static bool AlreadyApproved(GateVerdict verdict, string approver) =>
        (verdict ?? throw new ArgumentNullException(nameof(verdict))).Approvals
            .Any(a => a.Valid && string.Equals(a.Approver, approver, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Why the gate would reject an approval by <paramref name="approver"/> signed with
    /// <paramref name="key"/> (null when there is no .pub to check before signing), or null.
    /// </summary>
    public static string? ApproverRefusal(ResolvedChange change, string approver, SshPublicKey? key, DateTimeOffset now)
    {
        if (change is null || approver is null)
        {
            throw new ArgumentNullException(change is null ? nameof(change) : nameof(approver));
        }

        var principals = new List<string> { approver };
        if (key != null)
        {
            var signers = change.Configuration.AllowedSigners;
            var trust = signers?.Authorize(approver, key, ApprovalManifest.SignatureNamespace, now);
            if (trust is null || !trust.IsTrusted)
            {
                return $"{approver} with key {key.Fingerprint} is not trusted by the base's {CheckpointPolicy.AllowedSignersPath}: {trust?.Failure ?? "the base has none"}";
            }

            if (change.Configuration.Revoked.IsKeyRevoked(key.Fingerprint))
            {
                return $"key {key.Fingerprint} is revoked by the base's {CheckpointPolicy.RevokedPath}";
            }

            principals.AddRange(trust.Entry!.Principals.Where(p => p.IndexOfAny(new[] { '*', '?', '!' }) < 0));
        }

        if (ApprovalVerifier.OwnWorkOf(principals.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), change.Commits) is GitCommit own)
        {
            return $"you ({approver}) authored or committed {own.ShortId} in the range ({own.AuthorName} <{own.AuthorEmail}>, committer {own.CommitterName} <{own.CommitterEmail}>); an approver must not approve their own changes (CHK107): ask someone else to review";
        }

        var named = change.Attestations.Principals;
        if (named.Count > 0 && !named.Contains(approver, StringComparer.OrdinalIgnoreCase) && named.Count >= change.Policy.RequiredApprovers)
        {
            return $"the attestations this change adds name {string.Join(", ", named)} ({string.Join(", ", change.Attestations.Readable.Take(5).Select(a => a.Location))}), not you: {string.Join(" and ", named)} must sign, and your approval would not make the build pass (CHK108)";
        }

        return null;
    }

    /// <summary>The principals the attestations name who have no valid approval yet, <paramref name="approver"/> left out.</summary>
    public static IReadOnlyList<string> OthersWhoMustSign(ResolvedChange change, GateVerdict verdict, string approver)
    {
        if (change is null || verdict is null)
        {
            throw new ArgumentNullException(change is null ? nameof(change) : nameof(verdict));
        }

        return change.Attestations.Principals
            .Where(p => !string.Equals(p, approver, StringComparison.OrdinalIgnoreCase) && !AlreadyApproved(verdict, p))
            .ToList();
    }
}
