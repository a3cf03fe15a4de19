namespace Checkpoint.DocumentationGenerator;

/// <summary>
/// One part of a document that restates code: the file (relative to the source tree, '/'-separated),
/// the marker name, and what belongs between <c>&lt;!-- generated:NAME:begin --&gt;</c> and
/// <c>&lt;!-- generated:NAME:end --&gt;</c>.
/// </summary>
public sealed record GeneratedSection(string File, string Name, Func<string> Render);
