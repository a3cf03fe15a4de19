namespace Checkpoint.Tool.Analysis;

/// <summary>How one project was analyzed on one side, for the notes the review prints.</summary>
/// <param name="Side">"merge-base" or "HEAD".</param>
/// <param name="ReferencesFrom">For a project new on the branch: the merge-base project whose references and options it got.</param>
/// <param name="CompileErrors">Compiler errors (not analyzer results): code that did not compile may hide operations.</param>
/// <param name="FirstError">The first of those errors, as the compiler words it.</param>
internal sealed record AnalyzedProject(string Side, string Path, string TargetFramework, string? ReferencesFrom, int CompileErrors, string? FirstError);
