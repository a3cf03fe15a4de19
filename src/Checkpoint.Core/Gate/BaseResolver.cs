using System;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Gate;

/// <summary>
/// Chooses the base the diff is taken against. Names always become full refnames under
/// <c>refs/remotes/origin/</c> (unless given as a full <c>refs/...</c> name), so a local branch or
/// tag called <c>origin/main</c> can never stand in for the real remote-tracking ref.
/// </summary>
public static class BaseResolver
{
    private const string RemotePrefix = "refs/remotes/origin/";

    /// <summary>Resolves the base.</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="baseRefOverride">The <c>CheckpointBaseRef</c> property, if set.</param>
    /// <param name="ci">The CI environment. In CI the override is ignored (with a notice when it disagrees).</param>
    /// <exception cref="CheckpointException">CHK105: no usable base ref.</exception>
    public static ResolvedBase Resolve(GitRepository repository, string? baseRefOverride, CiEnvironment ci)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        if (ci is null)
        {
            throw new ArgumentNullException(nameof(ci));
        }

        var overrideRef = string.IsNullOrWhiteSpace(baseRefOverride) ? null : ToFullRefName(baseRefOverride!.Trim());
        if (overrideRef != null && !ci.IsCi)
        {
            return Require(repository, overrideRef, "CheckpointBaseRef", null);
        }

        // In CI the override is never used: the base decides which policy and which signers are
        // trusted, and the branch under review can set any MSBuild property it likes. Only the CI
        // system's own target variable, or origin's default branch, can name the base there.
        ResolvedBase resolved;
        try
        {
            resolved = ResolveDefault(repository, ci);
        }
        catch (CheckpointException ex) when (overrideRef != null)
        {
            throw new CheckpointException(ex.Code, ex.Message + $" (CheckpointBaseRef '{baseRefOverride}' is ignored in CI; set origin's default branch with 'git remote set-head origin <branch>' before building)", ex);
        }

        if (overrideRef != null && !string.Equals(overrideRef, resolved.RefName, StringComparison.Ordinal))
        {
            var source = ci.PullRequestTargetVariable != null
                ? $"the pull request's target ({ci.PullRequestTargetVariable}={ci.PullRequestTarget})"
                : $"{resolved.Source} ({resolved.RefName})";
            var notice = $"CheckpointBaseRef '{baseRefOverride}' was ignored: in CI the base is {source}, never a value the branch can set";
            return new ResolvedBase(resolved.RefName, resolved.Commit, resolved.Source, notice);
        }

        return resolved;
    }

    private static ResolvedBase ResolveDefault(GitRepository repository, CiEnvironment ci)
    {
        if (ci.PullRequestTarget != null)
        {
            return Require(repository, ToFullRefName(ci.PullRequestTarget), ci.PullRequestTargetVariable!, null);
        }

        var head = repository.Cli.Run("symbolic-ref", "--quiet", RemotePrefix + "HEAD");
        if (head.Succeeded && head.OutputText.StartsWith(RemotePrefix, StringComparison.Ordinal))
        {
            var refName = head.OutputText;
            if (repository.ResolveCommit(refName) is string commit)
            {
                return new ResolvedBase(refName, commit, "origin/HEAD", null);
            }
        }

        foreach (var name in new[] { "main", "master" })
        {
            if (repository.ResolveCommit(RemotePrefix + name) is string commit)
            {
                return new ResolvedBase(RemotePrefix + name, commit, "origin/" + name, null);
            }
        }

        throw new CheckpointException(
            GateCodes.DiffUnavailable,
            "no base ref: none of refs/remotes/origin/HEAD, origin/main or origin/master exists; fetch the target branch, or name origin's default branch with 'git remote set-head origin <branch>' (outside CI, CheckpointBaseRef also works)");
    }

    /// <summary>
    /// Turns <c>main</c> or <c>origin/main</c> into <c>refs/remotes/origin/main</c>; a name that already
    /// starts with <c>refs/</c> is kept as it is.
    /// </summary>
    public static string ToFullRefName(string name)
    {
        if (name.StartsWith("refs/", StringComparison.Ordinal))
        {
            return name;
        }

        var branch = name.StartsWith("origin/", StringComparison.Ordinal) ? name.Substring("origin/".Length) : name;
        return RemotePrefix + branch;
    }

    private static ResolvedBase Require(GitRepository repository, string refName, string source, string? notice)
    {
        if (!repository.IsValidRefName(refName))
        {
            throw new CheckpointException(GateCodes.DiffUnavailable, $"base ref '{refName}' (from {source}) is not a valid ref name");
        }

        var commit = repository.ResolveCommit(refName) ?? throw new CheckpointException(
            GateCodes.DiffUnavailable,
            $"base ref '{refName}' (from {source}) does not exist; fetch it (in GitHub Actions: actions/checkout with fetch-depth: 0)");
        return new ResolvedBase(refName, commit, source, notice);
    }
}
