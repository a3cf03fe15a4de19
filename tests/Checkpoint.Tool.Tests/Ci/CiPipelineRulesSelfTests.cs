namespace Checkpoint.Tool.Tests.Ci;

/// <summary>Each rule above catches the mistake it exists for, so a passing suite means something.</summary>
public sealed class CiPipelineRulesSelfTests
{
    private const string PwnRequest = """
        on: pull_request_target
        permissions:
          contents: write
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  ref: ${{ github.event.pull_request.head.sha }}
              - run: dotnet build && dotnet test
              - run: dotnet tool install Checkpoint.Tool --tool-path t
              - run: t/checkpoint verify --format github
                env:
                  TOKEN: ${{ secrets.NUGET_KEY }}
        """;

    [Fact]
    public void CheckoutOfPullRequestHeadFollowedByBuild_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.GitHubNeverRunsPullRequestCode(CiPipelineRules.Load(PwnRequest)));
    }

    [Fact]
    public void UnpinnedToolInstall_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.PinsToolVersion(CiPipelineRules.Load(PwnRequest)));
    }

    [Fact]
    public void SecretInEnvironment_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.PassesNoSecrets(CiPipelineRules.Load(PwnRequest)));
    }

    [Fact]
    public void CheckoutWithPersistedCredentials_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.GitHubCheckoutsKeepNoCredentials(CiPipelineRules.Load(PwnRequest)));
    }

    [Fact]
    public void ActionPinnedToATag_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.GitHubActionsArePinnedBySha(CiPipelineRules.Load(PwnRequest)));
    }

    [Fact]
    public void WritePermission_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.GitHubTokenIsReadOnly(CiPipelineRules.Load(PwnRequest)));
    }

    [Fact]
    public void PullRequestTrigger_IsRejected()
    {
        var workflow = CiPipelineRules.Load("on: [pull_request, pull_request_target]\njobs: {}\n");
        Assert.Contains(CiPipelineRules.GitHubTriggersOnPullRequestTargetOnly(workflow), v => v.Contains("'pull_request'", StringComparison.Ordinal));
    }

    [Fact]
    public void AzureCheckoutWithoutPersistCredentialsFalse_IsRejected()
    {
        var pipeline = CiPipelineRules.Load("steps:\n  - checkout: self\n    fetchDepth: 0\n  - script: dotnet build\n");
        Assert.NotEmpty(CiPipelineRules.AzureCheckoutsKeepNoCredentials(pipeline));
        Assert.NotEmpty(CiPipelineRules.RunsNoCode(pipeline));
    }
}
