namespace Checkpoint.Tool.Review;

/// <summary>One CHK001/CHK002 result from a compiler SARIF log, with a repository-relative path.</summary>
/// <param name="Member">The containing member when the analyzer reports it (diagnostic property "containingMember"); null otherwise.</param>
internal sealed record AnalyzerFinding(string RuleId, string Severity, string Operation, string Service, string Effect, string Path, int Line, int Column, bool Suppressed, string? Member = null);
