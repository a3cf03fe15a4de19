using System.Text;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Families;

namespace Checkpoint.DocumentationGenerator.Sections;

/// <summary>The built-in catalogue, family by family, as CHK001.md (every entry) and CHK002.md (the disruptive ones) list it.</summary>
public static class FamilySections
{
    public static string Families(bool disruptiveOnly)
    {
        var text = new StringBuilder();
        foreach (var (family, entries) in OperationFamilies.Families)
        {
            var rows = entries.Where(e => !disruptiveOnly || e.Tier == OperationTier.Disruptive).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            text.Append("\n### ").Append(family).Append("\n\n");
            text.Append("| Declaring type | Members | Rule | Reported |\n|---|---|---|---|\n");
            foreach (var entry in rows)
            {
                var rule = entry.Tier switch
                {
                    OperationTier.Destructive => "CHK001",
                    OperationTier.Disruptive => "[CHK002](CHK002.md)",
                    _ => "never (routine)",
                };
                text.Append("| ").Append(entry.DeclaringType).Append(" | `").Append(entry.Member.Pattern).Append("` | ")
                    .Append(rule).Append(" | ").Append(entry.Condition?.Documentation ?? "always").Append(" |\n");
            }
        }

        return text.ToString();
    }
}
