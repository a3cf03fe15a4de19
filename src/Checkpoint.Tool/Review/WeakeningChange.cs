namespace Checkpoint.Tool.Review;

/// <summary>A change that could weaken the checkpoint. `checkpoint review` lists these first, in red.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Line">Line on the side the change is on, or null for a whole-file change.</param>
/// <param name="Kind">Which guard it touches.</param>
/// <param name="Change">"added", "removed", "modified", "deleted" or "created".</param>
/// <param name="Description">One line for a human: what changed and why it matters.</param>
internal sealed record WeakeningChange(string Path, int? Line, WeakeningKind Kind, string Change, string Description);
