using System.Collections.Generic;

namespace Checkpoint.Tool.Review;

/// <summary>The text changes to one file, as `git diff -U0 --no-renames` reports them.</summary>
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

    public bool IsBinary { get; set; }

    public List<DiffLine> Added { get; } = new List<DiffLine>();

    public List<DiffLine> Removed { get; } = new List<DiffLine>();
}
