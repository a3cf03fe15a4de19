using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Whether the branch will build once the approval is signed, and whose signatures it needs: from
/// the analyzers' view of the sites (an unattested destructive call fails the compiler whatever is
/// signed), the attestations the gate reads (CHK108), and the gate's other errors over the same
/// resolved change.
/// </summary>
internal static class ApprovalOutlook
{
    /// <summary>Errors a new signature fixes: a missing, stale, bad, untrusted, old or insufficient approval.</summary>
    private static readonly HashSet<string> FixedBySigning = new(StringComparer.Ordinal)
    {
        GateCodes.NoApproval, GateCodes.InvalidApproval, GateCodes.UntrustedSigner, GateCodes.ExpiredApproval, GateCodes.InsufficientApprovers,
    };

    public static string Describe(ResolvedChange change, GateVerdict verdict, OperationReview operations)
    {
        var blockers = new List<string>();
        if (operations.Analyzed)
        {
            var unattested = operations.Changes
                .Where(c => c.Change != "removed" && !c.IsAttested && !c.Suppressed && !c.Baselined && string.Equals(c.Severity, "error", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (unattested.Count > 0)
            {
                blockers.Add($"{unattested.Count} destructive operation(s) are not attested ({string.Join(", ", unattested.Take(5).Select(c => c.Path + ":" + c.Line))}), so the compiler fails with {unattested[0].RuleId}; the author adds [ApprovedBy(\"<approver>\", Reason = \"...\")] first, which changes the digest, and the approval is signed after that");
            }
        }

        foreach (var unreadable in change.Attestations.Unreadable.Take(5))
        {
            blockers.Add($"{unreadable.Location}: an attestation the gate cannot read ({unreadable.Problem}; CHK108)");
        }

        foreach (var error in verdict.Errors.Where(e => !FixedBySigning.Contains(e.Code) && e.Code != GateCodes.UnboundAttestation && !IsApprovalFile(e)))
        {
            blockers.Add(error.ToString());
        }

        if (blockers.Count > 0)
        {
            return "will NOT build even once approved: " + string.Join("; ", blockers);
        }

        var named = change.Attestations.Principals;
        var required = change.Policy.RequiredApprovers;
        var who = named.Count > 0 ? string.Join(" and ", named) + (named.Count == 1 ? " (the attestations name them)" : " (the attestations name each of them)") : "a trusted approver who did not write any of it";
        var more = required > named.Count && named.Count > 0 ? $", and {required - named.Count} more distinct approver(s)" : required > 1 && named.Count == 0 ? $" ({required} distinct approvers in all)" : string.Empty;
        var caveat = operations.Analyzed ? string.Empty : " (operations were not analyzed, so the analyzers' errors are not known here)";
        return $"will build once signed by {who}{more}{caveat}";
    }

    private static bool IsApprovalFile(GateMessage message) =>
        message.Code == GateCodes.ApprovalMismatch && message.File is string file && file.StartsWith(ApprovalManifest.ApprovalsDirectory + "/", StringComparison.Ordinal);
}
