namespace Checkpoint.Tool.Review;

/// <summary>A file the change touches, with line counts from the review's own diff (null when binary).</summary>
/// <param name="SymlinkTarget">Where a symbolic link points on HEAD's side (or pointed, for a deleted link).</param>
internal sealed record ReviewedFile(string Path, string Change, int? AddedLines, int? RemovedLines, string? SymlinkTarget = null, string? ModeChange = null);
