using System;
using System.Collections.Generic;

namespace Checkpoint.Tool.Review;

/// <summary>The semantic part of a review, or why it could not be done.</summary>
internal sealed class OperationReview
{
    public OperationReview(bool analyzed, string? notAnalyzedReason, IReadOnlyList<OperationChange> changes, IReadOnlyList<string> warnings, IReadOnlyList<string>? notAnalyzedFiles = null)
    {
        Analyzed = analyzed;
        NotAnalyzedReason = notAnalyzedReason;
        Changes = changes;
        Warnings = warnings;
        NotAnalyzedFiles = notAnalyzedFiles ?? Array.Empty<string>();
    }

    /// <summary>False when nothing could be compiled: then <see cref="Changes"/> is empty and says nothing.</summary>
    public bool Analyzed { get; }

    public string? NotAnalyzedReason { get; }

    public IReadOnlyList<OperationChange> Changes { get; }

    /// <summary>What the approver should know about the analysis: compile errors, new projects, packages, frameworks chosen.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Changed files the analysis could not look at, each with the reason.</summary>
    public IReadOnlyList<string> NotAnalyzedFiles { get; }

    public static OperationReview NotAnalyzed(string reason, IReadOnlyList<string>? warnings = null) =>
        new OperationReview(false, reason, new List<OperationChange>(), warnings ?? new List<string>());
}
