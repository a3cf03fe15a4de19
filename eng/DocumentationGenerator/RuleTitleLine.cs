namespace Checkpoint.DocumentationGenerator;

/// <summary>A rule page's first line, <c># CHK001: title</c>: it stays the page's first line, so it has no markers.</summary>
public static class RuleTitleLine
{
    public const string Name = "rule-title";

    public static string Rewrite(string text, GeneratedSection section)
    {
        var newLine = text.IndexOf('\n', StringComparison.Ordinal);
        return section.Render() + (newLine < 0 ? "\n" : text[newLine..]);
    }
}
