using System.Text.Json;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>`checkpoint review`: what weakens the checkpoint comes first; formats carry the same data.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ReviewTests(InstalledTool tool)
{
    private static TestRepository WeakeningChange()
    {
        var repository = ToolScenario.WithAgentBranch();
        var mallory = repository.CreateKey("mallory", "mallory@example.com");
        repository.Write(".checkpoint/allowed_signers", repository.Read(".checkpoint/allowed_signers") + mallory.AllowedSignersLine() + "\n");
        repository.Write("src/Storage.cs", """
            #pragma warning disable CHK001
            using Checkpoint;

            class Storage
            {
                [ApprovedBy("mallory@example.com", Reason = "cleanup")]
                void Drop() { }
            }
            """);
        repository.Write("Directory.Build.props", "<Project><PropertyGroup><NoWarn>$(NoWarn);CHK001</NoWarn></PropertyGroup></Project>\n");
        repository.Commit("Tidy up", ToolScenario.Agent);
        return repository;
    }

    [Fact]
    public void WeakeningChanges_AreListedFirst_InEveryFormat()
    {
        using var repository = WeakeningChange();

        var text = tool.Run(repository.Root, null, "review", "--no-build");
        var markdown = tool.Run(repository.Root, null, "review", "--no-build", "--format", "markdown");

        Assert.Equal(0, text.ExitCode);
        var weakening = text.StandardOutput.IndexOf("Changes that weaken the checkpoint (", StringComparison.Ordinal);
        Assert.True(weakening >= 0, text.ToString());
        Assert.True(weakening < text.StandardOutput.IndexOf("Destructive and disruptive operations", StringComparison.Ordinal));
        Assert.True(weakening < text.StandardOutput.IndexOf("Files changed", StringComparison.Ordinal));
        Assert.Contains(".checkpoint/allowed_signers", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("src/Storage.cs:1", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Directory.Build.props", text.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("## Checkpoint review", markdown.StandardOutput, StringComparison.Ordinal);
        Assert.True(markdown.StandardOutput.IndexOf(":red_circle: Changes that weaken", StringComparison.Ordinal) < markdown.StandardOutput.IndexOf("operations", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_HasTheStableSchema()
    {
        using var repository = WeakeningChange();

        var result = tool.Run(repository.Root, null, "review", "--no-build", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("checkpoint.review/v1", root.GetProperty("schema").GetString());
        var kinds = root.GetProperty("weakening").EnumerateArray().Select(w => w.GetProperty("kind").GetString()).ToList();
        Assert.Contains("checkpoint-configuration", kinds);
        Assert.Contains("suppression", kinds);
        Assert.Contains("build-configuration", kinds);
        Assert.Contains("diagnostic-settings", kinds);
        Assert.False(root.GetProperty("operations").GetProperty("analyzed").GetBoolean());
        Assert.Contains("--no-build", root.GetProperty("operations").GetProperty("notAnalyzedReason").GetString(), StringComparison.Ordinal);
        var attestation = Assert.Single(root.GetProperty("attestations").EnumerateArray());
        Assert.Equal("added", attestation.GetProperty("change").GetString());
        Assert.Equal(["src/Service.cs", "src/Storage.cs"], root.GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("path").GetString()!).Where(p => p.StartsWith("src/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void ReviewThatCannotBuild_SaysOperationsWereNotAnalyzed()
    {
        using var repository = ToolScenario.WithAgentBranch();

        // The sample has no project to build: the review must say so rather than claim "none".
        var result = tool.Run(repository.Root, null, "review", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var operations = json.RootElement.GetProperty("operations");
        Assert.False(operations.GetProperty("analyzed").GetBoolean());
        Assert.Contains("no C# project", operations.GetProperty("notAnalyzedReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A branch's .gitattributes with <c>*.cs -diff</c> makes git print "Binary files differ" for
    /// every C# change. The review diffs blobs itself: the suppression it adds is still found, the
    /// attributes file is listed first, and no file is called binary.
    /// </summary>
    [Fact]
    public void GitAttributesThatMarkSourcesBinary_HideNothingFromTheReview()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.Write(".gitattributes", "*.cs -diff\n");
        repository.Write("src/Storage.cs", "#pragma warning disable CHK001\nclass Storage { }\n");
        repository.Commit("Hide the diff", ToolScenario.Agent);

        var result = tool.Run(repository.Root, null, "review", "--no-build", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var weakening = root.GetProperty("weakening").EnumerateArray().Select(w => (Kind: w.GetProperty("kind").GetString(), Path: w.GetProperty("path").GetString())).ToList();
        Assert.Contains(("suppression", "src/Storage.cs"), weakening);
        Assert.Contains(("git-attributes", ".gitattributes"), weakening);
        Assert.Equal(".gitattributes", root.GetProperty("buildLogic").EnumerateArray().Single().GetProperty("path").GetString());
        Assert.All(root.GetProperty("files").EnumerateArray(), f => Assert.Equal(JsonValueKind.Number, f.GetProperty("addedLines").ValueKind));
    }

    [Fact]
    public void SymbolicLink_ShowsWhereItPoints()
    {
        using var repository = ToolScenario.WithAgentBranch();
        File.CreateSymbolicLink(Path.Combine(repository.Root, "src", "Shared.cs"), "../../elsewhere/Shared.cs");
        repository.Commit("Share a file", ToolScenario.Agent);

        var json = tool.Run(repository.Root, null, "review", "--no-build", "--format", "json");
        var text = tool.Run(repository.Root, null, "review", "--no-build");

        using var document = JsonDocument.Parse(json.StandardOutput);
        var link = document.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "src/Shared.cs");
        Assert.Equal("../../elsewhere/Shared.cs", link.GetProperty("symlinkTarget").GetString());
        Assert.Contains(document.RootElement.GetProperty("weakening").EnumerateArray(), w => w.GetProperty("kind").GetString() == "symbolic-link");
        Assert.Contains("src/Shared.cs (created) [symbolic link -> ../../elsewhere/Shared.cs]", text.StandardOutput, StringComparison.Ordinal);
    }
}
