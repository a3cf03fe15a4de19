using System.IO.Compression;
using System.Xml.Linq;

namespace Checkpoint.EndToEnd.Tests;

[Collection(ConsumerWorkArea.Collection)]
public sealed class PackageLayoutTests
{
    private static readonly string[] OpcParts = ["[Content_Types].xml", "_rels/.rels"];

    /// <summary>
    /// Everything the package may hold besides the nuspec and the OPC parts. A new file in the
    /// package fails this test on purpose: it has to be added here by someone who meant it.
    /// </summary>
    private static readonly string[] ExpectedFiles =
    [
        "README.md",
        // Portable PDBs beside each of Checkpoint's own assemblies, so an AD0001 or MSB4018 stack
        // trace in a user's build has lines (SourceLink points them at the sources, /_/ paths).
        "analyzers/dotnet/cs/Checkpoint.Analyzers.dll",
        "analyzers/dotnet/cs/Checkpoint.Analyzers.pdb",
        "analyzers/dotnet/cs/Checkpoint.CodeFixes.dll",
        "analyzers/dotnet/cs/Checkpoint.CodeFixes.pdb",
        "build/Checkpoint.Analyzers.props",
        "build/Checkpoint.Analyzers.targets",
        "build/Checkpoint.Attributes.cs",
        "build/Checkpoint.Gate.proj",
        "buildMultiTargeting/Checkpoint.Analyzers.props",
        "buildMultiTargeting/Checkpoint.Analyzers.targets",
        "buildTransitive/Checkpoint.Analyzers.props",
        "buildTransitive/Checkpoint.Analyzers.targets",
        "icon.png",
        // MSBuild on .NET: the gate task and what .NET does not provide itself, so System.Text.Json and
        // System.Memory come from the runtime (compiled) rather than from a netstandard2.0 copy here.
        "tasks/dotnet/BouncyCastle.Cryptography.dll",
        "tasks/dotnet/Checkpoint.Build.Tasks.dll",
        "tasks/dotnet/Checkpoint.Build.Tasks.pdb",
        "tasks/dotnet/Checkpoint.Core.dll",
        "tasks/dotnet/Checkpoint.Core.pdb",
        // MSBuild on .NET Framework (Visual Studio): the gate task and everything it needs at run time,
        // beside it (MSBuild resolves them from this folder).
        "tasks/netstandard2.0/BouncyCastle.Cryptography.dll",
        "tasks/netstandard2.0/Checkpoint.Build.Tasks.dll",
        "tasks/netstandard2.0/Checkpoint.Build.Tasks.pdb",
        "tasks/netstandard2.0/Checkpoint.Core.dll",
        "tasks/netstandard2.0/Checkpoint.Core.pdb",
        "tasks/netstandard2.0/Microsoft.Bcl.AsyncInterfaces.dll",
        "tasks/netstandard2.0/System.Buffers.dll",
        "tasks/netstandard2.0/System.Memory.dll",
        "tasks/netstandard2.0/System.Numerics.Vectors.dll",
        "tasks/netstandard2.0/System.Runtime.CompilerServices.Unsafe.dll",
        "tasks/netstandard2.0/System.Text.Encodings.Web.dll",
        "tasks/netstandard2.0/System.Text.Json.dll",
        "tasks/netstandard2.0/System.Threading.Tasks.Extensions.dll",
    ];

    [Fact]
    public void Package_HoldsExactlyTheShippedFiles()
    {
        using var archive = ZipFile.OpenRead(PackageFeed.Instance.AnalyzersPackagePath);
        var files = archive.Entries
            .Select(entry => entry.FullName)
            .Where(name => !OpcParts.Contains(name)
                && !name.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal)
                && name != PackageFeed.AnalyzersPackageId + ".nuspec")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(ExpectedFiles.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Package_HasNoLibFolderNoThirdPartySymbolsAndNoTestAssets()
    {
        using var archive = ZipFile.OpenRead(PackageFeed.Instance.AnalyzersPackagePath);
        Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("ref/", StringComparison.Ordinal));
        Assert.All(
            archive.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)),
            e => Assert.StartsWith("Checkpoint.", e.Name, StringComparison.Ordinal));
        Assert.All(
            archive.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)),
            e => Assert.NotNull(archive.GetEntry(e.FullName[..^".pdb".Length] + ".dll")));
        Assert.DoesNotContain(archive.Entries, e => e.FullName.Contains("Tests", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nuspec_DeclaresReadmeIconAndDevelopmentDependency_WithNoDependencies()
    {
        using var archive = ZipFile.OpenRead(PackageFeed.Instance.AnalyzersPackagePath);
        var nuspecEntry = archive.GetEntry(PackageFeed.AnalyzersPackageId + ".nuspec")
            ?? throw new InvalidOperationException("The package has no nuspec.");
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFeed.AnalyzersPackageId, Value("id"));
        Assert.Equal(PackageFeed.Instance.Version, Value("version"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
    }

    [Fact]
    public void PackagedAttributes_AreTheSourceTreesAttributes()
    {
        using var archive = ZipFile.OpenRead(PackageFeed.Instance.AnalyzersPackagePath);
        using var reader = new StreamReader(archive.GetEntry("build/Checkpoint.Attributes.cs")!.Open());
        var packaged = reader.ReadToEnd();
        var source = File.ReadAllText(Path.Combine(PackageFeed.Instance.SourceRoot, "build", "Checkpoint.Attributes.cs"));
        Assert.Equal(source, packaged);
    }
}
