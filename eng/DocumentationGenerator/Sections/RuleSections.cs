using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.DocumentationGenerator.Sections;

/// <summary>The analyzer rules, read from the built analyzers and code fixes: the README table and each rule page's title and header.</summary>
public static class RuleSections
{
    public static IReadOnlyList<Rule> Rules()
    {
        var analyzers = typeof(Checkpoint.Analyzers.DestructiveOperationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var fixes = typeof(Checkpoint.CodeFixes.AddApprovedByCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (Provider: (CodeFixProvider)Activator.CreateInstance(t)!, Title: (string)t.GetField("ActionTitle")!.GetValue(null)!))
            .ToList();
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var type in analyzers)
        {
            foreach (var descriptor in ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            {
                var titles = fixes.Where(f => f.Provider.FixableDiagnosticIds.Contains(descriptor.Id)).Select(f => f.Title).Order(StringComparer.Ordinal).ToList();
                rules.TryAdd(descriptor.Id, new Rule(descriptor.Id, descriptor, type.Name, titles));
            }
        }

        return [.. rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public static string ReadmeTable()
    {
        var text = new StringBuilder("| ID | Default | Meaning |\n|---|---|---|\n");
        foreach (var rule in Rules())
        {
            text.Append($"| [{rule.Id}](docs/rules/{rule.Id}.md) | {Severity(rule.Descriptor.DefaultSeverity)} | {rule.Descriptor.Title} |\n");
        }

        return text.ToString();
    }

    public static string TitleLine(Rule rule) => $"# {rule.Id}: {rule.Descriptor.Title}";

    public static string Header(Rule rule)
    {
        var text = new StringBuilder("| | |\n|---|---|\n");
        text.Append($"| Severity | {rule.Descriptor.DefaultSeverity} |\n");
        text.Append($"| Category | {rule.Descriptor.Category} |\n");
        text.Append($"| Analyzer | `{rule.Analyzer}` |\n");
        if (rule.CodeFixes.Count > 0)
        {
            text.Append($"| Code fixes | {string.Join("; ", rule.CodeFixes)} |\n");
        }

        return text.ToString();
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    public sealed record Rule(string Id, DiagnosticDescriptor Descriptor, string Analyzer, IReadOnlyList<string> CodeFixes);
}
