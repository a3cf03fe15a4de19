using Checkpoint.Tool.Tests.Output;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// action.yml run step by step as GitHub runs a composite action (<see cref="CompositeActionRunner"/>),
/// in a pull_request_target job: a real repository with its pull request fetched as actions/checkout
/// would, the tool installed by the action's own step from the packed package, real ssh-keygen
/// approvals.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ActionTests(InstalledTool tool)
{
    private const string Branch = "copilot/fix-typo";

    [Fact]
    public void UnapprovedPullRequest_FailsTheJob_WithAnAnnotationAndTheVerdictAndReviewInTheSummary()
    {
        using var repository = ToolScenario.WithAgentBranch(Branch);
        var job = PullRequestJob(repository, out var head);
        var sarif = Path.Combine(job.RunnerTemp, "checkpoint.sarif");

        var run = RunAction(job, head, ("sarif-file", sarif));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("Fail unless the gate passed", run.FailedStep);
        Assert.Equal("1", run.Outputs["verify"]["exit-code"]);
        Assert.Contains("::error title=CHK100::branch 'copilot/fix-typo' needs a signed approval", run.Log, StringComparison.Ordinal);
        Assert.Contains("## :x: Checkpoint: failed", run.Summary, StringComparison.Ordinal);
        Assert.Contains("## Checkpoint review", run.Summary, StringComparison.Ordinal);
        Assert.Contains("`src/Service.cs`", run.Summary, StringComparison.Ordinal);
        Assert.True(run.Summary.IndexOf("Checkpoint: failed", StringComparison.Ordinal) < run.Summary.IndexOf("Checkpoint review", StringComparison.Ordinal), "the verdict comes first:\n" + run.Summary);
        var result = Assert.Single(SarifShape.AssertValid(File.ReadAllText(sarif)).GetProperty("results").EnumerateArray());
        Assert.Equal("CHK100", result.GetProperty("ruleId").GetString());
    }

    [Fact]
    public void ApprovedPullRequest_PassesTheJob()
    {
        using var repository = ToolScenario.WithAgentBranch(Branch);
        repository.ActAs(SshKey.Alice);
        var approve = tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        var job = PullRequestJob(repository, out var head);

        var run = RunAction(job, head);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0", run.Outputs["verify"]["exit-code"]);
        Assert.DoesNotContain("::error", run.Log, StringComparison.Ordinal);
        Assert.Contains("## :white_check_mark: Checkpoint: approved by alice", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void PullRequestThatMovedDuringTheJob_FailsAndSaysSo()
    {
        using var repository = ToolScenario.WithAgentBranch(Branch);
        var job = PullRequestJob(repository, out _);

        var run = RunAction(job, new string('0', 40));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("::error title=checkpoint::the pull request moved while this check ran", run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("CHK100", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void AVersionThatIsNotExact_IsRefusedBeforeAnythingIsInstalled()
    {
        using var repository = ToolScenario.WithAgentBranch(Branch);
        var job = PullRequestJob(repository, out var head);

        var run = CompositeActionRunner.Run(SourceTree.Path("action.yml"), job, new Dictionary<string, string>
        {
            ["repository"] = Path.Combine(job.Workspace, "pull-request"),
            ["version"] = "*",
            ["expected-head"] = head,
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Install checkpoint (pinned)", run.FailedStep);
        Assert.False(Directory.Exists(Path.Combine(job.RunnerTemp, "checkpoint-tool")));
    }

    /// <summary>
    /// The job's side: the pull request's branch pushed to origin, fetched as actions/checkout does
    /// for pull_request_target (full history, the head detached, origin's branches as remote refs),
    /// and a runner temp folder whose nuget.config offers only the packed tool.
    /// </summary>
    private GitHubRunnerContext PullRequestJob(TestRepository repository, out string head)
    {
        repository.Git("push", "-q", "origin", Branch);
        head = repository.Git("rev-parse", "HEAD");
        var job = new GitHubRunnerContext(Path.Combine(repository.Folder, "runner"), "main", Branch, "Copilot");
        var checkout = Path.Combine(job.Workspace, "pull-request");
        ProcessRunner.RunChecked("git", ["clone", "-q", "--no-checkout", repository.OriginPath, checkout], job.Workspace);
        ProcessRunner.RunChecked("git", ["-c", "advice.detachedHead=false", "checkout", "-q", "--detach", head], checkout);
        File.WriteAllText(Path.Combine(job.RunnerTemp, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="checkpoint" value="{Path.GetDirectoryName(tool.Package)}" />
              </packageSources>
            </configuration>
            """);
        job.Extra["NUGET_PACKAGES"] = Path.Combine(repository.Folder, "runner-packages");
        job.Extra["XDG_CACHE_HOME"] = tool.CacheHome;
        return job;
    }

    private ActionRunResult RunAction(GitHubRunnerContext job, string expectedHead, params (string Name, string Value)[] more)
    {
        var inputs = new Dictionary<string, string>
        {
            ["repository"] = Path.Combine(job.Workspace, "pull-request"),
            ["version"] = PackageFeed.Instance.Version,
            ["expected-head"] = expectedHead,
            ["review"] = "no-build",
        };
        foreach (var (name, value) in more)
        {
            inputs[name] = value;
        }

        return CompositeActionRunner.Run(SourceTree.Path("action.yml"), job, inputs);
    }
}
