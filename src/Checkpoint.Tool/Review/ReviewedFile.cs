namespace Checkpoint.Tool.Review;

/// <summary>A file the change touches, with git's line counts (null for binary files).</summary>
internal sealed record ReviewedFile(string Path, string Change, int? AddedLines, int? RemovedLines);
