using System.Collections.Generic;

namespace Checkpoint.Tool.Review;

/// <summary>The semantic part of a review, or why it could not be done.</summary>
internal sealed class OperationReview
{
    public OperationReview(bool analyzed, string? notAnalyzedReason, IReadOnlyList<OperationChange> changes, IReadOnlyList<string> warnings)
    {
        Analyzed = analyzed;
        NotAnalyzedReason = notAnalyzedReason;
        Changes = changes;
        Warnings = warnings;
    }

    /// <summary>False when the builds could not run: then <see cref="Changes"/> is empty and says nothing.</summary>
    public bool Analyzed { get; }

    public string? NotAnalyzedReason { get; }

    public IReadOnlyList<OperationChange> Changes { get; }

    /// <summary>Things the approver should know about the analysis (compile errors, projects without results).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public static OperationReview NotAnalyzed(string reason) =>
        new OperationReview(false, reason, new List<OperationChange>(), new List<string>());
}
