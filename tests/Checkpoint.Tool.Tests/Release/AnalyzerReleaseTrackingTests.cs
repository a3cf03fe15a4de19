using System.Collections.Immutable;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Tool.Tests.Release;

/// <summary>
/// The analyzer release tracking files (AnalyzerReleases.Shipped.md and .Unshipped.md) agree with
/// the analyzers, with each other, with the version being built and with CHANGELOG.md, so the
/// release step that moves rules to Shipped (docs/releasing.md) cannot be half done.
/// </summary>
public sealed class AnalyzerReleaseTrackingTests
{
    private static readonly string Shipped = SourceTree.ReadText("src/Checkpoint.Analyzers/AnalyzerReleases.Shipped.md");
    private static readonly string Unshipped = SourceTree.ReadText("src/Checkpoint.Analyzers/AnalyzerReleases.Unshipped.md");

    [Fact]
    public void EveryRule_IsTrackedOnce_WithTheSeverityAndCategoryItShipsWith()
    {
        var rows = Rows(Shipped).Concat(Rows(Unshipped)).ToList();

        foreach (var descriptor in Descriptors())
        {
            var added = rows.Where(r => r.Id == descriptor.Id && r.Table == "New Rules").ToList();
            var removed = rows.Any(r => r.Id == descriptor.Id && r.Table == "Removed Rules");
            Assert.True(added.Count == 1 && !removed, $"{descriptor.Id} is listed as new {added.Count} times (removed: {removed})");

            // The newest row about the rule (a "Changed Rules" row after its release) says how it ships now.
            var current = rows.Last(r => r.Id == descriptor.Id && r.Table != "Removed Rules");
            Assert.Equal(descriptor.Category, current.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), current.Severity);
        }

        Assert.All(rows.Where(r => r.Table == "New Rules"), row => Assert.Contains(row.Id, Descriptors().Select(d => d.Id)));
    }

    [Fact]
    public void ShippedReleases_AreInOrder_AndNoneIsNewerThanTheVersionBeingBuilt()
    {
        var releases = Releases(Shipped).Select(Version.Parse).ToList();
        var building = Version.Parse(VersionPinTests.VersionPrefix);

        Assert.Equal(releases.Order(), releases);
        Assert.Equal(releases.Distinct().Count(), releases.Count);
        Assert.All(releases, release => Assert.True(release <= building, $"Release {release} is tracked as shipped, but this tree builds {building}: set VersionPrefix first (docs/releasing.md)"));
        Assert.Empty(Releases(Unshipped));
    }

    [Fact]
    public void EveryShippedRelease_HasAChangelogSection()
    {
        var sections = SourceTree.ReadText("CHANGELOG.md").Split('\n')
            .Where(line => line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => line.Substring(3).Trim())
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Releases(Shipped), release => Assert.Contains(release, sections));
    }

    private static ImmutableArray<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticProperties).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToImmutableArray();

    private static IEnumerable<string> Releases(string text) =>
        text.Split('\n').Where(l => l.StartsWith("## Release ", StringComparison.Ordinal)).Select(l => l.Substring("## Release ".Length).Trim());

    /// <summary>Table rows in file order: <c>ID | Category | Severity | Notes</c> under <c>### New Rules</c>, <c>### Changed Rules</c> or <c>### Removed Rules</c>.</summary>
    private static IEnumerable<(string Table, string Id, string Category, string Severity)> Rows(string text)
    {
        var table = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                table = line.Substring(4).Trim();
                continue;
            }

            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (table.Length == 0 || cells.Length < 3 || cells[0] == "Rule ID" || cells[0].StartsWith('-'))
            {
                continue;
            }

            // Changed Rules rows are: ID | New Category | New Severity | Old Category | Old Severity | Notes.
            yield return (table, cells[0], cells[1], cells[2]);
        }
    }
}
