using System;
using System.CommandLine;
using System.Linq;
using Checkpoint.Tool.Commands;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool;

/// <summary>
/// The `checkpoint` command line. Every failure path ends here: a <see cref="ToolException"/>
/// or a parse error becomes one line on stderr and exit code 2; anything unexpected also
/// becomes one line and a non-zero exit, so CI fails closed and nobody reads a stack trace.
/// </summary>
internal static class CheckpointCommandLine
{
    public static int Run(string[] args, ToolConsole console, ToolEnvironment environment)
    {
        try
        {
            var root = Build(console, environment);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
            {
                console.WriteErrorLine(UsageError(root, parseResult) + " (see 'checkpoint --help')");
                return ExitCodes.UsageOrEnvironment;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.RawOut,
                Error = console.RawError,
            });
        }
        catch (ToolException ex)
        {
            console.WriteErrorLine(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex)
        {
            // Fail closed without a stack trace: the type says where to look, the message what happened.
            console.WriteErrorLine($"unexpected {ex.GetType().Name}: {FirstLine(ex.Message)}");
            return ExitCodes.UsageOrEnvironment;
        }
    }

    public static RootCommand Build(ToolConsole console, ToolEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "Checkpoint: review what an agent's branch does, destructive calls first, sign the approval with your SSH key, and verify it in CI. "
            + "Exit codes: 0 pass or done, 1 the gate failed or the command refused, 2 usage or environment error (docs/tool.md).");
        root.Options.Add(globals.Repository);
        root.Options.Add(globals.BaseRef);

        root.Subcommands.Add(StatusCommand.Create(globals, console, environment));
        root.Subcommands.Add(ReviewCommand.Create(globals, console, environment));
        root.Subcommands.Add(ApproveCommand.Create(globals, console, environment));
        root.Subcommands.Add(VerifyCommand.Create(globals, console, environment));
        root.Subcommands.Add(InitCommand.Create(globals, console, environment));
        root.Subcommands.Add(HashCommand.Create(globals, console, environment));
        root.Subcommands.Add(BaselineCommand.Create(globals, console, environment));
        root.Subcommands.Add(AuditCommand.Create(globals, console, environment));
        root.Subcommands.Add(PruneCommand.Create(globals, console, environment));
        return root;
    }

    /// <summary>
    /// The first parse error, except at the top level: there, a word that is no command is named as
    /// an unknown command (System.CommandLine would first complain that no command was given).
    /// </summary>
    private static string UsageError(RootCommand root, ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command == root)
        {
            var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
            var unknown = parseResult.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith("-", StringComparison.Ordinal));
            return unknown != null
                ? $"unknown command '{unknown}'; the commands are {commands}"
                : parseResult.UnmatchedTokens.Count > 0
                    ? parseResult.Errors[0].Message
                    : $"no command given; the commands are {commands}";
        }

        return parseResult.Errors[0].Message;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        return newline >= 0 ? text.Substring(0, newline) : text;
    }
}
