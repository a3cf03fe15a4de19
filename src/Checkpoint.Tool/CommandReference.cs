using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool;

/// <summary>
/// The command line as documentation: every command with its options, and the exit codes, rendered
/// from the same definitions the tool parses with. eng/DocumentationGenerator writes these tables into
/// docs/tool.md, and its drift test fails when they differ.
/// </summary>
internal static class CommandReference
{
    /// <summary>One table of every command's options, global options last.</summary>
    public static string CommandsTable()
    {
        var root = CheckpointCommandLine.Build(
            ToolConsole.ForWriters(TextWriter.Null, TextWriter.Null, TextReader.Null, isInteractive: false),
            new ToolEnvironment(new System.Collections.Generic.Dictionary<string, string?>(), Path.GetTempPath(), () => DateTimeOffset.UnixEpoch));
        var text = new StringBuilder("| Command | Option | Meaning | Default |\n|---|---|---|---|\n");
        foreach (var command in root.Subcommands)
        {
            text.Append($"| `{command.Name}` | | {Cell(command.Description)} | |\n");
            foreach (var argument in command.Arguments)
            {
                text.Append($"| | `{argument.Name}` | {Cell(argument.Description)} | |\n");
            }

            foreach (var option in command.Options.Where(o => !o.Recursive && o is not System.CommandLine.Help.HelpOption))
            {
                text.Append($"| | {Usage(option)} | {Cell(option.Description)} | {Default(option)} |\n");
            }
        }

        foreach (var option in root.Options.Where(o => o.Recursive && o is not System.CommandLine.Help.HelpOption && o is not VersionOption))
        {
            text.Append($"| (every command) | {Usage(option)} | {Cell(option.Description)} | |\n");
        }

        return text.ToString();
    }

    public static string ExitCodesTable()
    {
        var text = new StringBuilder("| Code | Meaning |\n|---|---|\n");
        foreach (var (code, meaning) in ExitCodes.Meanings)
        {
            text.Append($"| {code} | {Cell(meaning)} |\n");
        }

        return text.ToString();
    }

    private static string Usage(Option option)
    {
        var help = option.HelpName;
        var usage = help == null || option.Arity.MaximumNumberOfValues == 0 ? option.Name : option.Name + " " + help;
        return "`" + Cell(usage) + "`";
    }

    private static string Default(Option option)
    {
        if (!option.HasDefaultValue || option.Arity.MaximumNumberOfValues == 0)
        {
            return string.Empty;
        }

        // A switch is off unless given: saying so adds nothing.
        var value = option.GetDefaultValue();
        return value is null or false ? string.Empty : "`" + value.ToString()!.ToLowerInvariant() + "`";
    }

    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal);
}
