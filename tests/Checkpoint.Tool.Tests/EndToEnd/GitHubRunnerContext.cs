namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// The environment GitHub gives a <c>pull_request_target</c> job: the runner's temp folder and
/// workspace, the CI markers, the pull request's base and head branch names, the actor. The
/// machine's own CI variables are left out (<see cref="ProcessEnvironment.Local"/>).
/// </summary>
internal sealed class GitHubRunnerContext
{
    public GitHubRunnerContext(string root, string baseBranch, string headBranch, string actor)
    {
        RunnerTemp = Path.Combine(root, "_temp");
        Workspace = Path.Combine(root, "workspace");
        Directory.CreateDirectory(RunnerTemp);
        Directory.CreateDirectory(Workspace);
        BaseBranch = baseBranch;
        HeadBranch = headBranch;
        Actor = actor;
    }

    public string RunnerTemp { get; }

    public string Workspace { get; }

    public string BaseBranch { get; }

    public string HeadBranch { get; }

    public string Actor { get; }

    /// <summary>Variables added on top of GitHub's, for the test's own isolation (NuGet folders, caches).</summary>
    public Dictionary<string, string?> Extra { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Environment()
    {
        var environment = ProcessEnvironment.Local(new Dictionary<string, string?>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request_target",
            ["GITHUB_BASE_REF"] = BaseBranch,
            ["GITHUB_HEAD_REF"] = HeadBranch,
            ["GITHUB_REF"] = "refs/heads/" + BaseBranch,
            ["GITHUB_REPOSITORY"] = "acme/service",
            ["GITHUB_ACTOR"] = Actor,
            ["GITHUB_WORKSPACE"] = Workspace,
            ["RUNNER_TEMP"] = RunnerTemp,
            ["RUNNER_OS"] = "Linux",
        });
        foreach (var (name, value) in Extra)
        {
            environment[name] = value;
        }

        return environment;
    }
}
