using System.CommandLine;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Commands;

/// <summary>`checkpoint hash`: the diff digest an approval must name, and nothing else on stdout.</summary>
internal static class HashCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var command = new Command("hash", "Print the diff digest (sha256:...) of this branch against its base.");
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            console.RawOut.WriteLine(session.RequireRange().Digest);
            return ExitCodes.Success;
        });
        return command;
    }
}
