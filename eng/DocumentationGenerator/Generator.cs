namespace Checkpoint.DocumentationGenerator;

/// <summary>
/// Rewrites every generated section of the docs, or (with <c>check</c>) only says which files differ.
/// </summary>
/// <remarks>
/// Each section comes from <see cref="DocumentationSources.All"/>. To generate a new table: write a
/// class in <c>Sections/</c> whose method renders it from the code (reflection over the built assemblies,
/// as <see cref="Sections.RuleSections"/> does), add its <see cref="GeneratedSection"/>s to
/// <see cref="DocumentationSources.All"/>, put the two marker lines (<see cref="MarkedDocument.BeginMarker"/>,
/// <see cref="MarkedDocument.EndMarker"/>) where the table goes, reference the project whose code it
/// reads, and run the generator once. The drift test (Checkpoint.Analyzers.Tests, DocumentationTests)
/// then keeps it equal.
/// </remarks>
public static class Generator
{
    /// <returns>The files whose text differs from what the code generates (rewritten unless <paramref name="check"/>).</returns>
    public static IReadOnlyList<string> Run(string sourceTree, bool check)
    {
        var drift = new List<string>();
        foreach (var file in DocumentationSources.All(sourceTree).GroupBy(s => s.File))
        {
            var path = Path.Combine([sourceTree, .. file.Key.Split('/')]);
            var original = File.ReadAllText(path);
            var text = original.Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (var section in file)
            {
                text = section.Name == RuleTitleLine.Name ? RuleTitleLine.Rewrite(text, section) : MarkedDocument.Rewrite(text, file.Key, section);
            }

            if (text != original.Replace("\r\n", "\n", StringComparison.Ordinal))
            {
                drift.Add(file.Key);
                if (!check)
                {
                    File.WriteAllText(path, text);
                }
            }
        }

        return drift;
    }
}
