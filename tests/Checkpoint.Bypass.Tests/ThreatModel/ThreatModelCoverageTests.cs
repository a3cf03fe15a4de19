using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>The suite cannot drift from docs/threat-model.md: every row has a test named after it, and no test names a row that is gone.</summary>
public sealed partial class ThreatModelCoverageTests
{
    [Fact]
    public void EveryThreatModelRow_HasABypassTest()
    {
        var rows = ThreatModelRows();
        var tested = TestedRows();

        Assert.NotEmpty(rows);
        Assert.Empty(rows.Except(tested).Order());
    }

    [Fact]
    public void EveryRowTest_NamesARowOfTheThreatModel()
    {
        Assert.Empty(TestedRows().Except(ThreatModelRows()).Order());
    }

    private static HashSet<int> ThreatModelRows() =>
        TableRow().Matches(SourceTree.ReadText("docs/threat-model.md"))
            .Select(m => int.Parse(m.Groups["row"].Value, CultureInfo.InvariantCulture))
            .ToHashSet();

    private static HashSet<int> TestedRows() =>
        typeof(ThreatModelCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .Select(m => TestName().Match(m.Name))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["row"].Value, CultureInfo.InvariantCulture))
            .ToHashSet();

    [GeneratedRegex(@"^\|\s*(?<row>\d+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^Row(?<row>\d+)_")]
    private static partial Regex TestName();
}
