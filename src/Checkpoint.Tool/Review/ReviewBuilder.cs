using System;
using System.Linq;
using System.Text;
using Checkpoint.Core.Git;
using Checkpoint.Tool.Commands;
using Spectre.Console;

namespace Checkpoint.Tool.Review;

/// <summary>Assembles a <see cref="ChangeReview"/> for the range the gate resolved.</summary>
internal static class ReviewBuilder
{
    public static ChangeReview Build(RepositorySession session, bool analyzeOperations, TimeSpan buildTimeout)
    {
        var range = session.RequireRange();
        if (analyzeOperations)
        {
            // stderr, so json and markdown on stdout stay clean.
            session.Console.Error.MarkupLine("[grey]Building the merge-base and HEAD with the analyzers to find destructive operations...[/]");
        }

        var repository = session.Repository;

        var diffText = DiffText(repository, range);
        // Only what the digest leaves out (approval files) is left out of the review too.
        var leftOut = session.Change.Entries.Where(e => e.IsApproval).Select(e => e.Path.Display).ToHashSet(StringComparer.Ordinal);
        var fileDiffs = UnifiedDiff.Parse(diffText).Where(f => !leftOut.Contains(f.Path)).ToList();
        var changeByPath = fileDiffs.GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().IsNew ? "created" : g.First().IsDeleted ? "deleted" : "modified", StringComparer.Ordinal);

        var files = session.Change.ChangedFiles
            .Select(f => new ReviewedFile(
                f.Path.Display,
                changeByPath.TryGetValue(f.Path.Display, out var change) ? change : "modified",
                f.AddedLines,
                f.RemovedLines))
            .ToList();

        var operations = analyzeOperations
            ? new OperationAnalysis(repository, session.Environment.Variables, buildTimeout).Compare(range.MergeBase, range.HeadCommit)
            : OperationReview.NotAnalyzed("--no-build was given, so the merge-base and HEAD were not built");

        return new ChangeReview(
            session.Change.Identity ?? "(unknown repository)",
            range.BaseRef,
            range.MergeBase,
            range.HeadCommit,
            range.Digest,
            WeakeningScan.Find(fileDiffs),
            operations,
            AttestationScan.Find(fileDiffs),
            files);
    }

    private static string DiffText(GitRepository repository, ReviewedRange range)
    {
        try
        {
            return Encoding.UTF8.GetString(repository.UnifiedDiff(range.MergeBase, range.HeadCommit, contextLines: 0));
        }
        catch (GitException ex)
        {
            throw new ToolException("git diff failed: " + ex.Message, ex);
        }
    }
}
