namespace Checkpoint.Core.Git;

/// <summary>A file changed between two commits with its line counts (<c>git diff-tree --numstat</c>), for review listings.</summary>
public sealed class ChangedFile
{
    public ChangedFile(GitPath path, int? addedLines, int? removedLines)
    {
        Path = path;
        AddedLines = addedLines;
        RemovedLines = removedLines;
    }

    public GitPath Path { get; }

    /// <summary>Null for binary files.</summary>
    public int? AddedLines { get; }

    /// <summary>Null for binary files.</summary>
    public int? RemovedLines { get; }

    public bool IsBinary => AddedLines is null;
}
