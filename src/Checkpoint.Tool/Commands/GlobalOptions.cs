using System.CommandLine;

namespace Checkpoint.Tool.Commands;

/// <summary>Options every command accepts, before or after the command name.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Repository { get; } = new Option<string?>("--repo")
    {
        Description = "The repository to work on (default: the current directory).",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> BaseRef { get; } = new Option<string?>("--base")
    {
        Description = "The base branch or ref to compare with (default: from CI variables, then origin/HEAD, origin/main, origin/master). In a pull request build the CI's target branch wins.",
        HelpName = "REF",
        Recursive = true,
    };
}
