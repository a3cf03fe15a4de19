using System;
using System.CommandLine;
using System.Linq;

namespace Checkpoint.Tool.Commands;

internal static class OutputFormatOption
{
    /// <summary>A --format option that accepts only the formats a command supports, in lower case.</summary>
    public static Option<OutputFormat> Create(params OutputFormat[] allowed)
    {
        var names = allowed.Select(f => f.ToString().ToLowerInvariant()).ToArray();
        var option = new Option<OutputFormat>("--format")
        {
            Description = "Output format: " + string.Join(", ", names) + ".",
            HelpName = string.Join("|", names),
            DefaultValueFactory = _ => OutputFormat.Text,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
                foreach (var format in allowed)
                {
                    if (string.Equals(format.ToString(), token, StringComparison.OrdinalIgnoreCase))
                    {
                        return format;
                    }
                }

                result.AddError($"--format '{token}' is not one of: {string.Join(", ", names)}");
                return OutputFormat.Text;
            },
        };
        option.CompletionSources.Add(names);
        return option;
    }
}
