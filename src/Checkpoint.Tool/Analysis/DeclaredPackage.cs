namespace Checkpoint.Tool.Analysis;

/// <summary>A package reference read from project XML: id and version exactly as written (a range stays a range).</summary>
internal sealed record DeclaredPackage(string Id, string Version);
