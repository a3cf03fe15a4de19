using System.Text;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Families;

namespace Checkpoint.Analyzers.Tests.Breadth;

/// <summary>
/// The issue 3 families in docs/rules/CHK001.md (every entry, with its rule) and CHK002.md (the
/// disruptive ones) are generated from <see cref="BreadthFamilies"/>, between two markers, so the
/// docs cannot drift from the catalogue. Run the tests with CHECKPOINT_UPDATE_DOCS=1 to rewrite them.
/// </summary>
public sealed class RuleDocsCatalogueTests
{
    private const string Begin = "<!-- checkpoint-families:begin (generated from BreadthFamilies; run the tests with CHECKPOINT_UPDATE_DOCS=1 to update) -->";
    private const string End = "<!-- checkpoint-families:end -->";

    [Theory]
    [InlineData("CHK001", false)]
    [InlineData("CHK002", true)]
    public void RuleDoc_ListsTheFamilyEntries(string ruleId, bool disruptiveOnly)
    {
        OperationTier? tier = disruptiveOnly ? OperationTier.Disruptive : null;
        var path = SourceTree.Path("docs", "rules", ruleId + ".md");
        Assert.True(File.Exists(path), $"{path} is missing.");
        var document = File.ReadAllText(path).Replace("\r\n", "\n");
        var expected = Render(tier);

        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CHECKPOINT_UPDATE_DOCS") == "1")
        {
            document = begin < 0 || end < begin
                ? document.TrimEnd('\n') + "\n\n" + Begin + "\n" + expected + End + "\n"
                : document.Substring(0, begin + Begin.Length) + "\n" + expected + document.Substring(end);
            File.WriteAllText(path, document);
            return;
        }

        Assert.True(begin >= 0 && end > begin, $"{ruleId}.md has no generated family section; run the tests with CHECKPOINT_UPDATE_DOCS=1.");
        var actual = document.Substring(begin + Begin.Length + 1, end - begin - Begin.Length - 1);
        Assert.Equal(expected, actual);
    }

    private static string Render(OperationTier? tier)
    {
        var builder = new StringBuilder();
        foreach (var (family, entries) in BreadthFamilies.Families)
        {
            var rows = entries.Where(e => tier is null || e.Tier == tier).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            builder.Append("\n### ").Append(family).Append("\n\n");
            builder.Append("| Declaring type | Members | Rule | Reported |\n|---|---|---|---|\n");
            foreach (var entry in rows)
            {
                var rule = entry.Tier == OperationTier.Destructive ? "CHK001" : "[CHK002](CHK002.md)";
                builder.Append("| ").Append(entry.DeclaringType).Append(" | `").Append(entry.Member.Pattern).Append("` | ")
                    .Append(rule).Append(" | ").Append(entry.Condition?.Documentation ?? "always").Append(" |\n");
            }
        }

        return builder.Append('\n').ToString();
    }
}
