using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>The analyzers under comparison: Checkpoint's and the anchor, BannedApiAnalyzers' symbol engine.</summary>
public static class AnalyzerSet
{
    private const string BannedApiFolder = "anchor/BannedApiAnalyzers";

    /// <summary>Every C# analyzer in Checkpoint.Analyzers.dll, found by reflection so no rule is left out.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Checkpoint()
    {
        var assembly = Assembly.Load(new AssemblyName("Checkpoint.Analyzers"));
        var analyzers = CSharpAnalyzersIn(assembly);
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException("Checkpoint.Analyzers.dll contains no C# DiagnosticAnalyzer yet.");
        }

        return analyzers;
    }

    /// <summary>
    /// The anchor: <c>CSharpSymbolIsBannedAnalyzer</c> from Microsoft.CodeAnalysis.BannedApiAnalyzers 5.6.0,
    /// loaded from the package's own analyzer dlls (copied beside this program at build time).
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> BannedApi()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, BannedApiFolder);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(
            Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll"));
        var analyzers = CSharpAnalyzersIn(assembly)
            .Where(a => a.GetType().Name == "CSharpSymbolIsBannedAnalyzer")
            .ToImmutableArray();
        if (analyzers.Length != 1)
        {
            throw new InvalidOperationException("CSharpSymbolIsBannedAnalyzer was not found in the BannedApiAnalyzers package.");
        }

        return analyzers;
    }

    public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    private static ImmutableArray<DiagnosticAnalyzer> CSharpAnalyzersIn(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Code fix providers may need Workspaces assemblies that a compilation-only host lacks.
            types = e.Types.Where(t => t is not null).ToArray()!;
        }

        return types
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }
}
