using System.Collections.Generic;

namespace Checkpoint.Tool.Analysis;

/// <summary>The operation sites of the projects a change affects, on both sides, and what the approver must know about how they were found.</summary>
/// <param name="Analyzed">False when nothing could be compiled at all (then <see cref="NotAnalyzedReason"/> says why).</param>
/// <param name="NotAnalyzed">Changed files the analysis could not look at, with the reason, e.g. "src/x.cs: in no C# project".</param>
/// <param name="Notes">Facts about the analysis: frameworks chosen, new projects, packages restored, problems.</param>
internal sealed record SiteReport(
    bool Analyzed,
    string? NotAnalyzedReason,
    IReadOnlyList<OperationSite> Before,
    IReadOnlyList<OperationSite> After,
    IReadOnlyList<AnalyzedProject> Projects,
    IReadOnlyList<string> NotAnalyzed,
    IReadOnlyList<string> Notes);
