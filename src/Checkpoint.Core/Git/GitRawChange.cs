namespace Checkpoint.Core.Git;

/// <summary>One line of <c>git diff-tree -r --raw --no-renames</c>: a path whose mode or object changed.</summary>
public sealed class GitRawChange
{
    public GitRawChange(string oldMode, string newMode, string oldObjectId, string newObjectId, char status, GitPath path)
    {
        OldMode = oldMode;
        NewMode = newMode;
        OldObjectId = oldObjectId;
        NewObjectId = newObjectId;
        Status = status;
        Path = path;
    }

    /// <summary>Octal mode before the change; <c>000000</c> when the path was added.</summary>
    public string OldMode { get; }

    /// <summary>Octal mode after the change; <c>000000</c> when the path was deleted.</summary>
    public string NewMode { get; }

    public string OldObjectId { get; }

    public string NewObjectId { get; }

    /// <summary>A (added), D (deleted), M (modified) or T (type changed).</summary>
    public char Status { get; }

    public GitPath Path { get; }
}
