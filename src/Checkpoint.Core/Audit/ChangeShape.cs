namespace Checkpoint.Core.Audit;

/// <summary>How a change landed on the protected branch, as far as its commits show.</summary>
public enum ChangeShape
{
    /// <summary>A merge commit: its branch is the first parent's merge-base to the second parent.</summary>
    MergeCommit,

    /// <summary>One commit with one parent: a squash merge, or a commit pushed to the branch directly (git cannot tell them apart).</summary>
    SingleCommit,

    /// <summary>Several consecutive commits that one approval covers: a rebase merge.</summary>
    CommitRange,

    /// <summary>The branch's first commit, which has no base.</summary>
    RootCommit,
}
