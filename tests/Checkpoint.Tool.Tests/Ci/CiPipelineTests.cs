using YamlDotNet.RepresentationModel;

namespace Checkpoint.Tool.Tests.Ci;

/// <summary>The workflow files the CI docs embed: they parse, and they never trade safety for convenience.</summary>
public sealed class CiPipelineTests
{
    private static string[] PipelineFileNames() =>
        Directory.GetFiles(SourceTree.Path("docs", "ci"), "*.yml").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> PipelineFiles() => new(PipelineFileNames());

    private static YamlMappingNode LoadPipeline(string fileName) => CiPipelineRules.Load(File.ReadAllText(SourceTree.Path("docs", "ci", fileName)));

    [Fact]
    public void EveryPlatform_HasAPipelineFile()
    {
        Assert.Equal(["azure-pipelines.yml", "checkpoint-verify.yml", "gitlab-ci.yml"], PipelineFileNames());
    }

    [Theory]
    [MemberData(nameof(PipelineFiles))]
    public void Pipeline_PinsTheToolVersion(string fileName)
    {
        Assert.Empty(CiPipelineRules.PinsToolVersion(LoadPipeline(fileName)));
    }

    [Theory]
    [MemberData(nameof(PipelineFiles))]
    public void Pipeline_PassesNoSecrets(string fileName)
    {
        Assert.Empty(CiPipelineRules.PassesNoSecrets(LoadPipeline(fileName)));
    }

    [Theory]
    [MemberData(nameof(PipelineFiles))]
    public void Pipeline_NeverBuildsOrRunsTheReviewedCode(string fileName)
    {
        Assert.Empty(CiPipelineRules.RunsNoCode(LoadPipeline(fileName)));
    }

    [Theory]
    [InlineData("azure-pipelines.yml", "text")]
    [InlineData("gitlab-ci.yml", "text")]
    public void Pipeline_RunsCheckpointVerify(string fileName, string format)
    {
        Assert.Empty(CiPipelineRules.RunsVerify(LoadPipeline(fileName), format));
    }

    [Fact]
    public void GitHubWorkflow_VerifiesThroughTheCheckpointAction()
    {
        Assert.Empty(CiPipelineRules.UsesTheCheckpointAction(LoadPipeline("checkpoint-verify.yml")));
    }

    [Fact]
    public void Action_RunsCheckpointVerifyWithAnnotations()
    {
        Assert.Empty(CiPipelineRules.RunsVerify(LoadAction(), "github"));
    }

    [Fact]
    public void Action_IsCompositeBashWithInputsOnlyThroughEnv()
    {
        Assert.Empty(CiPipelineRules.ActionStepsAreSafeBash(LoadAction()));
    }

    [Fact]
    public void Action_NeverBuildsOrRunsTheReviewedCode()
    {
        Assert.Empty(CiPipelineRules.RunsNoCode(LoadAction()));
    }

    [Fact]
    public void Action_InstallsTheToolFromOutsideTheCheckout()
    {
        var steps = (YamlSequenceNode)CiPipelineRules.Child((YamlMappingNode)CiPipelineRules.Child(LoadAction(), "runs")!, "steps")!;
        var install = steps.Children.OfType<YamlMappingNode>().Single(s => CiPipelineRules.Scalar(s, "run")?.Contains("dotnet tool install", StringComparison.Ordinal) == true);

        Assert.Equal("${{ runner.temp }}", CiPipelineRules.Scalar(install, "working-directory"));
        Assert.Contains("--tool-path \"$RUNNER_TEMP/checkpoint-tool\"", CiPipelineRules.Scalar(install, "run"), StringComparison.Ordinal);
    }

    private static YamlMappingNode LoadAction() => CiPipelineRules.Load(File.ReadAllText(SourceTree.Path("action.yml")));

    [Fact]
    public void GitHubWorkflow_RunsOnPullRequestTargetOnly()
    {
        Assert.Empty(CiPipelineRules.GitHubTriggersOnPullRequestTargetOnly(LoadPipeline("checkpoint-verify.yml")));
    }

    [Fact]
    public void GitHubWorkflow_TokenIsReadOnly()
    {
        Assert.Empty(CiPipelineRules.GitHubTokenIsReadOnly(LoadPipeline("checkpoint-verify.yml")));
    }

    [Fact]
    public void GitHubWorkflow_CheckoutsPersistNoCredentials()
    {
        Assert.Empty(CiPipelineRules.GitHubCheckoutsKeepNoCredentials(LoadPipeline("checkpoint-verify.yml")));
    }

    [Fact]
    public void GitHubWorkflow_ActionsArePinnedToCommits()
    {
        Assert.Empty(CiPipelineRules.GitHubActionsArePinnedBySha(LoadPipeline("checkpoint-verify.yml")));
    }

    [Fact]
    public void GitHubWorkflow_NeverRunsPullRequestCode()
    {
        Assert.Empty(CiPipelineRules.GitHubNeverRunsPullRequestCode(LoadPipeline("checkpoint-verify.yml")));
    }

    [Fact]
    public void AzurePipeline_CheckoutsPersistNoCredentials()
    {
        Assert.Empty(CiPipelineRules.AzureCheckoutsKeepNoCredentials(LoadPipeline("azure-pipelines.yml")));
    }

    [Theory]
    [InlineData("github-actions.md", "checkpoint-verify.yml")]
    [InlineData("azure-pipelines.md", "azure-pipelines.yml")]
    [InlineData("gitlab.md", "gitlab-ci.yml")]
    public void Documentation_EmbedsThePipelineFileVerbatim(string document, string pipeline)
    {
        var markdown = File.ReadAllText(SourceTree.Path("docs", "ci", document)).ReplaceLineEndings("\n");
        var yaml = File.ReadAllText(SourceTree.Path("docs", "ci", pipeline)).ReplaceLineEndings("\n");
        Assert.Contains("```yaml\n" + yaml + "```", markdown, StringComparison.Ordinal);
    }
}
