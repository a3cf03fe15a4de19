namespace Checkpoint.Core.Git;

/// <summary>One ref as <c>git for-each-ref</c> lists it.</summary>
public sealed class GitRef
{
    internal GitRef(string name, string objectId, string? symbolicTarget)
    {
        Name = name;
        ObjectId = objectId;
        SymbolicTarget = symbolicTarget;
    }

    /// <summary>The full refname: <c>refs/remotes/origin/main</c>.</summary>
    public string Name { get; }

    /// <summary>The object the ref points to (for a symbolic ref, the one its target points to).</summary>
    public string ObjectId { get; }

    /// <summary>For a symbolic ref (<c>refs/remotes/origin/HEAD</c>), the full name of its target.</summary>
    public string? SymbolicTarget { get; }
}
