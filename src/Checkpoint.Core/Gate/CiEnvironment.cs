using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Gate;

/// <summary>What the CI system says about this build, read from the real process environment.</summary>
public sealed class CiEnvironment
{
    private static readonly string[] CiFlags = { "CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI" };
    private static readonly string[] TargetVariables = { "GITHUB_BASE_REF", "SYSTEM_PULLREQUEST_TARGETBRANCH", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME" };
    private static readonly string[] SourceVariables =
    {
        "GITHUB_HEAD_REF", "SYSTEM_PULLREQUEST_SOURCEBRANCH", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
        "GITHUB_REF_NAME", "BUILD_SOURCEBRANCH", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME",
    };

    private static readonly string[] ActorVariables =
    {
        "GITHUB_ACTOR", "GITHUB_TRIGGERING_ACTOR", "BUILD_REQUESTEDFOR", "BUILD_REQUESTEDFOREMAIL",
        "GITLAB_USER_LOGIN", "GITLAB_USER_EMAIL", "GITLAB_USER_NAME",
    };

    private CiEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var flag in CiFlags)
        {
            var value = Get(variables, flag);
            if (value != null && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0")
            {
                IsCi = true;
                CiVariable = flag;
                break;
            }
        }

        foreach (var name in TargetVariables)
        {
            if (Get(variables, name) is string target)
            {
                PullRequestTarget = StripHeads(target);
                PullRequestTargetVariable = name;
                break;
            }
        }

        foreach (var name in SourceVariables)
        {
            if (Get(variables, name) is string source)
            {
                // Azure's BUILD_SOURCEBRANCH is refs/pull/N/merge in PR builds: not a branch name.
                if (source.StartsWith("refs/pull/", StringComparison.Ordinal) || source.StartsWith("refs/tags/", StringComparison.Ordinal))
                {
                    continue;
                }

                SourceBranch = StripHeads(source);
                SourceBranchVariable = name;
                break;
            }
        }

        var actors = new List<KeyValuePair<string, string>>();
        foreach (var name in ActorVariables)
        {
            if (Get(variables, name) is string actor)
            {
                actors.Add(new KeyValuePair<string, string>(name, actor));
            }
        }

        Actors = actors;
        var agent = Get(variables, "CHECKPOINT_AGENT");
        AgentDeclared = agent != null && (agent == "1" || string.Equals(agent, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(agent, "yes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when CI, GITHUB_ACTIONS, TF_BUILD or GITLAB_CI is set (and not "false" or "0").</summary>
    public bool IsCi { get; }

    /// <summary>The variable that made <see cref="IsCi"/> true.</summary>
    public string? CiVariable { get; }

    /// <summary>The pull/merge request's target branch (without refs/heads/), when the build is for one.</summary>
    public string? PullRequestTarget { get; }

    public string? PullRequestTargetVariable { get; }

    /// <summary>True when the build is for a pull or merge request.</summary>
    public bool IsPullRequest => PullRequestTarget != null;

    /// <summary>The branch being built, as the CI system names it.</summary>
    public string? SourceBranch { get; }

    public string? SourceBranchVariable { get; }

    /// <summary>The CI actor variables that are set: name and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Actors { get; }

    /// <summary>CHECKPOINT_AGENT is 1, true or yes.</summary>
    public bool AgentDeclared { get; }

    public static CiEnvironment FromVariables(IReadOnlyDictionary<string, string?> variables) =>
        new CiEnvironment(variables ?? throw new ArgumentNullException(nameof(variables)));

    internal static string StripHeads(string refName) =>
        refName.StartsWith("refs/heads/", StringComparison.Ordinal) ? refName.Substring("refs/heads/".Length) : refName;

    private static string? Get(IReadOnlyDictionary<string, string?> variables, string name)
    {
        if (variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value!.Trim();
        }

        return null;
    }
}
