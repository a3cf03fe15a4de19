using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Testing.Analyzers;

/// <summary>
/// Real assemblies as metadata references: the running .NET's own, the packages the test project
/// restored (read from its <c>.deps.json</c>, with their dependencies, from the test's output folder),
/// and other builds of a package straight from the NuGet cache. Nothing is downloaded while tests run.
/// </summary>
public static class PackageAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework);
    private static readonly Lazy<HashSet<string>> LazyFrameworkNames = new(() => [.. LazyFramework.Value.Select(r => Path.GetFileNameWithoutExtension(r.Display!))]);
    private static readonly Lazy<DependencyGraph> LazyGraph = new(DependencyGraph.Load);
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferencesByPath = new(StringComparer.Ordinal);

    /// <summary>The assemblies of the .NET the tests run on: what a net10.0 project compiles against.</summary>
    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    /// <summary>The NuGet cache the test project restored into.</summary>
    public static string NuGetCache { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
        ? cache
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// A package the test project references, with every package it depends on, as the test's
    /// output folder has them. Framework assemblies that packages also ship are left to the framework.
    /// </summary>
    public static ImmutableArray<MetadataReference> Package(string packageId)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var file in LazyGraph.Value.RuntimeFiles(packageId))
        {
            var path = Path.Combine(AppContext.BaseDirectory, file);
            if (!LazyFrameworkNames.Value.Contains(Path.GetFileNameWithoutExtension(file)) && File.Exists(path) && IsManaged(path))
            {
                builder.Add(Reference(path));
            }
        }

        if (builder.Count == 0)
        {
            throw new InvalidOperationException($"The test project restores no assembly of {packageId}: add a PackageReference to it.");
        }

        return builder.ToImmutable();
    }

    /// <summary>The package's assemblies for <paramref name="targetFramework"/> from the NuGet cache, at the version the test project restored.</summary>
    public static ImmutableArray<MetadataReference> PackageBuild(string packageId, string targetFramework)
        => PackageBuild(packageId, LazyGraph.Value.VersionOf(packageId), targetFramework);

    /// <summary>A package version the test project only downloads (<c>PackageDownload</c>), from the NuGet cache.</summary>
    public static ImmutableArray<MetadataReference> PackageBuild(string packageId, string version, string targetFramework)
    {
        var folder = Path.Combine(NuGetCache, packageId.ToLowerInvariant(), version, "lib", targetFramework);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{packageId} {version} has no {targetFramework} build in {folder}: restore the test project.");
        }

        return [.. Directory.EnumerateFiles(folder, "*.dll").Where(IsManaged).Order(StringComparer.Ordinal).Select(Reference)];
    }

    /// <summary>The .NET Framework 4.7.2 reference assemblies (the test project downloads the package).</summary>
    public static ImmutableArray<MetadataReference> NetFramework472()
    {
        var folder = Path.Combine(NuGetCache, "microsoft.netframework.referenceassemblies.net472", "1.0.2", "build", ".NETFramework", "v4.7.2");
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The .NET Framework 4.7.2 reference assemblies are not in {folder}: add <PackageDownload Include=\"Microsoft.NETFramework.ReferenceAssemblies.net472\" Version=\"[1.0.2]\" />.");
        }

        return [.. Directory.EnumerateFiles(folder, "*.dll")
            .Concat(Directory.EnumerateFiles(Path.Combine(folder, "Facades"), "*.dll"))
            .Where(IsManaged)
            .Order(StringComparer.Ordinal)
            .Select(Reference)];
    }

    private static MetadataReference Reference(string path) => ReferencesByPath.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Reference)];
    }

    private static bool IsManaged(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata && System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader).IsAssembly;
    }

    /// <summary>The packages of the test project's <c>.deps.json</c>: versions, dependencies and runtime files.</summary>
    private sealed class DependencyGraph
    {
        private readonly Dictionary<string, (string Version, string[] Dependencies, string[] Files)> _packages;

        private DependencyGraph(Dictionary<string, (string, string[], string[])> packages) => _packages = packages;

        public static DependencyGraph Load()
        {
            var depsFile = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.deps.json")
                .Where(f => !Path.GetFileName(f).StartsWith("testhost", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(f => new FileInfo(f).Length)
                .FirstOrDefault() ?? throw new InvalidOperationException("No .deps.json beside the tests in " + AppContext.BaseDirectory);
            using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
            var packages = new Dictionary<string, (string, string[], string[])>(StringComparer.OrdinalIgnoreCase);
            foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                    var id = library.Name[..slash];
                    var dependencies = library.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name).ToArray() : [];
                    var files = library.Value.TryGetProperty("runtime", out var r) ? r.EnumerateObject().Select(p => Path.GetFileName(p.Name)).ToArray() : [];
                    packages.TryAdd(id, (library.Name[(slash + 1)..], dependencies, files));
                }
            }

            return new DependencyGraph(packages);
        }

        public string VersionOf(string packageId)
            => _packages.TryGetValue(packageId, out var package) ? package.Version : throw new InvalidOperationException($"The test project does not restore {packageId}.");

        public IEnumerable<string> RuntimeFiles(string packageId)
        {
            VersionOf(packageId);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>([packageId]);
            while (pending.Count > 0)
            {
                var id = pending.Pop();
                if (!seen.Add(id) || !_packages.TryGetValue(id, out var package))
                {
                    continue;
                }

                foreach (var file in package.Files)
                {
                    yield return file;
                }

                foreach (var dependency in package.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }
    }
}
