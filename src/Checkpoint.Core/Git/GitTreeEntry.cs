namespace Checkpoint.Core.Git;

/// <summary>One entry of a git tree, as <c>git ls-tree -l</c> prints it.</summary>
public sealed class GitTreeEntry
{
    public GitTreeEntry(string mode, string type, string objectId, long? size, GitPath path)
    {
        Mode = mode;
        Type = type;
        ObjectId = objectId;
        Size = size;
        Path = path;
    }

    /// <summary>Octal mode as git prints it: 100644, 100755, 120000 (symlink), 160000 (gitlink), 040000 (tree).</summary>
    public string Mode { get; }

    /// <summary><c>blob</c>, <c>tree</c> or <c>commit</c>.</summary>
    public string Type { get; }

    public string ObjectId { get; }

    /// <summary>Blob size in bytes; null for trees and gitlinks.</summary>
    public long? Size { get; }

    public GitPath Path { get; }

    /// <summary>A regular file (not a symlink, gitlink or directory).</summary>
    public bool IsRegularFile => Type == "blob" && (Mode == "100644" || Mode == "100755");

    public bool IsSymbolicLink => Mode == "120000";

    public bool IsDirectory => Type == "tree";
}
