using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// Pairs the merge-base's and HEAD's operation sites by (file, operation, member), never by line,
/// so an edit above a call does not make it new. Surplus on HEAD's side is added, on the
/// merge-base's side removed; a removal matched by an addition of the same operation in another
/// file or member is a move. Paired sites whose attestation differs are reported too.
/// </summary>
internal static class SiteComparison
{
    public static IReadOnlyList<OperationChange> Compare(IReadOnlyList<OperationSite> before, IReadOnlyList<OperationSite> after)
    {
        var removed = new List<OperationSite>();
        var added = new List<OperationSite>();
        var changes = new List<OperationChange>();
        var oldByKey = before.ToLookup(Key);
        var newByKey = after.ToLookup(Key);
        foreach (var key in oldByKey.Select(g => g.Key).Concat(newByKey.Select(g => g.Key)).Distinct())
        {
            var old = oldByKey[key].OrderBy(s => s.Line).ThenBy(s => s.Column).ToList();
            var now = newByKey[key].OrderBy(s => s.Line).ThenBy(s => s.Column).ToList();
            for (var i = 0; i < Math.Min(old.Count, now.Count); i++)
            {
                if (old[i].Coverage != now[i].Coverage || old[i].Approvers != now[i].Approvers || old[i].Suppressed != now[i].Suppressed)
                {
                    changes.Add(ToChange("coverage-changed", now[i], null) with { PreviousLine = old[i].Line, PreviousCoverage = old[i].Coverage });
                }
            }

            added.AddRange(now.Skip(old.Count));
            removed.AddRange(old.Skip(now.Count));
        }

        foreach (var gone in removed.ToList())
        {
            var arrival = added.FirstOrDefault(a => Operation(a) == Operation(gone) && (a.Path != gone.Path || a.Member != gone.Member));
            if (arrival != null)
            {
                added.Remove(arrival);
                removed.Remove(gone);
                changes.Add(ToChange("moved", arrival, gone));
            }
        }

        changes.AddRange(added.Select(a => ToChange("added", a, null)));
        changes.AddRange(removed.Select(r => ToChange("removed", r, null)));
        return changes
            .OrderBy(c => Order(c.Change))
            .ThenBy(c => c.IsAttested ? 1 : 0)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Line)
            .ToList();
    }

    private static (string Path, string Operation, string Member) Key(OperationSite site) => (site.Path, Operation(site), site.Member);

    private static string Operation(OperationSite site) => site.OperationId.Length > 0 ? site.OperationId : site.Operation;

    private static int Order(string change) => change switch
    {
        "added" => 0,
        "moved" => 1,
        "coverage-changed" => 2,
        _ => 3,
    };

    private static OperationChange ToChange(string change, OperationSite site, OperationSite? previous) =>
        new(change, site.RuleId, site.Severity, site.Operation, site.Service, site.Effect, site.Tier, site.Path, site.Line, site.Member,
            previous?.Path, previous?.Line, previous?.Member, site.Suppressed, site.Coverage, site.Approvers, site.Baselined);
}
