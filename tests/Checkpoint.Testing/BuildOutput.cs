using System.Text.RegularExpressions;

namespace Checkpoint.Testing;

/// <summary>Reads diagnostics out of MSBuild console output (each appears inline and in the summary).</summary>
public static partial class BuildOutput
{
    public static IReadOnlyList<BuildDiagnostic> Diagnostics(string output) =>
        DiagnosticLine().Matches(output)
            .Select(match => new BuildDiagnostic(
                match.Groups["file"].Value.Trim(),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["severity"].Value,
                match.Groups["code"].Value,
                match.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    public static IReadOnlyList<BuildDiagnostic> Errors(string output) =>
        Diagnostics(output).Where(d => d.Severity == "error").ToList();

    public static int CountLines(string output, string fragment) =>
        output.Split('\n').Count(line => line.Contains(fragment, StringComparison.Ordinal));

    [GeneratedRegex(
        @"^[ \t]*(\d+>)?(?<file>[^\s(>][^(\r\n]*?)(\((?<line>\d+),(?<column>\d+)(,\d+,\d+)?\))?[ \t]*:[ \t]*(\w+[ \t]+)?(?<severity>error|warning)[ \t]+(?<code>[A-Z]+\d+)[ \t]*:[ \t]*(?<message>[^\r\n]*?)([ \t]+\[[^\]\r\n]+\])?[ \t]*\r?$",
        RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
