using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Tool.Analysis;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Finds the destructive and disruptive operations a change adds, removes or moves. The merge-base's
/// projects are restored and evaluated by their own (trusted) build in the review cache; both sides
/// are then compiled in this process with the tool's own analyzers in review mode, and the sites
/// are compared by (file, operation, member). Nothing from the branch is built, evaluated or run.
/// </summary>
internal static class OperationAnalysis
{
    public static OperationReview Run(
        ReviewedChange change, IReadOnlyDictionary<string, byte[]> blobs, ReviewCache cache, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, Action<string> progress)
    {
        if (!change.Entries.Any(e => CanChangeOperations(e.Path)))
        {
            return new OperationReview(true, null, Array.Empty<OperationChange>(), new[] { "no C# file, project, build or analyzer file changed, so no operation site can have changed; nothing was compiled" });
        }

        progress("Reading the merge-base's projects (restored and evaluated once per merge-base, then cached)...");
        BaseWorkspace workspace;
        try
        {
            workspace = BaseWorkspace.Open(cache, change, environment, timeout);
        }
        catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
        {
            return OperationReview.NotAnalyzed($"the review cache {cache.Root} cannot be used: {ex.Message}");
        }

        progress("Compiling the merge-base and HEAD in process with the Checkpoint analyzers...");
        var report = OperationSiteAnalysis.Run(change, workspace, blobs, environment, timeout);
        if (!report.Analyzed)
        {
            return new OperationReview(false, report.NotAnalyzedReason, Array.Empty<OperationChange>(), report.Notes, report.NotAnalyzed);
        }

        var warnings = new List<string>(report.Notes);
        foreach (var project in report.Projects.Where(p => p.CompileErrors > 0))
        {
            warnings.Add($"{project.Side}: {project.Path}: {project.CompileErrors} compile error{(project.CompileErrors == 1 ? string.Empty : "s")}; operations in code that did not compile may be missing (first: {project.FirstError})");
        }

        return new OperationReview(true, null, SiteComparison.Compare(report.Before, report.After), warnings, report.NotAnalyzed);
    }

    private static bool CanChangeOperations(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        return ProjectLayout.IsCSharpSource(path) || ProjectLayout.IsProjectFile(path)
            || name.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("CheckpointOperations", StringComparison.OrdinalIgnoreCase) || name.StartsWith("CheckpointBaseline", StringComparison.OrdinalIgnoreCase);
    }
}
