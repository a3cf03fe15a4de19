using Checkpoint.DocumentationGenerator.Sections;

namespace Checkpoint.DocumentationGenerator;

/// <summary>Every generated section of the docs. Add new tables here (see <see cref="Generator"/>).</summary>
public static class DocumentationSources
{
    /// <param name="sourceTree">The source tree the build files are read from; by default the one above the generator.</param>
    public static IEnumerable<GeneratedSection> All(string? sourceTree = null)
    {
        yield return new GeneratedSection("README.md", "analyzer-rules", RuleSections.ReadmeTable);
        foreach (var rule in RuleSections.Rules())
        {
            var file = "docs/rules/" + rule.Id + ".md";
            yield return new GeneratedSection(file, RuleTitleLine.Name, () => RuleSections.TitleLine(rule));
            yield return new GeneratedSection(file, "rule-header", () => RuleSections.Header(rule));
        }

        yield return new GeneratedSection("docs/rules/CHK001.md", "operation-families", () => FamilySections.Families(disruptiveOnly: false));
        yield return new GeneratedSection("docs/rules/CHK002.md", "operation-families", () => FamilySections.Families(disruptiveOnly: true));

        yield return new GeneratedSection("docs/tool.md", "tool-commands", ToolSections.Commands);
        yield return new GeneratedSection("docs/tool.md", "tool-exit-codes", ToolSections.ExitCodes);
        yield return new GeneratedSection("docs/msbuild.md", "msbuild-properties", () => MSBuildSections.PropertiesTable(sourceTree ?? SourceTreeRoot.Find()));
    }
}
