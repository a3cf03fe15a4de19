namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>Starting points the threat-model rows share: a pushed main trusting Alice, and an agent's branch off it.</summary>
internal static class Scenario
{
    public const string AgentBranch = "copilot/fix-typo";
    public const string AllBranchesPolicy = """{ "scope": "all-branches" }""";

    public static readonly IReadOnlyDictionary<string, string?> Local = new Dictionary<string, string?>();

    public static readonly IReadOnlyDictionary<string, string?> Ci = new Dictionary<string, string?> { ["CI"] = "true" };

    /// <summary>GitHub Actions, as it sets its own variables; add the event's with <see cref="With"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string?> GitHubActions = new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true" };

    /// <summary>A GitHub pull request build of <paramref name="branch"/> into main.</summary>
    public static Dictionary<string, string?> PullRequest(string branch = AgentBranch) =>
        GitHubActions.With(("GITHUB_EVENT_NAME", "pull_request"), ("GITHUB_BASE_REF", "main"), ("GITHUB_HEAD_REF", branch), ("GITHUB_REF_NAME", "1/merge"), ("GITHUB_REF_TYPE", "branch"));

    /// <summary>A repository on <see cref="AgentBranch"/> with one commit by Copilot and no approval.</summary>
    public static TestRepository AgentChange(string? policyJson = null, params SshKey[] signers)
    {
        var repo = TestRepository.Create(policyJson, signers);
        repo.Branch(AgentBranch).Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        return repo;
    }

    public static Dictionary<string, string?> With(this IReadOnlyDictionary<string, string?> environment, params (string Name, string Value)[] variables)
    {
        var result = new Dictionary<string, string?>(environment);
        foreach ((var name, var value) in variables)
        {
            result[name] = value;
        }

        return result;
    }
}
