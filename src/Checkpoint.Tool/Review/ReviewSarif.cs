using System.Collections.Generic;
using System.Linq;
using Checkpoint.Tool.Output.Sarif;

namespace Checkpoint.Tool.Review;

/// <summary>
/// A review as SARIF 2.1.0, for code scanning: each operation the branch adds, moves or whose
/// attestation it changes (under its analyzer rule, CHK001/CHK002/CHK008), each change that can
/// weaken the checkpoint, and each build file the branch changes, at its place in HEAD. Removed
/// operations have no place in HEAD and are left out; what could not be analyzed is a notification.
/// </summary>
internal static class ReviewSarif
{
    public static string Write(ChangeReview review, string repositoryRoot)
    {
        var results = new List<SarifResult>();
        var rules = new List<SarifRule>(SarifRules.Analyzers) { SarifRules.BuildLogic };
        foreach (var change in review.BuildLogic)
        {
            results.Add(new SarifResult(SarifRules.BuildLogicId, "warning", $"{change.Path} ({change.Change}): {change.Reason}. A build of the branch would run it; read the whole diff.", change.Path, null));
        }

        foreach (var change in review.Weakening)
        {
            rules.Add(SarifRules.Weakening(change.Kind));
            results.Add(new SarifResult(SarifRules.WeakeningId(change.Kind), "warning", change.Description, change.Path, change.Line));
        }

        foreach (var change in review.Operations.Changes.Where(c => c.Change != "removed"))
        {
            var level = change.IsAttested ? "note" : change.Tier == "Disruptive" ? "warning" : "error";
            var from = change.PreviousPath != null ? $" (from {change.PreviousPath}:{change.PreviousLine})" : string.Empty;
            var what = string.Join(": ", new[] { change.Service, change.Effect }.Where(p => p.Length > 0));
            results.Add(new SarifResult(
                change.RuleId,
                level,
                $"{change.Change} {change.Operation}{(what.Length > 0 ? " (" + what + ")" : string.Empty)}{from}: {ReviewOutput.Attestation(change)}",
                change.Path,
                change.Line));
        }

        var notifications = new List<SarifNotification>();
        if (!review.Operations.Analyzed)
        {
            notifications.Add(new SarifNotification("error", "Destructive and disruptive operations were NOT ANALYZED: " + (review.Operations.NotAnalyzedReason ?? "the builds could not run")));
        }

        notifications.AddRange(review.Operations.NotAnalyzedFiles.Select(f => new SarifNotification("warning", "not analyzed: " + f)));
        notifications.AddRange(review.Operations.Warnings.Select(w => new SarifNotification("warning", w)));
        return SarifLog.Write(repositoryRoot, rules, results, notifications, executionSuccessful: review.Operations.Analyzed);
    }
}
