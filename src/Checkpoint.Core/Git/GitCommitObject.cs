using System.Collections.Generic;

namespace Checkpoint.Core.Git;

/// <summary>A commit object's tree and parents, read by <see cref="GitObjectReader.ReadCommit"/>.</summary>
public sealed class GitCommitObject
{
    internal GitCommitObject(string id, string tree, IReadOnlyList<string> parents)
    {
        Id = id;
        Tree = tree;
        Parents = parents;
    }

    public string Id { get; }

    /// <summary>The id of the commit's root tree.</summary>
    public string Tree { get; }

    public IReadOnlyList<string> Parents { get; }
}
