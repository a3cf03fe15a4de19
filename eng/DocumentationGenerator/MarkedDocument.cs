namespace Checkpoint.DocumentationGenerator;

/// <summary>A document's text with its generated sections rewritten between their markers.</summary>
public static class MarkedDocument
{
    public static string BeginMarker(string name) => $"<!-- generated:{name}:begin (do not edit: dotnet run --project eng/DocumentationGenerator) -->";

    public static string EndMarker(string name) => $"<!-- generated:{name}:end -->";

    /// <summary>The text with the section replaced; throws when the markers are missing, so a moved section is noticed.</summary>
    public static string Rewrite(string text, string file, GeneratedSection section)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = BeginMarker(section.Name);
        var end = EndMarker(section.Name);
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"{file} has no markers for '{section.Name}': add the lines{Environment.NewLine}{begin}{Environment.NewLine}{end}");
        }

        var content = section.Render().Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        return text[..(start + begin.Length)] + "\n" + content + "\n" + text[stop..];
    }
}
