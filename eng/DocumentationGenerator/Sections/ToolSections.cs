using Checkpoint.Tool;

namespace Checkpoint.DocumentationGenerator.Sections;

/// <summary>The checkpoint tool's commands, options and exit codes, from the definitions the tool parses with.</summary>
public static class ToolSections
{
    public static string Commands() => CommandReference.CommandsTable();

    public static string ExitCodes() => CommandReference.ExitCodesTable();
}
