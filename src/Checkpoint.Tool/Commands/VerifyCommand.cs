using System.CommandLine;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint verify`: the CI entry point. Prints the gate's verdict and nothing of its own;
/// exit 0 pass, 1 fail, 2 usage or environment error.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var format = OutputFormatOption.Create(OutputFormat.Text, OutputFormat.Json, OutputFormat.Github, OutputFormat.Markdown, OutputFormat.Sarif);
        var command = new Command("verify", "Give the gate's verdict for this branch (the CI entry point). Exit 0 pass, 1 fail, 2 usage or environment error.")
        {
            format,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            var verdict = session.Verdict;
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    VerdictOutput.WriteJson(console, verdict);
                    break;
                case OutputFormat.Github:
                    VerdictOutput.WriteGithub(console, verdict);
                    break;
                case OutputFormat.Markdown:
                    console.RawOut.Write(VerdictOutput.ToMarkdown(verdict));
                    break;
                case OutputFormat.Sarif:
                    console.RawOut.WriteLine(VerdictOutput.ToSarif(verdict));
                    break;
                default:
                    VerdictOutput.WriteText(console, verdict);
                    break;
            }

            return VerdictOutput.ExitCodeFor(verdict);
        });
        return command;
    }
}
