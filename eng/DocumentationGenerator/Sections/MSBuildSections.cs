using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Checkpoint.DocumentationGenerator.Sections;

/// <summary>
/// The MSBuild properties of the Checkpoint.Analyzers package, from its own props and targets: each
/// property the props give a default, with the comment written above it, and each property the
/// targets set as an output. A property the targets read but neither file documents is an error, so
/// a new one cannot ship without its row.
/// </summary>
public static partial class MSBuildSections
{
    [GeneratedRegex(@"\$\((Checkpoint[A-Za-z0-9]+)\)")]
    private static partial Regex PropertyUse();

    public static string PropertiesTable(string sourceTree)
    {
        var props = XDocument.Load(Path.Combine(sourceTree, "build", "Checkpoint.Analyzers.props"), LoadOptions.PreserveWhitespace);
        var targetsPath = Path.Combine(sourceTree, "build", "Checkpoint.Analyzers.targets");
        var targets = XDocument.Load(targetsPath, LoadOptions.PreserveWhitespace);
        var rows = new List<(string Name, string Default, string Effect)>();

        foreach (var property in props.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && e.Name.LocalName.StartsWith("Checkpoint", StringComparison.Ordinal)))
        {
            var value = property.Value.Trim();
            rows.Add((property.Name.LocalName, value.Length == 0 ? "*(empty)*" : $"`{value}`", CommentAbove(property)));
        }

        foreach (var output in targets.Descendants().Where(e => e.Name.LocalName == "Output" && ((string?)e.Attribute("PropertyName"))?.StartsWith("Checkpoint", StringComparison.Ordinal) == true))
        {
            rows.Add(((string)output.Attribute("PropertyName")!, "*(output)*", CommentAbove(output)));
        }

        var documented = rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var undocumented = PropertyUse().Matches(File.ReadAllText(targetsPath)).Select(m => m.Groups[1].Value).Where(n => !documented.Contains(n)).Distinct().ToList();
        if (undocumented.Count > 0)
        {
            throw new InvalidOperationException("build/Checkpoint.Analyzers.targets reads properties the props do not define with a comment: " + string.Join(", ", undocumented));
        }

        var text = new StringBuilder("| Property | Default | Effect |\n|---|---|---|\n");
        foreach (var (name, value, effect) in rows)
        {
            text.Append($"| `{name}` | {value} | {effect.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    private static string CommentAbove(XElement element)
    {
        var comment = element.NodesBeforeSelf().Reverse().SkipWhile(n => n is XText text && string.IsNullOrWhiteSpace(text.Value)).FirstOrDefault() as XComment
            ?? throw new InvalidOperationException($"<{element.Name.LocalName}> in the package's build files has no comment above it to document it");
        return string.Join(" ", comment.Value.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();
    }
}
