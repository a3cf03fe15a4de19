namespace Checkpoint.Tool.Review;

/// <summary>
/// A file that steers the build (project, props/targets, package sources, SDK and tool pins,
/// analyzer configuration, git attributes, CI). The review never runs it; it shows the whole diff
/// first, for the approver to read, because a build of the branch would run it.
/// </summary>
/// <param name="Change">"created", "deleted" or "modified".</param>
/// <param name="Reason">What the file can do, in words.</param>
/// <param name="Diff">The unified diff text.</param>
internal sealed record BuildLogicChange(string Path, string Change, string Reason, string Diff);
