using Checkpoint.DocumentationGenerator;

namespace Checkpoint.Analyzers.Tests;

/// <summary>The docs that restate code are generated from it (eng/DocumentationGenerator) and cannot drift.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void GeneratedDocs_MatchTheCode()
    {
        var drift = Generator.Run(SourceTree.Root, check: true);

        Assert.True(drift.Count == 0, "These docs differ from the code; run `dotnet run --project eng/DocumentationGenerator` and commit: " + string.Join(", ", drift));
    }

    [Fact]
    public void EveryGeneratedSection_HasItsMarkers()
    {
        foreach (var section in DocumentationSources.All().Where(s => s.Name != RuleTitleLine.Name))
        {
            var text = SourceTree.ReadText(section.File);
            Assert.Contains(MarkedDocument.BeginMarker(section.Name), text, StringComparison.Ordinal);
            Assert.Contains(MarkedDocument.EndMarker(section.Name), text, StringComparison.Ordinal);
        }
    }
}
