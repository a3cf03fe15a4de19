namespace Checkpoint.Tool.Review;

/// <summary>One added or removed line of a file's diff, with its line number on that side.</summary>
internal sealed record DiffLine(int LineNumber, string Text);
