namespace Checkpoint.Tool.Output.Sarif;

/// <summary>A tool execution notification: something about the run itself, with no place in a file.</summary>
/// <param name="Level">error, warning or note.</param>
internal sealed record SarifNotification(string Level, string Message);
