using System;
using System.CommandLine;
using System.Globalization;
using Checkpoint.Core.Audit;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Git;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint audit`: reads the protected branch's history back and reports, for every change that
/// landed, who approved it and what they approved; exit 1 when anything is flagged (a change that
/// landed without a valid approval, a key revoked later, an approver who wrote the change), 0 when
/// clean, 2 on a usage or environment error. Reads git data only, like the gate.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var since = new Option<string?>("--since")
        {
            Description = "Only changes that landed at or after this time: YYYY-MM-DD (UTC midnight) or an ISO 8601 time with an offset.",
            HelpName = "DATE",
        };
        var until = new Option<string?>("--until")
        {
            Description = "Only changes that landed before this time; a date alone includes that whole day (UTC).",
            HelpName = "DATE",
        };
        var format = OutputFormatOption.Create(OutputFormat.Text, OutputFormat.Json, OutputFormat.Csv, OutputFormat.Markdown);
        var command = new Command("audit", "Report every change that landed on the protected branch: its approvals, approvers, keys and approved operations. Exit 1 when anything is flagged.")
        {
            since, until, format,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            var request = new AuditRequest(session.Directory)
            {
                BaseRef = session.BaseRef,
                Since = ParseTime(parseResult.GetValue(since), "--since", endOfDay: false),
                Until = ParseTime(parseResult.GetValue(until), "--until", endOfDay: true),
            };
            if (request.Since >= request.Until)
            {
                throw new ToolException("--since must be before --until");
            }

            AuditReport report;
            try
            {
                report = HistoryAudit.Run(request);
            }
            catch (CheckpointException ex)
            {
                throw new ToolException(ex.Message, ex);
            }
            catch (GitException ex)
            {
                throw new ToolException("git failed: " + ex.Message, ex);
            }

            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    AuditOutput.WriteJson(console, report);
                    break;
                case OutputFormat.Csv:
                    AuditOutput.WriteCsv(console, report);
                    break;
                case OutputFormat.Markdown:
                    AuditOutput.WriteMarkdown(console, report);
                    break;
                default:
                    AuditOutput.WriteText(console, report);
                    break;
            }

            return report.Flagged ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>2026-06-01</c> (UTC; for an end, the next midnight) or <c>2026-06-01T12:00:00Z</c> / <c>+02:00</c>.</summary>
    internal static DateTimeOffset? ParseTime(string? text, string option, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text!.Trim();
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day, TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        var hasOffset = value.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || (value.Length > 6 && (value[value.Length - 6] == '+' || value[value.Length - 6] == '-') && value[value.Length - 3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw new ToolException($"{option} '{value}' is not a date: write YYYY-MM-DD, or a time with its offset like 2026-06-01T12:00:00Z");
    }
}
