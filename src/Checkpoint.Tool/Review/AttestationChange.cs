namespace Checkpoint.Tool.Review;

/// <summary>An [ApprovedBy] or [Destructive] attribute the change adds or removes.</summary>
/// <param name="Attribute">"ApprovedBy" or "Destructive".</param>
/// <param name="Change">"added" or "removed" (an edit shows as one of each).</param>
internal sealed record AttestationChange(string Path, int Line, string Attribute, string Change, string Text);
