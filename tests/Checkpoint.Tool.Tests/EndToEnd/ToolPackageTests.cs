using System.IO.Compression;
using System.Xml.Linq;
using Checkpoint.Tool.Tests.Release;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>What the installed tool carries: the review runs the analyzers inside the tool package, never the branch's.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ToolPackageTests(InstalledTool tool)
{
    [Fact]
    public void ToolPackage_CarriesTheCheckpointAnalyzersAndTheCompilerItRunsThemIn()
    {
        using var archive = ZipFile.OpenRead(tool.Package);
        var files = archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)).ToList();
        var folder = files.Single(f => f.EndsWith("/checkpoint.dll", StringComparison.Ordinal))[..^"checkpoint.dll".Length];

        foreach (var assembly in new[] { "Checkpoint.Analyzers.dll", "Checkpoint.Core.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll", "DiffPlex.dll" })
        {
            Assert.Contains(folder + assembly, files);
        }

        // English only: System.CommandLine's and Roslyn's satellite languages are trimmed.
        Assert.DoesNotContain(files, f => f.EndsWith(".resources.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("CodeFixes", StringComparison.Ordinal) || f.Contains("Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void ToolPackage_HasAReadmeAnIconTagsReleaseNotesAndItsRepository()
    {
        using var archive = ZipFile.OpenRead(tool.Package);
        var metadata = Metadata(archive, "Checkpoint.Tool.nuspec");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("Checkpoint.Tool", Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.Equal("MIT", Value("license"));
        Assert.Contains("ai-agents", Value("tags")!.Split(' '));
        Assert.Contains("sarif", Value("tags")!.Split(' '));
        Assert.Equal($"What changed in {VersionPinTests.VersionPrefix}: https://github.com/checkpoint-dotnet/checkpoint/blob/main/CHANGELOG.md#{VersionPinTests.VersionPrefix.Replace(".", string.Empty, StringComparison.Ordinal)}", Value("releaseNotes"));
        Assert.Equal("https://github.com/checkpoint-dotnet/checkpoint", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);
        Assert.Equal("DotnetTool", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")?.Value);
        Assert.NotNull(archive.GetEntry("README.md"));
        Assert.NotNull(archive.GetEntry("icon.png"));
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.Contains("dotnet tool install --global Checkpoint.Tool --version " + VersionPinTests.VersionPrefix, readme.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void SymbolPackage_HasThePdbOfEveryCheckpointAssemblyInTheTool()
    {
        var symbols = Path.ChangeExtension(tool.Package, ".snupkg");
        Assert.True(File.Exists(symbols), "no symbol package beside " + tool.Package);
        using var archive = ZipFile.OpenRead(symbols);
        using var package = ZipFile.OpenRead(tool.Package);

        var pdbs = archive.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var ours = package.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".dll", StringComparison.Ordinal) && (n.Contains("/Checkpoint.", StringComparison.Ordinal) || n.EndsWith("/checkpoint.dll", StringComparison.Ordinal)));

        Assert.Equal(ours.Select(n => n[..^4] + ".pdb").Order(StringComparer.Ordinal), pdbs);
        Assert.Equal("Checkpoint.Tool", Metadata(archive, "Checkpoint.Tool.nuspec").Elements().Single(e => e.Name.LocalName == "id").Value);
    }

    [Fact]
    public void PackagedAnalyzers_AreTheOnesThisSourceTreeBuilds()
    {
        using var archive = ZipFile.OpenRead(tool.Package);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith("/Checkpoint.Analyzers.dll", StringComparison.Ordinal));
        using var packaged = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(packaged);
        }

        packaged.Position = 0;
        using var built = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Checkpoint.Analyzers.dll"));
        Assert.Equal(TypeNames(built), TypeNames(packaged));
        Assert.Contains("Checkpoint.Analyzers.DestructiveOperationAnalyzer", TypeNames(built));
    }

    private static XElement Metadata(ZipArchive archive, string nuspec)
    {
        using var stream = archive.GetEntry(nuspec)!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static List<string> TypeNames(Stream assembly)
    {
        assembly.Position = 0;
        using var reader = new System.Reflection.PortableExecutable.PEReader(assembly, System.Reflection.PortableExecutable.PEStreamOptions.LeaveOpen);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
