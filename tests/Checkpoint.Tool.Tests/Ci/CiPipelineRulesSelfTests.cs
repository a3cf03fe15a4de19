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

    private const string LocalActionAfterCheckout = """
        on: pull_request_target
        jobs:
          verify:
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                with:
                  ref: refs/pull/${{ github.event.pull_request.number }}/head
                  persist-credentials: false
              - uses: ./
                with:
                  version: latest
        """;

    [Fact]
    public void LocalActionAfterACheckoutOfThePullRequest_IsRejected()
    {
        Assert.Contains(CiPipelineRules.GitHubNeverRunsPullRequestCode(CiPipelineRules.Load(LocalActionAfterCheckout)), v => v.Contains("./", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkflowWithoutTheCheckpointAction_IsRejected()
    {
        Assert.NotEmpty(CiPipelineRules.UsesTheCheckpointAction(CiPipelineRules.Load(LocalActionAfterCheckout)));
    }

    [Fact]
    public void CheckpointActionWithAnUnpinnedVersion_IsRejected()
    {
        var workflow = CiPipelineRules.Load(LocalActionAfterCheckout.Replace("uses: ./", "uses: checkpoint-dotnet/checkpoint@" + new string('1', 40), StringComparison.Ordinal));

        Assert.Contains(CiPipelineRules.PinsToolVersion(workflow), v => v.Contains("'latest'", StringComparison.Ordinal));
    }

    [Fact]
    public void ActionStepWithAnExpressionInItsScript_OrAnotherShell_IsRejected()
    {
        var action = CiPipelineRules.Load("""
            runs:
              using: composite
              steps:
                - name: inline
                  shell: bash
                  run: checkpoint verify --repo "${{ inputs.repository }}"
                - name: pwsh
                  shell: pwsh
                  run: checkpoint verify
                - name: nested
                  uses: someone/else@v1
            """);

        var violations = CiPipelineRules.ActionStepsAreSafeBash(action).ToList();

        Assert.Contains(violations, v => v.Contains("'inline' puts an expression", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'pwsh' does not run with shell: bash", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'nested' uses another action", StringComparison.Ordinal));
    }

    [Fact]
    public void AzureCheckoutWithoutPersistCredentialsFalse_IsRejected()
    {
        var pipeline = CiPipelineRules.Load("steps:\n  - checkout: self\n    fetchDepth: 0\n  - script: dotnet build\n");
        Assert.NotEmpty(CiPipelineRules.AzureCheckoutsKeepNoCredentials(pipeline));
        Assert.NotEmpty(CiPipelineRules.RunsNoCode(pipeline));
    }
}
