using System.Collections.Generic;

namespace Checkpoint.Core.Git;

/// <summary>What one <c>git status</c> says about the working tree against HEAD.</summary>
public sealed class WorkingTreeStatus
{
    internal WorkingTreeStatus(IReadOnlyList<GitPath> changed, IReadOnlyList<GitPath> untracked)
    {
        Changed = changed;
        Untracked = untracked;
    }

    /// <summary>Tracked paths whose working-tree or index content differs from HEAD.</summary>
    public IReadOnlyList<GitPath> Changed { get; }

    /// <summary>Untracked paths (a wholly untracked folder is one entry ending in <c>/</c>); ignored files are left out.</summary>
    public IReadOnlyList<GitPath> Untracked { get; }
}
