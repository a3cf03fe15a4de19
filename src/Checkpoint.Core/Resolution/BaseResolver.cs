using System;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Resolution;

/// <summary>
/// Chooses the base the diff is taken against. Names always become full refnames under
/// <c>refs/remotes/origin/</c> (unless given as a full <c>refs/...</c> name) and are looked up by
/// exact name, so a local branch or tag called <c>origin/main</c> can never stand in for the real
/// remote-tracking ref.
/// </summary>
public static class BaseResolver
{
    /// <summary>Where origin's remote-tracking refs live.</summary>
    public const string RemotePrefix = "refs/remotes/origin/";

    /// <summary>The full refname a local override names, or null when there is none or it is ignored (in CI).</summary>
    public static string? OverrideRefName(string? baseRefOverride, CiEnvironment ci) =>
        string.IsNullOrWhiteSpace(baseRefOverride) || ci.IsCi ? null : ToFullRefName(baseRefOverride!.Trim());

    /// <summary>Resolves the base.</summary>
    /// <param name="objects">Reads the base commit.</param>
    /// <param name="refs">The refs, listed with <see cref="OverrideRefName"/> among them.</param>
    /// <param name="baseRefOverride">The <c>CheckpointBaseRef</c> property or <c>--base</c>, if set.</param>
    /// <param name="ci">The CI environment. In CI the override is ignored (with a notice when it disagrees).</param>
    /// <param name="overrideSetting">What messages call the override: <c>CheckpointBaseRef</c>, or <c>--base</c> in the tool.</param>
    /// <exception cref="CheckpointException">CHK105: no usable base ref.</exception>
    public static ResolvedBase Resolve(GitObjectReader objects, GitRefs refs, string? baseRefOverride, CiEnvironment ci, string overrideSetting = "CheckpointBaseRef")
    {
        if (objects is null || refs is null || ci is null)
        {
            throw new ArgumentNullException(objects is null ? nameof(objects) : refs is null ? nameof(refs) : nameof(ci));
        }

        var overrideRef = string.IsNullOrWhiteSpace(baseRefOverride) ? null : ToFullRefName(baseRefOverride!.Trim());
        if (overrideRef != null && !ci.IsCi)
        {
            return Require(objects, refs, overrideRef, overrideSetting, null);
        }

        // In CI the override is never used: the base decides which policy and which signers are
        // trusted, and the branch under review can set any MSBuild property it likes. Only the CI
        // system's own target variable, or origin's default branch, can name the base there.
        ResolvedBase resolved;
        try
        {
            resolved = ResolveDefault(objects, refs, ci, overrideSetting);
        }
        catch (CheckpointException ex) when (overrideRef != null)
        {
            throw new CheckpointException(ex.Code, ex.Message + $" ({overrideSetting} '{baseRefOverride}' is ignored in CI; set origin's default branch with 'git remote set-head origin <branch>' before building)", ex);
        }

        if (overrideRef != null && !string.Equals(overrideRef, resolved.RefName, StringComparison.Ordinal))
        {
            var source = ci.PullRequestTargetVariable != null
                ? $"the pull request's target ({ci.PullRequestTargetVariable}={ci.PullRequestTarget})"
                : $"{resolved.Source} ({resolved.RefName})";
            var notice = $"{overrideSetting} '{baseRefOverride}' was ignored: in CI the base is {source}, never a value the branch can set";
            return new ResolvedBase(resolved.RefName, resolved.Commit, resolved.Tree, resolved.Source, notice);
        }

        return resolved;
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

    private static ResolvedBase ResolveDefault(GitObjectReader objects, GitRefs refs, CiEnvironment ci, string overrideSetting)
    {
        if (ci.PullRequestTarget != null)
        {
            return Require(objects, refs, ToFullRefName(ci.PullRequestTarget), ci.PullRequestTargetVariable!, null);
        }

        var head = refs.Find(RemotePrefix + "HEAD")?.SymbolicTarget;
        if (head != null && head.StartsWith(RemotePrefix, StringComparison.Ordinal) && refs.Find(head) != null)
        {
            return Require(objects, refs, head, "origin/HEAD", null);
        }

        foreach (var name in new[] { "main", "master" })
        {
            if (refs.Find(RemotePrefix + name) != null)
            {
                return Require(objects, refs, RemotePrefix + name, "origin/" + name, null);
            }
        }

        throw new CheckpointException(
            GateCodes.DiffUnavailable,
            $"no base ref: none of refs/remotes/origin/HEAD, origin/main or origin/master exists; fetch the target branch, or name origin's default branch with 'git remote set-head origin <branch>' (outside CI, {overrideSetting} also works)");
    }

    private static ResolvedBase Require(GitObjectReader objects, GitRefs refs, string refName, string source, string? notice)
    {
        if (!GitRefName.IsValid(refName))
        {
            throw new CheckpointException(GateCodes.DiffUnavailable, $"base ref '{refName}' (from {source}) is not a valid ref name");
        }

        var reference = refs.Find(refName) ?? throw new CheckpointException(
            GateCodes.DiffUnavailable,
            $"base ref '{refName}' (from {source}) does not exist; fetch it (in GitHub Actions: actions/checkout with fetch-depth: 0)");
        var commit = objects.ReadCommit(reference.ObjectId) ?? throw new CheckpointException(
            GateCodes.DiffUnavailable,
            $"base ref '{refName}' (from {source}) does not point to a commit");
        return new ResolvedBase(refName, commit.Id, commit.Tree, source, notice);
    }
}
