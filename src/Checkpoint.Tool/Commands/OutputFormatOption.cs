using System;
using System.CommandLine;
using System.Linq;

namespace Checkpoint.Tool.Commands;

internal static class OutputFormatOption
{
    /// <summary>
    /// A --format option that accepts, and completes, only the formats a command supports, in lower
    /// case. Text is the enum's zero value, so an absent option reads as text without a default
    /// factory (which would print the default a second time, capitalised, in the help).
    /// </summary>
    public static Option<OutputFormat> Create(params OutputFormat[] allowed)
    {
        var names = allowed.Select(Name).ToArray();
        var option = new Option<OutputFormat>("--format")
        {
            Description = "Output format: " + string.Join(", ", names.Select(n => n == "text" ? "text (default)" : n)) + ".",
            HelpName = string.Join("|", names),
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
                foreach (var format in allowed)
                {
                    if (string.Equals(Name(format), token, StringComparison.OrdinalIgnoreCase))
                    {
                        return format;
                    }
                }

                result.AddError($"--format '{token}' is not one of: {string.Join(", ", names)}");
                return OutputFormat.Text;
            },
        };

        // The enum's own completion source would offer every format of every command.
        option.CompletionSources.Clear();
        option.CompletionSources.Add(names);
        return option;
    }

    public static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();
}
