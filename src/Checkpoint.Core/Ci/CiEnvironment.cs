using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Core.Ci;

/// <summary>
/// What the build's environment says: which CI system runs it (<see cref="CiSystems"/>), whether
/// the machine forces CI behaviour (<see cref="EnforceVariable"/>), and what the CI system says
/// about the pull request, the branch and who started the build. Read from the real process
/// environment, never from MSBuild properties or files, which the branch under review controls.
/// </summary>
public sealed class CiEnvironment
{
    /// <summary>
    /// Set on a build agent's image (or its service configuration) to make every build there
    /// behave as CI, whatever the CI system: opt-outs are ignored and a folder outside git fails.
    /// Any value except <c>0</c>, <c>false</c> or <c>no</c> enforces.
    /// </summary>
    public const string EnforceVariable = "CHECKPOINT_ENFORCE";

    /// <summary>Declares the build an agent's (<c>1</c>, <c>true</c> or <c>yes</c>): the branch is gated.</summary>
    public const string AgentVariable = "CHECKPOINT_AGENT";

    private CiEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        System = CiSystems.Detect(variables);
        var enforce = Get(variables, EnforceVariable);
        Enforced = enforce != null && !CiSystem.IsFalse(enforce);
        IsCi = System != null || Enforced;
        CiVariable = System?.Detected?.Variable ?? (Enforced ? EnforceVariable : null);

        var target = System?.PullRequestTarget;
        PullRequestTarget = target?.Value;
        PullRequestTargetVariable = target?.Variable;
        IsPullRequest = target != null || System?.IsPullRequest == true;

        var source = System?.SourceBranch;
        SourceBranch = source?.Value;
        SourceBranchVariable = source?.Variable;
        RefProtected = System?.RefProtected;
        RefProtectedVariable = System?.Variables.RefProtected;
        Actors = (System?.Actors ?? Array.Empty<CiValue>()).Select(a => new KeyValuePair<string, string>(a.Variable, a.Value)).ToList();

        var agent = Get(variables, AgentVariable);
        AgentDeclared = agent != null && (agent == "1" || string.Equals(agent, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(agent, "yes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The CI system the build runs on; null outside CI (also when only <see cref="EnforceVariable"/> is set).</summary>
    public CiSystem? System { get; }

    /// <summary>True on a recognised CI system, or when the machine sets <see cref="EnforceVariable"/>.</summary>
    public bool IsCi { get; }

    /// <summary>True when <see cref="EnforceVariable"/> is set.</summary>
    public bool Enforced { get; }

    /// <summary>The variable that made <see cref="IsCi"/> true.</summary>
    public string? CiVariable { get; }

    /// <summary>The pull/merge request's target branch (without refs/heads/), when the CI system names it.</summary>
    public string? PullRequestTarget { get; }

    public string? PullRequestTargetVariable { get; }

    /// <summary>True when the build is for a pull or merge request, even when its target is not named.</summary>
    public bool IsPullRequest { get; }

    /// <summary>The branch being built, as the CI system names it; null for tag builds and outside CI.</summary>
    public string? SourceBranch { get; }

    public string? SourceBranchVariable { get; }

    /// <summary>What the server says about the protection of the ref being built, when the CI system says it.</summary>
    public bool? RefProtected { get; }

    /// <summary>The variable <see cref="RefProtected"/> comes from.</summary>
    public string? RefProtectedVariable { get; }

    /// <summary>The CI actor variables that are set: name and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Actors { get; }

    /// <summary><see cref="AgentVariable"/> is 1, true or yes.</summary>
    public bool AgentDeclared { get; }

    /// <summary>Where <see cref="IsCi"/> comes from, for messages: <c>GitHub Actions (GITHUB_ACTIONS)</c>.</summary>
    public string Description =>
        System is null
            ? (Enforced ? $"{EnforceVariable} is set on this machine" : "not CI")
            : $"{System.Name} ({CiVariable})" + (Enforced ? $", and {EnforceVariable} is set" : string.Empty);

    public static CiEnvironment FromVariables(IReadOnlyDictionary<string, string?> variables) =>
        new CiEnvironment(variables ?? throw new ArgumentNullException(nameof(variables)));

    private static string? Get(IReadOnlyDictionary<string, string?> variables, string name)
    {
        if (variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value!.Trim();
        }

        return null;
    }
}
