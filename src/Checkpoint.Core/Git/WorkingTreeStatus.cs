using System.Collections.Generic;

namespace Checkpoint.Core.Git;

/// <summary>What one <c>git status</c> says about the working tree against HEAD.</summary>
public sealed class WorkingTreeStatus
{
    internal WorkingTreeStatus(IReadOnlyList<GitPath> changed)
    {
        Changed = changed;
    }

    /// <summary>Tracked paths whose working-tree or index content differs from HEAD.</summary>
    public IReadOnlyList<GitPath> Changed { get; }
}
