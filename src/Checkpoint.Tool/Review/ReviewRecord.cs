using System.Linq;
using System.Text;
using Checkpoint.Core.Approvals;

namespace Checkpoint.Tool.Review;

/// <summary>
/// What a review showed, as the signed manifest keeps it (<see cref="ApprovalRecord"/>): the operation
/// sites, the weakening changes and the attestations, from the review's structured results (never its text).
/// </summary>
internal static class ReviewRecord
{
    public static ApprovalRecord From(ChangeReview review)
    {
        var truncated = review.Operations.Changes.Count > ApprovalRecord.MaxItems
            || review.Weakening.Count > ApprovalRecord.MaxItems
            || review.Attestations.Count > ApprovalRecord.MaxItems;
        var operations = review.Operations.Changes
            .Take(ApprovalRecord.MaxItems)
            .Select(o => new RecordedOperation(
                o.Change,
                o.Tier.ToLowerInvariant(),
                Name(o.Operation) ?? "(unknown operation)",
                Name(o.Path) ?? "(unknown file)",
                Line(o.Line),
                Name(o.Member),
                Name(o.PreviousPath),
                Line(o.PreviousLine),
                Name(o.PreviousMember),
                Name(o.Coverage)))
            .ToList();
        var weakening = review.Weakening
            .Take(ApprovalRecord.MaxItems)
            .Select(w => new RecordedWeakening(
                KebabCase(w.Kind.ToString()),
                w.Change,
                Name(w.Path) ?? "(unknown file)",
                Line(w.Line),
                ApprovalRecord.Printable(w.Description, ApprovalRecord.MaxTextLength) ?? w.Kind.ToString()))
            .ToList();
        var attestations = review.Attestations
            .Take(ApprovalRecord.MaxItems)
            .Select(a => new RecordedAttestation(
                a.Attribute,
                a.Change,
                Name(a.Path) ?? "(unknown file)",
                a.Line < 1 ? 1 : a.Line,
                ApprovalRecord.Printable(a.Text, ApprovalRecord.MaxTextLength) ?? "[" + a.Attribute + "]"))
            .ToList();
        return new ApprovalRecord(review.Operations.Analyzed, operations, weakening, attestations, truncated);
    }

    private static string? Name(string? text) => ApprovalRecord.Printable(text, ApprovalRecord.MaxNameLength);

    private static int? Line(int? line) => line is int number && number > 0 ? number : null;

    private static string KebabCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
