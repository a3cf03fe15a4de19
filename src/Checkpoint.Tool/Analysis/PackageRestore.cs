using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// Restores packages the branch adds or changes into a project the review writes itself, inside
/// the merge-base's tree so the merge-base's <c>nuget.config</c> decides the sources. Every
/// reference excludes <c>build</c>, <c>buildTransitive</c> and <c>analyzers</c> assets, and the
/// project is only restored, never built: the packages serve as metadata references and nothing
/// in them runs. One folder per framework and package set, kept with the merge-base's cache.
/// </summary>
internal static class PackageRestore
{
    private const string ReferencesFile = "references.txt";

    /// <summary>The compile-time assemblies of <paramref name="packages"/> and their dependencies, or why they could not be restored.</summary>
    public static (IReadOnlyList<string> Assemblies, string? Failure) Restore(
        BaseWorkspace workspace, string targetFramework, IReadOnlyCollection<DeclaredPackage> packages, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var key = Key(targetFramework, packages);
        var folder = Path.Combine(workspace.TreeDirectory, ".checkpoint-review-packages", key);
        var references = Path.Combine(folder, ReferencesFile);
        if (File.Exists(references))
        {
            return (File.ReadAllLines(references).Where(l => l.Length > 0).ToList(), null);
        }

        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, "packages.csproj");
        File.WriteAllText(project, ProjectText(targetFramework, packages), Encoding.UTF8);
        var result = ChildProcess.Run("dotnet", new[] { "restore", project, "-nologo", "-v:q" }, folder, timeout, DotnetEnvironment.For(environment));
        if (result.TimedOut)
        {
            return (Array.Empty<string>(), $"restoring them took longer than {timeout.TotalMinutes:0} minutes");
        }

        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!result.Succeeded || !File.Exists(assets))
        {
            var error = (result.Output + "\n" + result.Error).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
            return (Array.Empty<string>(), "restore from the merge-base's package sources failed: " + (error ?? result.LastLine()));
        }

        var assemblies = CompileAssemblies(File.ReadAllText(assets));
        File.WriteAllLines(references, assemblies);
        return (assemblies, null);
    }

    private static string Key(string targetFramework, IEnumerable<DeclaredPackage> packages)
    {
        var text = targetFramework + "\n" + string.Join("\n", packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(p => p.Id.ToLowerInvariant() + "/" + p.Version));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).Substring(0, 16).ToLowerInvariant();
    }

    private static string ProjectText(string targetFramework, IEnumerable<DeclaredPackage> packages)
    {
        var references = string.Concat(packages.Select(p =>
            $"    <PackageReference Include=\"{SecurityElement.Escape(p.Id)}\" Version=\"{SecurityElement.Escape(p.Version)}\" ExcludeAssets=\"build;buildTransitive;analyzers\" PrivateAssets=\"all\" />\n"));
        return "<Project>\n"
            + "  <!-- Written by checkpoint review; restored only, never built. -->\n"
            + "  <PropertyGroup>\n"
            + "    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>\n"
            + "    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>\n"
            + "    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>\n"
            + "  </PropertyGroup>\n"
            + "  <Import Project=\"Sdk.props\" Sdk=\"Microsoft.NET.Sdk\" />\n"
            + "  <PropertyGroup>\n"
            + $"    <TargetFramework>{SecurityElement.Escape(targetFramework)}</TargetFramework>\n"
            + "    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n"
            + "    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n"
            + "  </PropertyGroup>\n"
            + "  <ItemGroup>\n" + references + "  </ItemGroup>\n"
            + "  <Import Project=\"Sdk.targets\" Sdk=\"Microsoft.NET.Sdk\" />\n"
            + "</Project>\n";
    }

    /// <summary>The compile assets of every package in the restore's first target (project.assets.json).</summary>
    internal static IReadOnlyList<string> CompileAssemblies(string assetsJson)
    {
        using var document = JsonDocument.Parse(assetsJson);
        var root = document.RootElement;
        var folders = root.TryGetProperty("packageFolders", out var packageFolders)
            ? packageFolders.EnumerateObject().Select(p => p.Name).ToList()
            : new List<string>();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => !t.Name.Contains('/', StringComparison.Ordinal));
        var assemblies = new List<string>();
        foreach (var library in target.Value.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package" || !library.Value.TryGetProperty("compile", out var compile))
            {
                continue;
            }

            var libraryPath = libraries.TryGetProperty(library.Name, out var info) && info.TryGetProperty("path", out var path) ? path.GetString() : null;
            if (libraryPath == null)
            {
                continue;
            }

            foreach (var asset in compile.EnumerateObject().Select(a => a.Name).Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var file = folders.Select(f => Path.Combine(f, libraryPath, asset)).FirstOrDefault(File.Exists);
                if (file != null)
                {
                    assemblies.Add(file);
                }
            }
        }

        return assemblies;
    }
}
