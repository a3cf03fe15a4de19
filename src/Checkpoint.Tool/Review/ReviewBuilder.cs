using System;
using System.Linq;
using Checkpoint.Tool.Analysis;
using Checkpoint.Tool.Commands;
using Spectre.Console;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Assembles a <see cref="ChangeReview"/> for the range the gate resolved, from git objects only:
/// the raw tree diff, the changed blobs (one batched read), diffs computed here, and the
/// operation analysis. The working tree, and every attribute or driver it could bring, is not read.
/// </summary>
internal static class ReviewBuilder
{
    private static readonly string[] UnanalyzedCode =
    {
        ".vb", ".fs", ".fsx", ".csx", ".ps1", ".psm1", ".sh", ".bash", ".zsh", ".py", ".js", ".mjs", ".ts", ".sql", ".cmd", ".bat", ".tf", ".bicep",
    };

    /// <param name="quiet">No progress lines on stderr (status's machine-readable formats).</param>
    public static ChangeReview Build(RepositorySession session, bool analyzeOperations, TimeSpan timeout, bool quiet = false)
    {
        var range = session.RequireRange();
        var resolved = session.Change;
        var objects = new GitObjects(resolved.Objects);

        // Exactly what the digest covers: the approvals it leaves out are left out here too.
        var entries = resolved.Entries
            .Where(e => !e.IsApproval)
            .Select(e => new ChangedEntry(e.Path.Display, e.Status, e.OldMode, e.NewMode, e.OldObjectId, e.NewObjectId))
            .ToList();
        var blobs = objects.ReadBlobs(entries.SelectMany(e => new[] { e.OldBlob, e.NewBlob }), TextDiff.MaxBytes);
        var change = new ReviewedChange(resolved.RepositoryRoot, range.MergeBase, range.HeadCommit, entries, objects);

        var fileDiffs = entries.Select(e => TextDiff.Compare(e, blobs)).ToList();
        var files = fileDiffs
            .Select(f => new ReviewedFile(
                f.Path,
                f.Change,
                f.IsBinary ? null : f.Added.Count,
                f.IsBinary ? null : f.Removed.Count,
                f.SymlinkTarget ?? f.OldSymlinkTarget,
                f.ModeChange))
            .ToList();

        OperationReview operations;
        if (analyzeOperations)
        {
            // stderr, so json and markdown on stdout stay clean.
            void Progress(string message)
            {
                if (!quiet)
                {
                    session.Console.Error.MarkupLine("[grey]" + Markup.Escape(message) + "[/]");
                }
            }

            operations = OperationAnalysis.Run(change, blobs, ReviewCache.ForEnvironment(session.Environment), session.Environment.Variables, timeout, Progress);
        }
        else
        {
            operations = OperationReview.NotAnalyzed("--no-build was given, so no operation analysis ran");
        }

        var scripts = entries.Where(e => UnanalyzedCode.Any(x => e.Path.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Path}: not C#; the analyzers cannot read it")
            .ToList();
        if (scripts.Count > 0)
        {
            operations = new OperationReview(operations.Analyzed, operations.NotAnalyzedReason, operations.Changes, operations.Warnings, operations.NotAnalyzedFiles.Concat(scripts).ToList());
        }

        return new ChangeReview(
            resolved.Identity ?? "(unknown repository)",
            range.BaseRef,
            range.MergeBase,
            range.HeadCommit,
            range.Digest,
            BuildLogicScan.Find(fileDiffs),
            WeakeningScan.Find(fileDiffs),
            operations,
            AttestationScan.Find(fileDiffs),
            files)
        {
            BuildOutlook = ApprovalOutlook.Describe(resolved, session.Verdict, operations),
        };
    }
}
