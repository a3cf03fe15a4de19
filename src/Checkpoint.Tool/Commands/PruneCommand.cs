using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Tool.Output;
using Spectre.Console;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint prune --older-than 90d`: on the protected branch (as git proves it, the gate's own
/// definition), removes approval files whose signed <c>createdAt</c> is older than that, in one commit.
/// The history keeps them, so <c>checkpoint audit</c> still finds them.
/// </summary>
internal static class PruneCommand
{
    private static readonly Regex AgePattern = new Regex(@"^(?<count>[0-9]{1,5})(?<unit>[dw])$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Remove approvals created longer ago than this: days (90d) or weeks (13w).",
            HelpName = "AGE",
            Required = true,
        };
        var yes = new Option<bool>("--yes") { Description = "Prune without the typed confirmation." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be removed; change nothing." };
        var command = new Command("prune", "On the protected branch, remove old approval files in one commit (history keeps them for 'checkpoint audit').")
        {
            olderThan, yes, dryRun,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            return Prune(session, ParseAge(parseResult.GetValue(olderThan)), parseResult.GetValue(yes), parseResult.GetValue(dryRun));
        });
        return command;
    }

    internal static TimeSpan ParseAge(string? text)
    {
        var match = AgePattern.Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            throw new ToolException($"--older-than '{text}' is not an age: write a number of days or weeks, like 90d or 13w");
        }

        var count = int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) * (match.Groups["unit"].Value == "w" ? 7 : 1);
        if (count < 1 || count > 36_500)
        {
            throw new ToolException($"--older-than '{text}' is out of range: 1 to 36500 days");
        }

        return TimeSpan.FromDays(count);
    }

    private static int Prune(RepositorySession session, TimeSpan age, bool yes, bool dryRun)
    {
        var console = session.Console;
        var change = session.Change;
        if (change.ProtectedBranch is not { } protectedBranch || change.Branch is null)
        {
            throw new ToolException(
                $"prune is done on a protected branch: HEAD ({Short(change.Head)}{(change.Branch is null ? ", detached" : ", branch " + change.Branch)}) is not the tip or in the history of a protected branch's remote ref, as git shows it; check out the protected branch at {change.Base.RefName}");
        }

        // Another branch at the same commit (a fresh agent branch) is not the protected branch: the
        // prune commit must land on the branch the gate trusts, not on one that merges later.
        if (!change.Policy.IsProtected(change.Branch))
        {
            throw new ToolException(
                $"prune is done on a protected branch itself: HEAD is branch {change.Branch}, which is at or behind {protectedBranch.RefName} but is not a protected branch; check out {protectedBranch.Name}");
        }

        var cutoff = session.Now - age;
        var entries = change.Objects.ReadTree(change.Head + ":" + ApprovalPaths.Directory, ApprovalPaths.Directory) ?? Array.Empty<GitTreeEntry>();
        var byPath = entries.ToDictionary(e => e.Path.Display, StringComparer.Ordinal);
        var manifests = entries.Where(e => e.IsRegularFile && e.Path.Display.EndsWith(".json", StringComparison.Ordinal)).ToList();
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        change.Objects.ReadBlobs(manifests.Select(m => m.ObjectId).Distinct(StringComparer.Ordinal).ToList(), (id, header, content) =>
        {
            if (header != null && header.Size <= ApprovalManifest.MaxSizeBytes)
            {
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                contents[id] = copy.ToArray();
            }
        });

        var removed = new List<(string Path, DateTimeOffset CreatedAt)>();
        var unreadable = new List<string>();
        foreach (var manifest in manifests)
        {
            var path = manifest.Path.Display;
            if (!contents.TryGetValue(manifest.ObjectId, out var bytes) || !ApprovalManifest.TryParse(bytes, out var parsed, out _))
            {
                unreadable.Add(path);
                continue;
            }

            if (parsed!.CreatedAt < cutoff)
            {
                removed.Add((path, parsed.CreatedAt));
            }
        }

        foreach (var path in unreadable)
        {
            console.Out.MarkupLine($"[yellow]kept[/] {Markup.Escape(path)}: its manifest cannot be read, so its age is unknown");
        }

        if (removed.Count == 0)
        {
            console.Out.MarkupLine($"Nothing to prune: no approval in {Markup.Escape(ApprovalPaths.Directory)}/ on {Markup.Escape(protectedBranch.Name)} was created before {ApprovalManifest.FormatTimestamp(cutoff)}.");
            return ExitCodes.Success;
        }

        var paths = removed
            .SelectMany(r => byPath.TryGetValue(r.Path + ".sig", out var signature) && signature.IsRegularFile ? new[] { r.Path, r.Path + ".sig" } : new[] { r.Path })
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        console.Out.MarkupLine($"{removed.Count} approval(s) on {Markup.Escape(protectedBranch.Name)} were created before {ApprovalManifest.FormatTimestamp(cutoff)} (oldest {ApprovalManifest.FormatTimestamp(removed.Min(r => r.CreatedAt))}); {paths.Count} file(s) to remove:");
        foreach (var path in paths.Take(20))
        {
            console.Out.MarkupLine("  " + Markup.Escape(path));
        }

        if (paths.Count > 20)
        {
            console.Out.MarkupLine($"  and {paths.Count - 20} more");
        }

        if (dryRun)
        {
            console.Out.MarkupLine("[yellow]Dry run:[/] nothing was removed.");
            return ExitCodes.Success;
        }

        if (!Confirm(console, yes))
        {
            return ExitCodes.Failed;
        }

        var message = $"Prune {removed.Count} approval(s) created before {cutoff.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n\n" +
            $"Checkpoint: approval files older than {age.TotalDays:0} days leave the tree; the history keeps them for 'checkpoint audit'.";
        try
        {
            change.Repository.CommitRemoval(message, paths);
        }
        catch (GitException ex)
        {
            throw new ToolException("git could not remove the approvals (nothing was committed): " + ex.Message, ex);
        }

        var commit = change.Repository.ResolveCommit("HEAD") ?? "HEAD";
        console.Out.MarkupLine($"[green]Removed[/] {paths.Count} file(s) in {Short(commit)}. 'checkpoint audit' still reads them from history. Push {Markup.Escape(change.Branch)} to {Markup.Escape(protectedBranch.RefName)}'s remote.");
        return ExitCodes.Success;
    }

    private static string Short(string commit) => commit.Length > 12 ? commit.Substring(0, 12) : commit;

    private static bool Confirm(ToolConsole console, bool yes)
    {
        if (yes)
        {
            return true;
        }

        if (!console.IsInteractive)
        {
            console.WriteErrorLine("prune needs a typed confirmation on a terminal; run it in one, or pass --yes");
            return false;
        }

        console.Out.MarkupLine("Type [bold]prune[/] to remove them in one commit:");
        console.Out.Markup("> ");
        if (string.Equals(console.In.ReadLine()?.Trim(), "prune", StringComparison.Ordinal))
        {
            return true;
        }

        console.WriteErrorLine("nothing removed: the confirmation did not match");
        return false;
    }
}
