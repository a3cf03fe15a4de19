using System.Text.RegularExpressions;

namespace Checkpoint.Core.Tests;

/// <summary>
/// Checkpoint.Core's folders are layers (docs/architecture.md): basics at the bottom, the gate's
/// decision at the top, and a folder uses only folders below it. Read from the source, so a new
/// loop fails here before anyone has to untangle it.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>Bottom to top.</summary>
    private static readonly string[] Layers =
    [
        "Polyfills", "Basics", "Json", "Ci", "Git", "Digest", "Signatures", "Policy", "Approvals", "Attestations", "Resolution", "Gate", "Audit",
    ];

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var layer in Layers)
        {
            data.Add(layer);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void EveryCoreFolder_UsesOnlyTheFoldersBelowIt(string folder)
    {
        var allowed = Layers.Take(Array.IndexOf(Layers, folder) + 1).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        var directory = SourceTree.Path("src", "Checkpoint.Core", folder);
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match match in CoreReference().Matches(File.ReadAllText(file)))
            {
                var used = match.Groups["folder"].Value;
                if (!allowed.Contains(used))
                {
                    violations.Add($"{Path.GetFileName(file)} uses Checkpoint.Core.{used}");
                }
            }
        }

        Assert.True(violations.Count == 0, $"{folder} may use only {string.Join(", ", allowed)}:\n  " + string.Join("\n  ", violations.Distinct()));
    }

    [Fact]
    public void EveryCoreFolder_IsALayer()
    {
        var folders = Directory.EnumerateDirectories(SourceTree.Path("src", "Checkpoint.Core"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Layers.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void GitIsRunOnlyInsideTheGitFolder()
    {
        // GitCli is internal; this also keeps Core's other folders from starting git another way.
        var offenders = Directory.EnumerateFiles(SourceTree.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => !f.StartsWith(SourceTree.Path("src", "Checkpoint.Core", "Git"), StringComparison.Ordinal))
            .Where(f => RawGit().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(SourceTree.Root, f))
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"Checkpoint\.Core\.(?<folder>[A-Z][A-Za-z]+)\b")]
    private static partial Regex CoreReference();

    [GeneratedRegex(@"\bCli\.Run|new GitCli\b|""git""")]
    private static partial Regex RawGit();
}
