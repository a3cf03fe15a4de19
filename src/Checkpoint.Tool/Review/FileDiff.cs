using System.Collections.Generic;

namespace Checkpoint.Tool.Review;

/// <summary>The text changes to one file, computed by the review from the two blobs.</summary>
internal sealed class FileDiff
{
    public FileDiff(string path)
    {
        Path = path;
    }

    /// <summary>Path on the new side, or the old side for a deleted file (forward slashes, repository-relative).</summary>
    public string Path { get; set; }

    public bool IsNew { get; set; }

    public bool IsDeleted { get; set; }

    /// <summary>Contains a NUL byte (git's own test, without attributes), or is too large to show.</summary>
    public bool IsBinary { get; set; }

    /// <summary>For a symbolic link on HEAD's side: where it points (the blob's content).</summary>
    public string? SymlinkTarget { get; set; }

    /// <summary>For a symbolic link at the merge-base: where it pointed.</summary>
    public string? OldSymlinkTarget { get; set; }

    /// <summary>Set when the file mode changes (e.g. "100644 → 100755").</summary>
    public string? ModeChange { get; set; }

    /// <summary>The git mode on HEAD's side (<c>100644</c>, <c>100755</c>, <c>120000</c>...), null when the file is deleted or the diff text did not say.</summary>
    public string? NewMode { get; set; }

    /// <summary>The change as unified diff text (3 lines of context), for files the approver must read in full.</summary>
    public string Unified { get; set; } = string.Empty;

    public List<DiffLine> Added { get; } = new List<DiffLine>();

    public List<DiffLine> Removed { get; } = new List<DiffLine>();

    public string Change => IsNew ? "created" : IsDeleted ? "deleted" : "modified";
}
