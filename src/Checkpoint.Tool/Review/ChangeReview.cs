using System.Collections.Generic;

namespace Checkpoint.Tool.Review;

/// <summary>Everything `checkpoint review` shows, in the order it shows it.</summary>
internal sealed class ChangeReview
{
    public ChangeReview(
        string repository,
        string baseRef,
        string mergeBase,
        string headCommit,
        string digest,
        IReadOnlyList<BuildLogicChange> buildLogic,
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
        BuildLogic = buildLogic;
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

    /// <summary>Build logic the branch changes, with full diffs: shown before everything else.</summary>
    public IReadOnlyList<BuildLogicChange> BuildLogic { get; }

    public IReadOnlyList<WeakeningChange> Weakening { get; }

    public OperationReview Operations { get; }

    public IReadOnlyList<AttestationChange> Attestations { get; }

    public IReadOnlyList<ReviewedFile> Files { get; }

    /// <summary>Whether the branch will build once the approval is signed, and whose signatures it needs (<see cref="ApprovalOutlook"/>).</summary>
    public string? BuildOutlook { get; init; }
}
