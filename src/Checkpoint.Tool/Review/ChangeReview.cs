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
