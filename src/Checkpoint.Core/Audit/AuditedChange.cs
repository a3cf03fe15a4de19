using System;
using System.Collections.Generic;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Audit;

/// <summary>One change that landed on the protected branch, with the approvals that came with it and what the audit found.</summary>
public sealed class AuditedChange
{
    internal AuditedChange(ChangeShape shape, IReadOnlyList<GitCommitRecord> commits, string? baseCommit, string? mergeBase, string head, string? branch)
    {
        Shape = shape;
        Commits = commits;
        BaseCommit = baseCommit;
        MergeBase = mergeBase;
        Head = head;
        Branch = branch;
    }

    public ChangeShape Shape { get; }

    /// <summary>The commits on the protected branch's first-parent chain that the change landed as, oldest first.</summary>
    public IReadOnlyList<GitCommitRecord> Commits { get; }

    /// <summary>For a merge commit: the commits its branch brought in (merge-base to second parent).</summary>
    public IReadOnlyList<GitCommitRecord> BranchCommits { get; internal set; } = Array.Empty<GitCommitRecord>();

    /// <summary>The last of <see cref="Commits"/>: the commit that made the change part of the branch.</summary>
    public GitCommitRecord Landing => Commits[Commits.Count - 1];

    /// <summary>When it landed: the landing commit's committer time.</summary>
    public DateTimeOffset LandedAt => Landing.Committer.Time;

    /// <summary>The branch's commit before the change: where the policy, signers and revoked list were read. Null for the root commit.</summary>
    public string? BaseCommit { get; }

    /// <summary>For a merge commit: the merge-base of its parents, the old side of the branch's diff.</summary>
    public string? MergeBase { get; }

    /// <summary>The new side of the diff: a merge's second parent (the branch's tip), otherwise the landing commit.</summary>
    public string Head { get; }

    /// <summary>The branch name, when the merge commit's message names it (<c>Merge pull request #1 from owner/branch</c>).</summary>
    public string? Branch { get; }

    /// <summary>The digest the change would have had against its own base: what an approval of it names.</summary>
    public string Digest { get; internal set; } = string.Empty;

    /// <summary>How many paths the digest covers.</summary>
    public int FileCount { get; internal set; }

    /// <summary>For a merge commit whose landed diff (first parent to merge) has another digest, that digest, when it was computed.</summary>
    public string? LandedDigest { get; internal set; }

    /// <summary>Whether the gate would have required an approval, and why (or why not) in <see cref="GatedBecause"/>.</summary>
    public bool Gated { get; internal set; }

    public string GatedBecause { get; internal set; } = string.Empty;

    /// <summary>True when enough approvals counted, as the base's policy requires.</summary>
    public bool Approved { get; internal set; }

    /// <summary>The approvers whose approvals counted.</summary>
    public IReadOnlyList<string> Approvers { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<AuditedApproval> Approvals { get; internal set; } = Array.Empty<AuditedApproval>();

    public IReadOnlyList<AuditFinding> Findings { get; internal set; } = Array.Empty<AuditFinding>();

    /// <summary>What the audit could not decide from the data alone, or worked out in another way (not flagged).</summary>
    public IReadOnlyList<string> Notes { get; internal set; } = Array.Empty<string>();

    public bool Flagged => Findings.Count > 0;
}
