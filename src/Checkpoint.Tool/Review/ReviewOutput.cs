using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.IO;
using System.Text;
using System.Text.Json;
using Checkpoint.Tool.Output;
using Spectre.Console;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Renders a review. Every format keeps the same order: build logic the branch changes (full
/// diffs), what weakens the checkpoint, then the operations, then attestations, then files. Text and markdown never say "no destructive
/// operations" unless the builds actually ran.
/// </summary>
internal static class ReviewOutput
{
    public static void WriteText(ToolConsole console, ChangeReview review)
    {
        var output = console.Out;
        output.MarkupLine($"[bold]Review of {Markup.Escape(review.HeadCommit)}[/] against {Markup.Escape(review.BaseRef)} (merge-base {Markup.Escape(Short(review.MergeBase))})");
        output.MarkupLine($"Repository {Markup.Escape(review.Repository)}, digest [bold]{Markup.Escape(review.Digest)}[/]");
        output.WriteLine();

        WriteBuildLogicText(output, review.BuildLogic);
        if (review.Weakening.Count > 0)
        {
            output.MarkupLine($"[bold red]Changes that weaken the checkpoint ({review.Weakening.Count})[/]");
            foreach (var change in review.Weakening)
            {
                output.MarkupLine($"  [red]! {Markup.Escape(Location(change.Path, change.Line))}[/] {Markup.Escape(change.Description)}");
            }
        }
        else
        {
            output.MarkupLine("[bold]Changes that weaken the checkpoint:[/] none found");
        }

        output.WriteLine();
        WriteOperationsText(output, review.Operations);
        output.WriteLine();

        if (review.Attestations.Count > 0)
        {
            output.MarkupLine($"[bold]Attestations added or changed ({review.Attestations.Count})[/]");
            foreach (var attestation in review.Attestations)
            {
                var sign = attestation.Change == "added" ? "[green]+[/]" : "[red]-[/]";
                output.MarkupLine($"  {sign} {Markup.Escape(Location(attestation.Path, attestation.Line))} {Markup.Escape(attestation.Text)}");
            }
        }
        else
        {
            output.MarkupLine("[bold]Attestations added or changed:[/] none");
        }

        output.WriteLine();
        output.MarkupLine($"[bold]Files changed ({review.Files.Count})[/]");
        foreach (var file in review.Files)
        {
            var counts = file.AddedLines is int added && file.RemovedLines is int removed
                ? $"[green]+{added}[/] [red]-{removed}[/]"
                : "binary";
            output.MarkupLine($"  {counts} {Markup.Escape(file.Path)} ({file.Change}){Markup.Escape(FileDetails(file))}");
        }

        if (review.BuildOutlook != null)
        {
            output.WriteLine();
            output.MarkupLine($"[bold]Once approved:[/] {Markup.Escape(review.BuildOutlook)}");
        }
    }

    private static void WriteBuildLogicText(IAnsiConsole output, IReadOnlyList<BuildLogicChange> buildLogic)
    {
        if (buildLogic.Count == 0)
        {
            output.MarkupLine("[bold]Build logic changed by the branch:[/] none");
            output.WriteLine();
            return;
        }

        output.MarkupLine($"[bold red]Build logic changed by the branch ({buildLogic.Count}): this review did not run it; a build of the branch would. Read every line.[/]");
        foreach (var change in buildLogic)
        {
            output.MarkupLine($"  [red]! {Markup.Escape(change.Path)}[/] ({Markup.Escape(change.Change)}): {Markup.Escape(change.Reason)}");
            foreach (var line in change.Diff.Split('\n').Where(l => l.Length > 0))
            {
                var colour = line[0] == '+' ? "green" : line[0] == '-' ? "red" : line.StartsWith("@@", StringComparison.Ordinal) ? "cyan" : "grey";
                output.MarkupLine($"    [{colour}]{Markup.Escape(line)}[/]");
            }
        }

        output.WriteLine();
    }

    private static string FileDetails(ReviewedFile file)
    {
        var details = new List<string>();
        if (file.SymlinkTarget != null)
        {
            details.Add("symbolic link -> " + file.SymlinkTarget);
        }

        if (file.ModeChange != null)
        {
            details.Add("mode " + file.ModeChange);
        }

        return details.Count > 0 ? " [" + string.Join("; ", details) + "]" : string.Empty;
    }

    private static void WriteOperationsText(IAnsiConsole output, OperationReview operations)
    {
        if (!operations.Analyzed)
        {
            output.MarkupLine("[bold red]Destructive and disruptive operations: NOT ANALYZED[/]");
            output.MarkupLine($"  [red]{Markup.Escape(operations.NotAnalyzedReason ?? "the builds could not run")}[/]");
            output.MarkupLine("  [red]This review cannot tell you whether the change adds destructive calls. Read the diff.[/]");
            return;
        }

        if (operations.Changes.Count == 0)
        {
            output.MarkupLine("[bold]Destructive and disruptive operations added, removed or moved:[/] none (the analyzers ran on the merge-base and on HEAD)");
        }
        else
        {
            output.MarkupLine($"[bold]Destructive and disruptive operations added, removed or moved ({operations.Changes.Count})[/]");
            foreach (var change in operations.Changes)
            {
                var colour = change.Change == "removed" ? "green" : change.Tier == "Disruptive" ? "yellow" : "red";
                var from = change.PreviousPath != null ? $" (from {Location(change.PreviousPath, change.PreviousLine)})" : string.Empty;
                output.MarkupLine(
                    $"  [{colour}]{Markup.Escape(ChangeLabel(change))}[/] {Markup.Escape(Tier(change))} {Markup.Escape(Location(change.Path, change.Line))}{Markup.Escape(from)}: "
                    + $"{Markup.Escape(change.Operation)} ({Markup.Escape(Describe(change))}) [bold]{Markup.Escape(Attestation(change))}[/]");
            }
        }

        foreach (var file in operations.NotAnalyzedFiles)
        {
            output.MarkupLine($"  [red]not analyzed:[/] {Markup.Escape(file)}");
        }

        foreach (var warning in operations.Warnings)
        {
            output.MarkupLine($"  [yellow]note:[/] {Markup.Escape(warning)}");
        }
    }

    private static string ChangeLabel(OperationChange change) => change.Change == "coverage-changed" ? "ATTESTATION CHANGED" : change.Change.ToUpperInvariant();

    private static string Tier(OperationChange change) => change.Tier.Length > 0 ? change.Tier.ToLowerInvariant() : change.RuleId;

    /// <summary>Whether an attestation covers the site, by whom, and whether the source hides it from the build.</summary>
    internal static string Attestation(OperationChange change)
    {
        var text = change.Coverage switch
        {
            "attested" => "attested by " + (change.Approvers ?? "(unnamed)").Replace(";", ", ", StringComparison.Ordinal),
            "destructive" => "inside a [Destructive] member (its callers need the attestation)",
            "invalid" => "NOT attested (its attestation is incomplete or expired)",
            _ => "NOT attested",
        };
        if (change.PreviousCoverage != null)
        {
            text += " (was " + change.PreviousCoverage + ")";
        }

        if (change.Suppressed)
        {
            text += "; suppressed in source (#pragma or [SuppressMessage]), shown anyway";
        }

        if (change.Baselined)
        {
            text += "; listed in the adoption baseline";
        }

        return text;
    }

    public static void WriteMarkdown(ToolConsole console, ChangeReview review)
    {
        console.RawOut.Write(ToMarkdown(review));
    }

    /// <summary>
    /// A pull request comment or job summary. Everything the branch controls (paths, descriptions,
    /// diffs, operation names) goes through <see cref="MarkdownText"/>, so it shows as text.
    /// </summary>
    public static string ToMarkdown(ChangeReview review)
    {
        var text = new StringBuilder();
        text.AppendLine("## Checkpoint review");
        text.AppendLine();
        text.AppendLine($"{MarkdownText.Code(review.HeadCommit, inTable: false)} against {MarkdownText.Code(review.BaseRef, inTable: false)} (merge-base {MarkdownText.Code(Short(review.MergeBase), inTable: false)}), digest {MarkdownText.Code(review.Digest, inTable: false)}");
        text.AppendLine();
        if (review.BuildLogic.Count > 0)
        {
            text.AppendLine($"### :red_circle: Build logic changed by the branch ({review.BuildLogic.Count}): not run by this review, read every line");
            foreach (var change in review.BuildLogic)
            {
                text.AppendLine();
                text.AppendLine($"**{MarkdownText.Code(change.Path, inTable: false)}** ({MarkdownText.Text(change.Change)}): {MarkdownText.Text(change.Reason)}");
                text.AppendLine();
                text.Append(MarkdownText.Fenced(change.Diff, "diff"));
            }

            text.AppendLine();
        }

        if (review.Weakening.Count > 0)
        {
            text.AppendLine($"### :red_circle: Changes that weaken the checkpoint ({review.Weakening.Count})");
            text.AppendLine();
            text.AppendLine("| Where | Kind | What |");
            text.AppendLine("|---|---|---|");
            foreach (var change in review.Weakening)
            {
                text.AppendLine($"| {MarkdownText.Code(Location(change.Path, change.Line))} | {KebabCase(change.Kind.ToString()).Replace('-', ' ')} | {MarkdownText.Text(change.Description)} |");
            }
        }
        else
        {
            text.AppendLine("### Changes that weaken the checkpoint: none found");
        }

        text.AppendLine();
        var operations = review.Operations;
        if (!operations.Analyzed)
        {
            text.AppendLine("### :warning: Destructive and disruptive operations: NOT ANALYZED");
            text.AppendLine();
            text.AppendLine($"**{MarkdownText.Text(operations.NotAnalyzedReason ?? "the builds could not run")}.** This review cannot tell whether the change adds destructive calls; read the diff.");
        }
        else if (operations.Changes.Count == 0)
        {
            text.AppendLine("### Destructive and disruptive operations: none added, removed or moved");
        }
        else
        {
            text.AppendLine($"### Destructive and disruptive operations ({operations.Changes.Count})");
            text.AppendLine();
            text.AppendLine("| Change | Tier | Where | Operation | Service | Effect | Attestation |");
            text.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var change in operations.Changes)
            {
                var where = Location(change.Path, change.Line) + (change.PreviousPath != null ? " (from " + Location(change.PreviousPath, change.PreviousLine) + ")" : string.Empty);
                text.AppendLine($"| **{MarkdownText.Text(change.Change)}** | {MarkdownText.Text(Tier(change))} | {MarkdownText.Code(where)} | {MarkdownText.Code(change.Operation)} | {MarkdownText.Text(change.Service)} | {MarkdownText.Text(change.Effect)} | {MarkdownText.Text(Attestation(change))} |");
            }
        }

        foreach (var file in operations.NotAnalyzedFiles)
        {
            text.AppendLine();
            text.AppendLine($"> :warning: not analyzed: {MarkdownText.Text(file)}");
        }

        foreach (var warning in operations.Warnings)
        {
            text.AppendLine();
            text.AppendLine($"> :warning: {MarkdownText.Text(warning)}");
        }

        text.AppendLine();
        text.AppendLine($"### Attestations added or changed ({review.Attestations.Count})");
        if (review.Attestations.Count > 0)
        {
            text.AppendLine();
            var lines = string.Concat(review.Attestations.Select(a => $"{(a.Change == "added" ? "+" : "-")} {a.Path}:{a.Line}: {a.Text.Replace('\n', ' ')}\n"));
            text.Append(MarkdownText.Fenced(lines, "diff"));
        }

        text.AppendLine();
        text.AppendLine($"<details><summary>Files changed ({review.Files.Count})</summary>");
        text.AppendLine();
        text.AppendLine("| File | Change | + | - |");
        text.AppendLine("|---|---|---|---|");
        foreach (var file in review.Files)
        {
            var details = FileDetails(file);
            text.AppendLine($"| {MarkdownText.Code(file.Path)}{(details.Length > 0 ? " " + MarkdownText.Text(details.Trim()) : string.Empty)} | {MarkdownText.Text(file.Change)} | {(file.AddedLines?.ToString(CultureInfo.InvariantCulture) ?? "binary")} | {(file.RemovedLines?.ToString(CultureInfo.InvariantCulture) ?? "binary")} |");
        }

        text.AppendLine();
        text.AppendLine("</details>");
        return text.ToString();
    }

    public static void WriteJson(ToolConsole console, ChangeReview review)
    {
        console.RawOut.WriteLine(ToJson(review));
    }

    /// <summary>The stable json shape of a review (schema "checkpoint.review/v1", documented in docs/tool.md).</summary>
    public static string ToJson(ChangeReview review)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", JsonOutput.ReviewSchemaUri);
            json.WriteString("schema", "checkpoint.review/v1");
            json.WriteString("repository", review.Repository);
            json.WriteString("baseRef", review.BaseRef);
            json.WriteString("mergeBase", review.MergeBase);
            json.WriteString("headCommit", review.HeadCommit);
            json.WriteString("digest", review.Digest);

            json.WriteStartArray("buildLogic");
            foreach (var change in review.BuildLogic)
            {
                json.WriteStartObject();
                json.WriteString("path", change.Path);
                json.WriteString("change", change.Change);
                json.WriteString("reason", change.Reason);
                json.WriteString("diff", change.Diff);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("weakening");
            foreach (var change in review.Weakening)
            {
                json.WriteStartObject();
                json.WriteString("path", change.Path);
                WriteLine(json, "line", change.Line);
                json.WriteString("kind", KebabCase(change.Kind.ToString()));
                json.WriteString("change", change.Change);
                json.WriteString("description", change.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("operations");
            json.WriteBoolean("analyzed", review.Operations.Analyzed);
            json.WriteString("notAnalyzedReason", review.Operations.NotAnalyzedReason);
            json.WriteStartArray("changes");
            foreach (var change in review.Operations.Changes)
            {
                json.WriteStartObject();
                json.WriteString("change", change.Change);
                json.WriteString("ruleId", change.RuleId);
                json.WriteString("severity", change.Severity);
                json.WriteString("operation", change.Operation);
                json.WriteString("service", change.Service);
                json.WriteString("effect", change.Effect);
                json.WriteString("tier", change.Tier);
                json.WriteString("path", change.Path);
                json.WriteNumber("line", change.Line);
                json.WriteString("member", change.Member);
                json.WriteString("previousPath", change.PreviousPath);
                WriteLine(json, "previousLine", change.PreviousLine);
                json.WriteString("previousMember", change.PreviousMember);
                json.WriteBoolean("attested", change.IsAttested);
                json.WriteString("coverage", change.Coverage);
                json.WriteString("previousCoverage", change.PreviousCoverage);
                json.WriteStartArray("approvers");
                foreach (var approver in (change.Approvers ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    json.WriteStringValue(approver);
                }

                json.WriteEndArray();
                json.WriteBoolean("suppressed", change.Suppressed);
                json.WriteBoolean("baselined", change.Baselined);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in review.Operations.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteStartArray("notAnalyzed");
            foreach (var file in review.Operations.NotAnalyzedFiles)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartArray("attestations");
            foreach (var attestation in review.Attestations)
            {
                json.WriteStartObject();
                json.WriteString("path", attestation.Path);
                json.WriteNumber("line", attestation.Line);
                json.WriteString("attribute", attestation.Attribute);
                json.WriteString("change", attestation.Change);
                json.WriteString("text", attestation.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("files");
            foreach (var file in review.Files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("change", file.Change);
                WriteLine(json, "addedLines", file.AddedLines);
                WriteLine(json, "removedLines", file.RemovedLines);
                json.WriteString("symlinkTarget", file.SymlinkTarget);
                json.WriteString("modeChange", file.ModeChange);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("buildOutlook", review.BuildOutlook);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteLine(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static string KebabCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string Describe(OperationChange change)
    {
        var parts = new List<string>();
        if (change.Service.Length > 0)
        {
            parts.Add(change.Service);
        }

        if (change.Effect.Length > 0)
        {
            parts.Add(change.Effect);
        }

        return parts.Count > 0 ? string.Join(": ", parts) : change.RuleId;
    }

    private static string Location(string path, int? line) => line is int number && number > 0 ? path + ":" + number : path;

    private static string Short(string commit) => commit.Length > 12 ? commit.Substring(0, 12) : commit;

}
