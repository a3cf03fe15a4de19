using System.Collections.Generic;

namespace Checkpoint.Tool.Review
{
    /// <summary>A file the change touches, with git's line counts (null for binary files).</summary>
    internal sealed record ReviewedFile(string Path, string Change, int? AddedLines, int? RemovedLines);

    /// <summary>
    /// A destructive (CHK001) or disruptive (CHK002) operation that the change adds, removes or
    /// moves, as the analyzers reported it in builds of the merge-base and of HEAD.
    /// </summary>
    /// <param name="Change">"added", "removed" or "moved".</param>
    /// <param name="Operation">The called member, e.g. Amazon.S3.IAmazonS3.DeleteBucketAsync.</param>
    /// <param name="Service">The namespace of the called type, e.g. Amazon.S3.</param>
    /// <param name="Effect">What the analyzer says it does, e.g. "deletes an S3 bucket".</param>
    /// <param name="Path">Where it is now (for removed operations: where it was).</param>
    /// <param name="PreviousPath">For moved operations: where it was.</param>
    internal sealed record OperationChange(
        string Change,
        string RuleId,
        string Severity,
        string Operation,
        string Service,
        string Effect,
        string Path,
        int Line,
        string? PreviousPath,
        int? PreviousLine,
        bool Suppressed);

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

    /// <summary>Everything `checkpoint review` shows, in the order it shows it.</summary>
    internal sealed class ChangeReview
    {
        public ChangeReview(
            string repository,
            string baseRef,
            string mergeBase,
            string headCommit,
            string digest,
            IReadOnlyList<WeakeningChange> weakening,
            OperationReview operations,
            IReadOnlyList<AttestationChange> attestations,
            IReadOnlyList<ReviewedFile> files)
        {
            Repository = repository;
            BaseRef = baseRef;
            MergeBase = mergeBase;
            HeadCommit = headCommit;
            Digest = digest;
            Weakening = weakening;
            Operations = operations;
            Attestations = attestations;
            Files = files;
        }

        public string Repository { get; }

        public string BaseRef { get; }

        public string MergeBase { get; }

        public string HeadCommit { get; }

        public string Digest { get; }

        public IReadOnlyList<WeakeningChange> Weakening { get; }

        public OperationReview Operations { get; }

        public IReadOnlyList<AttestationChange> Attestations { get; }

        public IReadOnlyList<ReviewedFile> Files { get; }
    }
}
