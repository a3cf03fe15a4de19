using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Policy;
using Checkpoint.Tool.Output.Sarif;
using Spectre.Console;

namespace Checkpoint.Tool.Output;

/// <summary>
/// Renders one <see cref="GateVerdict"/>. The messages are printed exactly as the gate wrote
/// them (the same text the MSBuild task logs); this class only chooses the envelope.
/// </summary>
internal static class VerdictOutput
{
    /// <summary>
    /// 0 pass (approved or not gated), 1 the gate failed, 2 the gate could not run: git missing,
    /// not a repository, refused (CHK106), or a folder outside git when not in CI.
    /// </summary>
    public static int ExitCodeFor(GateVerdict verdict)
    {
        if (verdict.Outcome == GateOutcome.GateUnavailable || verdict.Errors.Any(m => m.Code == "CHK106"))
        {
            return ExitCodes.UsageOrEnvironment;
        }

        return verdict.Passed ? ExitCodes.Success : ExitCodes.Failed;
    }

    public static void WriteText(ToolConsole console, GateVerdict verdict)
    {
        foreach (var message in verdict.Messages)
        {
            console.Out.MarkupLine(Prefix(message) + Markup.Escape(message.Text));
        }

        foreach (var notice in verdict.Notices)
        {
            console.Out.MarkupLine("[blue]notice:[/] " + Markup.Escape(notice));
        }

        console.Out.MarkupLine(Summary(verdict));
    }

    /// <summary>
    /// GitHub workflow commands: one annotation per message. Errors and warnings carry the rule
    /// ID as the title, so the check's summary reads "CHK100: ...".
    /// </summary>
    public static void WriteGithub(ToolConsole console, GateVerdict verdict)
    {
        foreach (var message in verdict.Messages)
        {
            var command = message.Severity switch
            {
                GateSeverity.Error => "error",
                GateSeverity.Warning => "warning",
                _ => "notice",
            };
            var properties = new List<string>();
            if (message.Code.Length > 0)
            {
                properties.Add("title=" + EscapeProperty(message.Code));
            }

            if (!string.IsNullOrEmpty(message.File))
            {
                properties.Add("file=" + EscapeProperty(message.File!));
            }

            var head = properties.Count > 0 ? "::" + command + " " + string.Join(",", properties) : "::" + command;
            console.RawOut.WriteLine(head + "::" + EscapeData(message.Text));
        }

        foreach (var notice in verdict.Notices)
        {
            console.RawOut.WriteLine("::notice title=checkpoint::" + EscapeData(notice));
        }

        console.RawOut.WriteLine(PlainSummary(verdict));
    }

    public static void WriteJson(ToolConsole console, GateVerdict verdict)
    {
        console.RawOut.WriteLine(ToJson(verdict));
    }

    /// <summary>The stable json shape of a verdict (schema "checkpoint.verdict/v1", documented in docs/tool.md).</summary>
    public static string ToJson(GateVerdict verdict)
    {
        var buffer = new System.IO.MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", JsonOutput.VerdictSchemaUri);
            json.WriteString("schema", "checkpoint.verdict/v1");
            WriteVerdictMembers(json, verdict);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteVerdictMembers(Utf8JsonWriter json, GateVerdict verdict)
    {
        json.WriteString("outcome", OutcomeName(verdict.Outcome));
        json.WriteBoolean("passed", verdict.Passed);
        json.WriteNumber("exitCode", ExitCodeFor(verdict));
        json.WriteBoolean("isCi", verdict.IsCi);
        json.WriteString("repositoryRoot", verdict.RepositoryRoot);
        json.WriteString("repository", verdict.Repository);
        json.WriteString("branch", verdict.Branch);
        json.WriteString("baseRef", verdict.BaseRef);
        json.WriteString("baseCommit", verdict.BaseCommit);
        json.WriteString("mergeBase", verdict.MergeBase);
        json.WriteString("headCommit", verdict.HeadCommit);
        json.WriteString("gatedBecause", verdict.GatedBecause);
        json.WriteString("digest", verdict.Digest);
        json.WriteStartArray("approvers");
        foreach (var approver in verdict.Approvers)
        {
            json.WriteStringValue(approver);
        }

        json.WriteEndArray();
        json.WriteStartArray("approvals");
        foreach (var approval in verdict.Approvals)
        {
            json.WriteStartObject();
            json.WriteString("path", approval.Path);
            json.WriteString("approver", approval.Approver);
            json.WriteBoolean("valid", approval.Valid);
            json.WriteString("code", approval.Code);
            json.WriteString("reason", approval.Reason);
            if (approval.UserPresent is bool present)
            {
                json.WriteBoolean("userPresent", present);
            }
            else
            {
                json.WriteNull("userPresent");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("messages");
        foreach (var message in verdict.Messages)
        {
            json.WriteStartObject();
            json.WriteString("code", message.Code.Length > 0 ? message.Code : null);
            json.WriteString("severity", message.Severity.ToString().ToLowerInvariant());
            json.WriteString("text", message.Text);
            json.WriteString("file", message.File);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notices");
        foreach (var notice in verdict.Notices)
        {
            json.WriteStringValue(notice);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The verdict for a job summary or a pull request comment: the outcome as a heading, then each
    /// message. Messages quote branch names and paths, so they are escaped as text.
    /// </summary>
    public static string ToMarkdown(GateVerdict verdict)
    {
        var text = new StringBuilder();
        var heading = verdict.Outcome switch
        {
            GateOutcome.Approved => ":white_check_mark: Checkpoint: approved" + MarkdownText.Text(ApproversSuffix(verdict)),
            GateOutcome.NotGated => ":white_check_mark: Checkpoint: not gated",
            GateOutcome.GateUnavailable => ":x: Checkpoint: the gate could not run",
            _ => ":x: Checkpoint: failed",
        };
        text.Append("## ").AppendLine(heading);
        text.AppendLine();
        if (verdict.Messages.Count > 0 || verdict.Notices.Count > 0)
        {
            foreach (var message in verdict.Messages)
            {
                var label = message.Severity switch
                {
                    GateSeverity.Error => "error",
                    GateSeverity.Warning => "warning",
                    _ => "info",
                };
                var rule = message.Code.Length > 0 ? $" [{message.Code}]({SarifRules.RulesUri}{message.Code}.md)" : string.Empty;
                var file = message.File != null ? " (" + MarkdownText.Code(message.File, inTable: false) + ")" : string.Empty;
                text.AppendLine($"- **{label}**{rule}: {MarkdownText.Text(message.Text)}{file}");
            }

            foreach (var notice in verdict.Notices)
            {
                text.AppendLine($"- **notice**: {MarkdownText.Text(notice)}");
            }

            text.AppendLine();
        }

        var facts = new List<string>();
        if (verdict.Branch != null)
        {
            facts.Add("branch " + MarkdownText.Code(verdict.Branch, inTable: false));
        }

        if (verdict.BaseRef != null)
        {
            facts.Add("base " + MarkdownText.Code(verdict.BaseRef, inTable: false));
        }

        if (verdict.HeadCommit != null)
        {
            facts.Add("head " + MarkdownText.Code(verdict.HeadCommit, inTable: false));
        }

        if (verdict.Digest != null)
        {
            facts.Add("digest " + MarkdownText.Code(verdict.Digest, inTable: false));
        }

        if (facts.Count > 0)
        {
            text.AppendLine(string.Join(", ", facts));
            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>
    /// The verdict as SARIF 2.1.0, one result per message with a rule. Code scanning needs a location
    /// for every result: a message about a file (an approval) points there, any other at
    /// .checkpoint/policy.json, the file that puts the branch under the gate.
    /// </summary>
    public static string ToSarif(GateVerdict verdict)
    {
        var results = new List<SarifResult>();
        foreach (var message in verdict.Messages)
        {
            var level = message.Severity switch
            {
                GateSeverity.Error => "error",
                GateSeverity.Warning => "warning",
                _ => "note",
            };
            results.Add(new SarifResult(message.Code.Length > 0 ? message.Code : SarifRules.GateNotice.Id, level, message.Text, message.File ?? CheckpointPolicy.FilePath, null));
        }

        var notifications = verdict.Notices.Select(n => new SarifNotification("note", n)).ToList();
        notifications.Add(new SarifNotification(verdict.Passed ? "note" : "error", PlainSummary(verdict)));
        return SarifLog.Write(
            verdict.RepositoryRoot,
            SarifRules.Gate.Append(SarifRules.GateNotice),
            results,
            notifications,
            executionSuccessful: verdict.Outcome != GateOutcome.GateUnavailable);
    }

    public static string OutcomeName(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Approved => "approved",
        GateOutcome.NotGated => "not-gated",
        GateOutcome.GateUnavailable => "gate-unavailable",
        _ => "failed",
    };

    private static string Prefix(GateMessage message) => message.Severity switch
    {
        GateSeverity.Error => $"[red]error {Markup.Escape(message.Code)}:[/] ",
        GateSeverity.Warning => $"[yellow]warning {Markup.Escape(message.Code)}:[/] ",
        _ => message.Code.Length > 0 ? $"[blue]{Markup.Escape(message.Code)}:[/] " : string.Empty,
    };

    private static string Summary(GateVerdict verdict) => verdict.Outcome switch
    {
        GateOutcome.Approved => "[green]checkpoint: approved[/]" + Markup.Escape(ApproversSuffix(verdict)),
        GateOutcome.NotGated => "[green]checkpoint: not gated[/]",
        GateOutcome.GateUnavailable => "[yellow]checkpoint: the gate could not run here[/]",
        _ => "[red]checkpoint: failed[/]",
    };

    private static string PlainSummary(GateVerdict verdict) => verdict.Outcome switch
    {
        GateOutcome.Approved => "checkpoint: approved" + ApproversSuffix(verdict),
        GateOutcome.NotGated => "checkpoint: not gated",
        GateOutcome.GateUnavailable => "checkpoint: the gate could not run here",
        _ => "checkpoint: failed",
    };

    private static string ApproversSuffix(GateVerdict verdict) =>
        verdict.Approvers.Count > 0 ? " by " + string.Join(", ", verdict.Approvers) : string.Empty;

    // https://docs.github.com/actions/reference/workflow-commands-for-github-actions: data escapes
    // %, CR and LF; property values also escape ':' and ','.
    private static string EscapeData(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");
}
