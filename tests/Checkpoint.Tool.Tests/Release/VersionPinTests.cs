using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Checkpoint.Tool.Tests.Ci;
using YamlDotNet.RepresentationModel;

namespace Checkpoint.Tool.Tests.Release;

/// <summary>
/// One version, written once (VersionPrefix in Directory.Build.props): every document, CI
/// definition and the action name exactly that version wherever they pin the packages, and no
/// install of the tool is left unpinned, which would fail for a prerelease.
/// </summary>
public sealed partial class VersionPinTests
{
    /// <summary>Where users copy versions from. Every pin in these files must be the version being built.</summary>
    private static readonly string[] PinningFiles =
    [
        "README.md",
        "docs/tool.md",
        "docs/ci/checkpoint-verify.yml",
        "docs/ci/github-actions.md",
        "docs/ci/azure-pipelines.yml",
        "docs/ci/azure-pipelines.md",
        "docs/ci/gitlab-ci.yml",
        "docs/ci/gitlab.md",
        "action.yml",
        "src/Checkpoint.Tool/PACKAGE.md",
        "nuget/README.md",
    ];

    [GeneratedRegex(@"Checkpoint\.Tool\b[^\n`]*?--version\s+(?<version>[^\s`""]+)")]
    private static partial Regex ToolVersionPin();

    [GeneratedRegex(@"Include=""Checkpoint\.(Analyzers|Tool)""[^>\n]*?Version=""(?<version>[^""]+)""")]
    private static partial Regex PackageVersionPin();

    [GeneratedRegex(@"checkpoint-dotnet/checkpoint@\S+\s*#\s*v(?<version>[0-9][^\s:]*)|refs/tags/v(?<version>[0-9][^\s`)]*)")]
    private static partial Regex ActionReleasePin();

    [GeneratedRegex(@"dotnet\s+tool\s+(install|update)\b[^\n`]*\bCheckpoint\.Tool\b[^\n`]*")]
    private static partial Regex ToolInstall();

    public static string VersionPrefix =>
        XDocument.Load(SourceTree.Path("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    public static TheoryData<string> Files() => new(PinningFiles);

    [Fact]
    public void TheVersionBeingBuilt_IsVersionPrefix()
    {
        var informational = typeof(CheckpointCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Matches(@"^\d+\.\d+\.\d+$", VersionPrefix);
        Assert.StartsWith(VersionPrefix, informational, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryPin_IsTheVersionBeingBuilt(string file)
    {
        var text = SourceTree.ReadText(file);
        var pins = ToolVersionPin().Matches(text)
            .Concat(PackageVersionPin().Matches(text))
            .Concat(ActionReleasePin().Matches(text))
            .Select(m => m.Groups["version"].Value)
            .Where(v => !v.StartsWith('$') && !v.StartsWith("\"$", StringComparison.Ordinal))
            .Concat(ActionVersionInputs(file, text))
            .ToList();

        Assert.NotEmpty(pins);
        Assert.All(pins, pin => Assert.Equal(VersionPrefix, pin));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryInstallOfTheTool_NamesAVersion(string file)
    {
        var unpinned = ToolInstall().Matches(SourceTree.ReadText(file))
            .Select(m => m.Value)
            .Where(install => !install.Contains("--version", StringComparison.Ordinal) && !install.Contains("--prerelease", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unpinned);
    }

    [Fact]
    public void TheChangelog_StartsWithTheVersionBeingBuilt()
    {
        var first = SourceTree.ReadText("CHANGELOG.md").Split('\n').First(line => line.StartsWith("## ", StringComparison.Ordinal));

        Assert.Equal("## " + VersionPrefix, first.Trim());
    }

    /// <summary>The action's own default, and the version a workflow passes to the Checkpoint action.</summary>
    private static IEnumerable<string> ActionVersionInputs(string file, string text)
    {
        if (!file.EndsWith(".yml", StringComparison.Ordinal))
        {
            return [];
        }

        var root = CiPipelineRules.Load(text);
        if (file == "action.yml")
        {
            var inputs = (YamlMappingNode)CiPipelineRules.Child(root, "inputs")!;
            return [CiPipelineRules.Scalar((YamlMappingNode)CiPipelineRules.Child(inputs, "version")!, "default")!];
        }

        return CiPipelineRules.CheckpointActionSteps(root)
            .Select(step => CiPipelineRules.Scalar(CiPipelineRules.Child(step, "with") as YamlMappingNode, "version") ?? "(no version input)")
            .ToList();
    }
}
