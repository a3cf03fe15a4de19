namespace Checkpoint.Tool.Output.Sarif;

/// <summary>One SARIF result.</summary>
/// <param name="Level">error, warning or note.</param>
/// <param name="Path">Repository-relative, '/'-separated.</param>
/// <param name="Line">1-based, or null when the result is about the whole file.</param>
internal sealed record SarifResult(string RuleId, string Level, string Message, string Path, int? Line);
