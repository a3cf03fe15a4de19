using System.IO.Compression;

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

        Assert.DoesNotContain(files, f => f.EndsWith(".resources.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("CodeFixes", StringComparison.Ordinal) || f.Contains("Tests", StringComparison.Ordinal));
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
