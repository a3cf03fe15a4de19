using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Core.Ci;

/// <summary>
/// One CI system, read only from the variables that system sets itself (in the shape of
/// Nerdbank.GitVersioning's <c>ICloudBuild</c>). The CI runner sets them; nothing on the branch
/// under review can, because MSBuild properties and files never become process environment
/// variables. <see cref="CiSystems"/> is the one place that lists the systems and picks one.
/// </summary>
public abstract class CiSystem
{
    private static readonly string[] FalseValues = { "false", "0", "no" };
    private readonly IReadOnlyDictionary<string, string?> _variables;

    protected CiSystem(IReadOnlyDictionary<string, string?> variables)
    {
        _variables = variables ?? throw new ArgumentNullException(nameof(variables));
    }

    /// <summary>The system's own name, for messages and docs: <c>GitHub Actions</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Every variable this system reads, by role.</summary>
    public abstract CiVariableNames Variables { get; }

    /// <summary>The variable (and value) that says the build runs on this system; null when it does not.</summary>
    public virtual CiValue? Detected => Flag(Variables.Detection);

    /// <summary>The target branch of the pull or merge request being built, as the system names it.</summary>
    public virtual CiValue? PullRequestTarget => null;

    /// <summary>True for a pull or merge request build, even when the system does not name the target.</summary>
    public virtual bool IsPullRequest => PullRequestTarget != null;

    /// <summary>The branch being built (for a pull request: its source branch); null for tags and unknown.</summary>
    public virtual CiValue? SourceBranch => null;

    /// <summary>What the server says about the protection of the ref being built; null when the system does not say.</summary>
    public virtual bool? RefProtected => null;

    /// <summary>The actor variables that are set.</summary>
    public IReadOnlyList<CiValue> Actors =>
        Variables.Actors.Select(name => Get(name) is string value ? new CiValue(name, value) : null).OfType<CiValue>().ToList();

    /// <summary>The trimmed value of <paramref name="name"/>, or null when it is unset or blank.</summary>
    protected string? Get(string name)
    {
        if (_variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value!.Trim();
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> that is set.</summary>
    protected CiValue? First(params string[] names)
    {
        foreach (var name in names)
        {
            if (Get(name) is string value)
            {
                return new CiValue(name, value);
            }
        }

        return null;
    }

    /// <summary>A variable that is set to anything but <c>false</c>, <c>0</c> or <c>no</c>.</summary>
    protected CiValue? Flag(string name) =>
        Get(name) is string value && !IsFalse(value) ? new CiValue(name, value) : null;

    /// <summary>A variable that holds <c>true</c> or <c>false</c> (any case); null when unset or neither.</summary>
    protected bool? Boolean(string name) => Get(name) switch
    {
        string value when string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) => true,
        string value when string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <summary>A branch name without <c>refs/heads/</c>; pull request and tag refs are not branches.</summary>
    protected static CiValue? AsBranch(CiValue? value)
    {
        if (value is null || value.Value.StartsWith("refs/pull/", StringComparison.Ordinal) || value.Value.StartsWith("refs/tags/", StringComparison.Ordinal))
        {
            return null;
        }

        return new CiValue(value.Variable, StripHeads(value.Value));
    }

    internal static bool IsFalse(string value) =>
        FalseValues.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    internal static string StripHeads(string refName) =>
        refName.StartsWith("refs/heads/", StringComparison.Ordinal) ? refName.Substring("refs/heads/".Length) : refName;

    public override string ToString() => Name;
}
