using System.Reflection;
using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Tests;

/// <summary>The rule documentation cannot drift from the analyzers.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string RulesFolder = SourceTree.Path("docs", "rules");

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_HasAPage_AndItsHelpLinkPointsThere(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.True(File.Exists(Path.Combine(RulesFolder, id + ".md")), $"docs/rules/{id}.md is missing");
        Assert.Equal($"https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal("Security", descriptor.Category);
    }

    [Fact]
    public void EveryRulePage_BelongsToARule()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(RulesFolder, "CHK0*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }

    [Fact]
    public void EveryRulePage_HasAFailingAndAPassingExampleAndSaysHowToSuppress()
    {
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct())
        {
            var page = File.ReadAllText(Path.Combine(RulesFolder, id + ".md"));
            Assert.StartsWith($"# {id}:", page);
            Assert.Contains("## Failing example", page);
            Assert.Contains("## Passing example", page);
            Assert.Contains("## Configure or suppress", page);
        }
    }

    [Fact]
    public void CHK001Page_ListsEveryBuiltInOperationFamily()
    {
        var page = File.ReadAllText(Path.Combine(RulesFolder, "CHK001.md"));
        var missing = BuiltInCatalogue.Entries
            .Select(e => e.DeclaringType.DisplayName)
            .Distinct()
            .Where(name => !page.Contains($"`{name}`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "docs/rules/CHK001.md does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void ReleaseTracking_ListsEveryRuleWithItsSeverity()
    {
        var unshipped = File.ReadAllText(SourceTree.Path("src", "Checkpoint.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in AllDescriptors())
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
        }
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => typeof(DestructiveOperationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
}
