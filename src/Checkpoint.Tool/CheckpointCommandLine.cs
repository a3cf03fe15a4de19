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
                console.WriteErrorLine(parseResult.Errors[0].Message + " (see 'checkpoint --help')");
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
            return ExitCodes.UsageOrEnvironment;
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
            "Checkpoint: review what an agent's branch does, destructive calls first, sign the approval with your SSH key, and verify it in CI.");
        root.Options.Add(globals.Repository);
        root.Options.Add(globals.BaseRef);

        root.Subcommands.Add(StatusCommand.Create(globals, console, environment));
        root.Subcommands.Add(ReviewCommand.Create(globals, console, environment));
        root.Subcommands.Add(ApproveCommand.Create(globals, console, environment));
        root.Subcommands.Add(VerifyCommand.Create(globals, console, environment));
        root.Subcommands.Add(InitCommand.Create(globals, console, environment));
        root.Subcommands.Add(HashCommand.Create(globals, console, environment));
        root.Subcommands.Add(AuditCommand.Create(globals, console, environment));
        root.Subcommands.Add(PruneCommand.Create(globals, console, environment));
        return root;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(new[] { '\r', '\n' });
        return newline >= 0 ? text.Substring(0, newline) : text;
    }
}
