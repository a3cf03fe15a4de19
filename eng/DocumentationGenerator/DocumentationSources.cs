using Checkpoint.DocumentationGenerator.Sections;

namespace Checkpoint.DocumentationGenerator;

/// <summary>Every generated section of the docs. Add new tables here (see <see cref="Generator"/>).</summary>
public static class DocumentationSources
{
    public static IEnumerable<GeneratedSection> All()
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

        // The MSBuild properties (docs/msbuild.md) and the tool's options and exit codes (docs/tool.md)
        // belong here too, as sections rendered from Checkpoint.Build.Tasks' targets and the tool's
        // command definitions (not generated yet).
    }
}
