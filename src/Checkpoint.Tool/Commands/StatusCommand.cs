using System.CommandLine;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Tool.Output;
using Spectre.Console;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint status`: is this branch gated and why, against which base, the digest, and every
/// approval with its verdict. Informational: exits 0 whenever it could report, pass or fail.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var format = OutputFormatOption.Create(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown);
        var noBuild = new Option<bool>("--no-build") { Description = "Skip the operation analysis (destructive operations are then not listed)." };
        var timeout = ReviewCommand.BuildTimeoutOption();
        var command = new Command("status", "Show whether this branch is gated and why, its base and digest, every approval with its verdict, and what the branch needs: destructive operations and whether each is attested, the attestations and whose signatures they need, the principals the base trusts.")
        {
            format, noBuild, timeout,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            var verdict = session.Verdict;
            var chosen = parseResult.GetValue(format);
            var request = BranchRequest.For(session, !parseResult.GetValue(noBuild), System.TimeSpan.FromMinutes(parseResult.GetValue(timeout)), quiet: chosen != OutputFormat.Text);
            switch (chosen)
            {
                case OutputFormat.Json:
                    StatusOutput.WriteJson(console, request);
                    break;
                case OutputFormat.Markdown:
                    StatusOutput.WriteMarkdown(console, request);
                    break;
                default:
                    WriteText(console, verdict, session.Ci);
                    console.Out.WriteLine();
                    StatusOutput.WriteText(console, request);
                    break;
            }

            return VerdictOutput.ExitCodeFor(verdict) == ExitCodes.UsageOrEnvironment ? ExitCodes.UsageOrEnvironment : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(ToolConsole console, GateVerdict verdict, CiEnvironment ci)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]CI[/]", Markup.Escape(ci.IsCi ? ci.Description : "no (a local build: opt-outs count, the working tree only warns)"));
        grid.AddRow("[bold]Branch[/]", Markup.Escape(verdict.Branch ?? "(detached)"));
        grid.AddRow("[bold]Gated[/]", Markup.Escape(GatedText(verdict)));
        grid.AddRow("[bold]Base[/]", Markup.Escape(Join(verdict.BaseRef, verdict.BaseCommit)));
        grid.AddRow("[bold]Merge-base[/]", Markup.Escape(verdict.MergeBase ?? "-"));
        grid.AddRow("[bold]Head[/]", Markup.Escape(verdict.HeadCommit ?? "-"));
        grid.AddRow("[bold]Repository[/]", Markup.Escape(verdict.Repository ?? "-"));
        grid.AddRow("[bold]Digest[/]", Markup.Escape(verdict.Digest ?? "-"));
        console.Out.Write(grid);

        console.Out.WriteLine();
        if (verdict.Approvals.Count == 0)
        {
            console.Out.MarkupLine("[bold]Approvals:[/] none");
        }
        else
        {
            var table = new Table().AddColumns("Approval", "Approver", "Verdict");
            foreach (var approval in verdict.Approvals)
            {
                var result = approval.Valid
                    ? "[green]valid[/]" + (approval.UserPresent == true ? " (user present)" : string.Empty)
                    : "[red]" + Markup.Escape((approval.Code ?? "invalid") + ": " + (approval.Reason ?? string.Empty)) + "[/]";
                table.AddRow(Markup.Escape(approval.Path), Markup.Escape(approval.Approver ?? "-"), result);
            }

            console.Out.Write(table);
        }

        console.Out.WriteLine();
        VerdictOutput.WriteText(console, verdict);
    }

    private static string GatedText(GateVerdict verdict) => verdict.Outcome switch
    {
        GateOutcome.NotGated => "no" + (verdict.GatedBecause != null ? " (" + verdict.GatedBecause + ")" : string.Empty),
        GateOutcome.GateUnavailable => "unknown: the gate could not run",
        _ => "yes" + (verdict.GatedBecause != null ? ": " + verdict.GatedBecause : string.Empty),
    };

    private static string Join(string? name, string? commit) =>
        name == null ? (commit ?? "-") : commit == null ? name : name + " (" + commit + ")";
}
