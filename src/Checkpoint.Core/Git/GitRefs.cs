using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Core.Git;

/// <summary>
/// The refs the gate needs, listed by one <c>git for-each-ref</c>: local branches, origin's
/// remote-tracking refs, and any full refname asked for. Lookups are by exact full refname, so a
/// branch or tag named <c>origin/main</c> (or <c>refs/remotes/origin/main</c>) never stands in for
/// the remote-tracking ref, as rev-parse's shortening rules would let it.
/// </summary>
public sealed class GitRefs
{
    private readonly Dictionary<string, GitRef> _byName;

    internal GitRefs(IEnumerable<GitRef> refs, string? currentBranchRef)
    {
        _byName = new Dictionary<string, GitRef>(StringComparer.Ordinal);
        foreach (var reference in refs)
        {
            _byName[reference.Name] = reference;
        }

        CurrentBranchRef = currentBranchRef;
    }

    /// <summary>Every ref listed, by full name.</summary>
    public IReadOnlyCollection<GitRef> All => _byName.Values;

    /// <summary>The full name of the branch HEAD points to (<c>refs/heads/x</c>); null for a detached or unborn HEAD.</summary>
    public string? CurrentBranchRef { get; }

    /// <summary>The branch HEAD points to, without <c>refs/heads/</c>.</summary>
    public string? CurrentBranch =>
        CurrentBranchRef is string name && name.StartsWith("refs/heads/", StringComparison.Ordinal) ? name.Substring("refs/heads/".Length) : CurrentBranchRef;

    /// <summary>The ref with exactly this full name, or null.</summary>
    public GitRef? Find(string fullName) => _byName.TryGetValue(fullName, out var found) ? found : null;

    /// <summary>The refs whose full name starts with <paramref name="prefix"/>.</summary>
    public IEnumerable<GitRef> Under(string prefix) =>
        _byName.Values.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.Name, StringComparer.Ordinal);
}
