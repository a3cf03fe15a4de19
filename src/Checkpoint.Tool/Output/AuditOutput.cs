using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Audit;
using Checkpoint.Core.Git;

namespace Checkpoint.Tool.Output;

/// <summary>
/// Renders an audit: text for people, json (schema <c>checkpoint.audit/v1</c>) and csv for tools,
/// markdown for an issue. Everything that comes from the history (messages, branch names, paths,
/// manifest text) is untrusted: markdown puts it in code spans, csv defuses formula prefixes.
/// </summary>
internal static class AuditOutput
{
    public const string JsonSchema = "checkpoint.audit/v1";

    public static void WriteText(ToolConsole console, AuditReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"Audit of {report.BaseRef} at {Short(report.Tip)}{Window(report)}: {report.Changes.Count} change(s) landed; {report.CommitsRead} commits read in {Seconds(report.Elapsed)}.");
        foreach (var change in report.Changes)
        {
            text.AppendLine();
            text.AppendLine($"{Time(change.LandedAt)}  {ShapeName(change.Shape)} {Short(change.Landing.Id)}{(change.Commits.Count > 1 ? $" ({change.Commits.Count} commits from {Short(change.Commits[0].Id)})" : string.Empty)}  {Flat(change.Landing.Subject)}");
            var where = change.Shape == ChangeShape.MergeCommit
                ? $"branch {(change.Branch is null ? "(not named)" : Flat(change.Branch))}, {change.BranchCommits.Count} commit(s), merge-base {Short(change.MergeBase ?? string.Empty)}"
                : $"on {(change.BaseCommit is null ? "(no base)" : Short(change.BaseCommit))}";
            text.AppendLine($"  {where}; digest {change.Digest} ({change.FileCount} file(s)){(change.LandedDigest is null ? string.Empty : $"; landed as {change.LandedDigest}")}");
            text.AppendLine($"  {(change.Gated ? "gated" : "not gated")}: {Flat(change.GatedBecause)}");
            if (change.Gated || change.Approvals.Count > 0)
            {
                text.AppendLine(change.Approved ? $"  approved by {string.Join(", ", change.Approvers)}" : "  not approved");
            }

            foreach (var approval in change.Approvals)
            {
                text.AppendLine($"    {Flat(approval.Path)}: {Flat(approval.Approver ?? "(unreadable)")}, key {approval.KeyFingerprint ?? "(none)"}{(approval.KeyType is null ? string.Empty : " " + approval.KeyType)}, user presence {Presence(approval.UserPresent)}");
                text.AppendLine($"      created {Time(approval.CreatedAt)}, expires {Time(approval.ExpiresAt)}; {(approval.Counted ? "counted" + (approval.MatchedRange == "landed" && change.Shape == ChangeShape.MergeCommit ? " (for the landed diff)" : string.Empty) : "did not count: " + Flat(approval.Reason ?? string.Empty))}");
                if (approval.Record is { } record)
                {
                    WriteRecordText(text, record);
                }
            }

            foreach (var finding in change.Findings)
            {
                text.AppendLine($"  FLAGGED {KindName(finding.Kind)}: {Flat(finding.Message)}");
            }

            foreach (var note in change.Notes)
            {
                text.AppendLine($"  note: {Flat(note)}");
            }
        }

        var findings = report.Findings;
        text.AppendLine();
        text.AppendLine(Summary(report));
        if (findings.Count > 0)
        {
            foreach (var group in findings.GroupBy(f => f.Kind))
            {
                text.AppendLine($"  {KindName(group.Key)}: {group.Count()}");
            }
        }

        console.RawOut.Write(text.ToString());
    }

    public static void WriteJson(ToolConsole console, AuditReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", JsonSchema);
            json.WriteString("baseRef", report.BaseRef);
            json.WriteString("tip", report.Tip);
            json.WriteString("repository", report.Identity);
            WriteTime(json, "since", report.Since);
            WriteTime(json, "until", report.Until);
            json.WriteBoolean("flagged", report.Flagged);
            json.WriteStartObject("summary");
            json.WriteNumber("changes", report.Changes.Count);
            json.WriteNumber("gated", report.Changes.Count(c => c.Gated));
            json.WriteNumber("approved", report.Changes.Count(c => c.Approved));
            json.WriteNumber("flagged", report.Changes.Count(c => c.Flagged));
            json.WriteNumber("findings", report.Findings.Count);
            json.WriteNumber("commitsRead", report.CommitsRead);
            json.WriteNumber("elapsedMs", Math.Round(report.Elapsed.TotalMilliseconds));
            json.WriteEndObject();
            json.WriteStartArray("changes");
            foreach (var change in report.Changes)
            {
                WriteChange(json, change);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        console.RawOut.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>One row per approval, and one per change that has none (RFC 4180).</summary>
    public static void WriteCsv(ToolConsole console, AuditReport report)
    {
        var text = new StringBuilder();
        Row(text, "landed_at", "shape", "landing_commit", "commits", "branch", "digest", "gated", "approved", "flagged", "findings", "approval", "approver", "key_fingerprint", "key_type", "user_presence", "created_at", "expires_at", "counted", "reason", "operations");
        foreach (var change in report.Changes)
        {
            var findings = string.Join("; ", change.Findings.Select(f => KindName(f.Kind) + ": " + f.Message));
            var common = new[]
            {
                Time(change.LandedAt), ShapeName(change.Shape), change.Landing.Id, string.Join(" ", change.Commits.Select(c => c.Id)), change.Branch ?? string.Empty,
                change.Digest, Bool(change.Gated), Bool(change.Approved), Bool(change.Flagged), findings,
            };
            if (change.Approvals.Count == 0)
            {
                Row(text, common.Concat(Enumerable.Repeat(string.Empty, 10)).ToArray());
                continue;
            }

            foreach (var approval in change.Approvals)
            {
                var operations = approval.Record is { } record
                    ? (record.OperationsAnalyzed ? string.Join("; ", record.Operations.Select(o => $"{o.Change} {o.Tier} {o.Operation} {o.Path}")) : "not analyzed")
                    : string.Empty;
                Row(text, common.Concat(new[]
                {
                    approval.Path, approval.Approver ?? string.Empty, approval.KeyFingerprint ?? string.Empty, approval.KeyType ?? string.Empty, Presence(approval.UserPresent),
                    Time(approval.CreatedAt), Time(approval.ExpiresAt), Bool(approval.Counted), approval.Reason ?? string.Empty, operations,
                }).ToArray());
            }
        }

        console.RawOut.Write(text.ToString());
    }

    /// <summary>For an issue or a job summary: findings first, then every change in one table.</summary>
    public static void WriteMarkdown(ToolConsole console, AuditReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(report.Flagged ? "## Checkpoint audit: flagged" : "## Checkpoint audit: clean");
        text.AppendLine();
        text.AppendLine($"{Code(report.BaseRef)} at {Code(Short(report.Tip))}{Window(report)}. {Summary(report)}");
        text.AppendLine();
        var flagged = report.Changes.Where(c => c.Flagged).ToList();
        if (flagged.Count > 0)
        {
            text.AppendLine("### Findings");
            text.AppendLine();
            text.AppendLine("| Landed | Commit | Finding | Detail |");
            text.AppendLine("|---|---|---|---|");
            foreach (var change in flagged)
            {
                foreach (var finding in change.Findings)
                {
                    text.AppendLine($"| {Time(change.LandedAt)} | {Code(Short(finding.Commit))} | {KindName(finding.Kind)} | {Code(finding.Message)} |");
                }
            }

            text.AppendLine();
        }

        text.AppendLine("### Changes");
        text.AppendLine();
        text.AppendLine("| Landed | Commit | Shape | Subject | Gated | Approvers | Operations approved |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var change in report.Changes)
        {
            var approvers = change.Approvals.Count == 0
                ? "none"
                : string.Join("<br>", change.Approvals.Select(a => $"{Code(a.Approver ?? "(unreadable)")} {Code(a.KeyFingerprint ?? "no key")}{(a.Counted ? string.Empty : " (did not count)")}"));
            var operations = string.Join("<br>", change.Approvals.Where(a => a.Counted && a.Record != null).SelectMany(a => a.Record!.Operations).Select(o => Code($"{o.Change} {o.Tier} {o.Operation}")).Distinct().Take(10));
            text.AppendLine($"| {Time(change.LandedAt)} | {Code(Short(change.Landing.Id))} | {ShapeName(change.Shape)} | {Code(change.Landing.Subject)} | {(change.Gated ? "yes" : "no")} | {approvers} | {(operations.Length == 0 ? "—" : operations)} |");
        }

        console.RawOut.Write(text.ToString());
    }

    internal static string Csv(string value)
    {
        // A cell a spreadsheet would read as a formula is written as text.
        if (value.Length > 0 && "=+-@\t\r".IndexOf(value[0]) >= 0)
        {
            value = "'" + value;
        }

        return value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static void WriteRecordText(StringBuilder text, ApprovalRecord record)
    {
        if (!record.OperationsAnalyzed)
        {
            text.AppendLine("      operations: not analyzed by the review");
        }
        else if (record.Operations.Count == 0)
        {
            text.AppendLine("      operations: none added, removed or moved");
        }

        foreach (var operation in record.Operations)
        {
            var at = operation.Line is int line ? $"{operation.Path}:{line}" : operation.Path;
            text.AppendLine($"      {operation.Change} {operation.Tier} {Flat(operation.Operation)} at {Flat(at)}{(operation.Member is null ? string.Empty : " in " + Flat(operation.Member))}");
        }

        foreach (var weakening in record.Weakening)
        {
            text.AppendLine($"      weakening {weakening.Kind} ({weakening.Change}) {Flat(weakening.Path)}: {Flat(weakening.Description)}");
        }

        foreach (var attestation in record.Attestations)
        {
            text.AppendLine($"      attestation {attestation.Change} [{attestation.Attribute}] {Flat(attestation.Path)}:{attestation.Line}");
        }

        if (record.Truncated)
        {
            text.AppendLine("      (the review had more items than the manifest keeps)");
        }
    }

    private static void WriteChange(Utf8JsonWriter json, AuditedChange change)
    {
        json.WriteStartObject();
        json.WriteString("shape", ShapeName(change.Shape));
        json.WriteString("landingCommit", change.Landing.Id);
        json.WriteStartArray("commits");
        foreach (var commit in change.Commits)
        {
            json.WriteStringValue(commit.Id);
        }

        json.WriteEndArray();
        WriteTime(json, "landedAt", change.LandedAt);
        WriteIdentity(json, "landedBy", change.Landing.Committer);
        json.WriteString("subject", change.Landing.Subject);
        json.WriteString("baseCommit", change.BaseCommit);
        json.WriteString("mergeBase", change.MergeBase);
        json.WriteString("head", change.Head);
        json.WriteString("branch", change.Branch);
        json.WriteStartArray("branchCommits");
        foreach (var commit in change.BranchCommits)
        {
            json.WriteStartObject();
            json.WriteString("id", commit.Id);
            WriteIdentity(json, "author", commit.Author);
            WriteIdentity(json, "committer", commit.Committer);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("digest", change.Digest);
        json.WriteString("landedDigest", change.LandedDigest);
        json.WriteNumber("files", change.FileCount);
        json.WriteBoolean("gated", change.Gated);
        json.WriteString("gatedBecause", change.GatedBecause);
        json.WriteBoolean("approved", change.Approved);
        json.WriteStartArray("approvers");
        foreach (var approver in change.Approvers)
        {
            json.WriteStringValue(approver);
        }

        json.WriteEndArray();
        json.WriteStartArray("approvals");
        foreach (var approval in change.Approvals)
        {
            WriteApproval(json, approval);
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in change.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in change.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteApproval(Utf8JsonWriter json, AuditedApproval approval)
    {
        json.WriteStartObject();
        json.WriteString("path", approval.Path);
        json.WriteString("approver", approval.Approver);
        json.WriteString("keyFingerprint", approval.KeyFingerprint);
        json.WriteString("keyType", approval.KeyType);
        if (approval.UserPresent is bool present)
        {
            json.WriteBoolean("userPresent", present);
        }
        else
        {
            json.WriteNull("userPresent");
        }

        WriteTime(json, "createdAt", approval.CreatedAt);
        WriteTime(json, "expiresAt", approval.ExpiresAt);
        json.WriteString("digest", approval.Manifest?.Digest);
        json.WriteString("manifestSchema", approval.Manifest?.SchemaVersion);
        json.WriteString("manifestHash", approval.ManifestHash);
        json.WriteBoolean("counted", approval.Counted);
        json.WriteString("rejection", approval.Rejection is { } rejection ? KebabCase(rejection.ToString()) : null);
        json.WriteString("reason", approval.Reason);
        json.WriteString("matched", approval.MatchedRange);
        json.WriteString("revokedLater", approval.RevokedLater);
        json.WriteString("revokedLaterAt", approval.RevokedLaterAt);
        json.WriteString("selfApprovedCommit", approval.SelfApprovedCommit);
        if (approval.Record is { } record)
        {
            json.WriteStartObject("review");
            json.WriteBoolean("operationsAnalyzed", record.OperationsAnalyzed);
            json.WriteStartArray("operations");
            foreach (var operation in record.Operations)
            {
                json.WriteStartObject();
                json.WriteString("change", operation.Change);
                json.WriteString("tier", operation.Tier);
                json.WriteString("operation", operation.Operation);
                json.WriteString("path", operation.Path);
                WriteNumber(json, "line", operation.Line);
                json.WriteString("member", operation.Member);
                json.WriteString("previousPath", operation.PreviousPath);
                WriteNumber(json, "previousLine", operation.PreviousLine);
                json.WriteString("previousMember", operation.PreviousMember);
                json.WriteString("coverage", operation.Coverage);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("weakening");
            foreach (var weakening in record.Weakening)
            {
                json.WriteStartObject();
                json.WriteString("kind", weakening.Kind);
                json.WriteString("change", weakening.Change);
                json.WriteString("path", weakening.Path);
                WriteNumber(json, "line", weakening.Line);
                json.WriteString("description", weakening.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("attestations");
            foreach (var attestation in record.Attestations)
            {
                json.WriteStartObject();
                json.WriteString("attribute", attestation.Attribute);
                json.WriteString("change", attestation.Change);
                json.WriteString("path", attestation.Path);
                json.WriteNumber("line", attestation.Line);
                json.WriteString("text", attestation.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("truncated", record.Truncated);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("review");
        }

        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, AuditFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("kind", KindName(finding.Kind));
        json.WriteString("commit", finding.Commit);
        json.WriteString("approval", finding.ApprovalPath);
        json.WriteString("message", finding.Message);
        json.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter json, string name, GitIdentity identity)
    {
        json.WriteStartObject(name);
        json.WriteString("name", identity.Name);
        json.WriteString("email", identity.Email);
        WriteTime(json, "time", identity.Time);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is DateTimeOffset value)
        {
            json.WriteString(name, ApprovalManifest.FormatTimestamp(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
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

    private static void Row(StringBuilder text, params string[] cells) => text.Append(string.Join(",", cells.Select(Csv))).Append("\r\n");

    private static string Summary(AuditReport report)
    {
        var flagged = report.Changes.Count(c => c.Flagged);
        return $"{report.Changes.Count} change(s), {report.Changes.Count(c => c.Gated)} gated, {report.Changes.Count(c => c.Approved)} approved, {flagged} flagged ({report.Findings.Count} finding(s)).";
    }

    private static string Window(AuditReport report) =>
        report.Since is null && report.Until is null
            ? string.Empty
            : $", landed {(report.Since is { } since ? "from " + Time(since) : string.Empty)}{(report.Since != null && report.Until != null ? " " : string.Empty)}{(report.Until is { } until ? "before " + Time(until) : string.Empty)}";

    internal static string KindName(AuditFindingKind kind) => KebabCase(kind.ToString());

    internal static string ShapeName(ChangeShape shape) => KebabCase(shape.ToString());

    private static string KebabCase(string name)
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

    private static string Presence(bool? present) => present switch
    {
        true => "yes",
        false => "no",
        _ => "n/a",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Time(DateTimeOffset? time) => time is DateTimeOffset value ? ApprovalManifest.FormatTimestamp(value) : "(unknown)";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Short(string commit) => commit.Length > 12 ? commit.Substring(0, 12) : commit;

    /// <summary>History text on one line: control characters (escape sequences among them) become spaces.</summary>
    private static string Flat(string text) => new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    /// <summary>A code span: no mention, link or markup from the history renders, and a table cell stays one cell.</summary>
    private static string Code(string text)
    {
        var flat = Flat(text).Replace('`', '\'').Replace("|", "\\|");
        return flat.Length == 0 ? string.Empty : "`" + flat + "`";
    }
}
