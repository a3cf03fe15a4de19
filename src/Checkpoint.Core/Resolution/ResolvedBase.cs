namespace Checkpoint.Core.Resolution;

/// <summary>The base the branch is compared with: the trust root its policy and signers come from.</summary>
public sealed class ResolvedBase
{
    public ResolvedBase(string refName, string commit, string tree, string source, string? notice)
    {
        RefName = refName;
        Commit = commit;
        Tree = tree;
        Source = source;
        Notice = notice;
    }

    /// <summary>Full refname, e.g. <c>refs/remotes/origin/main</c>.</summary>
    public string RefName { get; }

    /// <summary>The commit the ref points to: the base tip.</summary>
    public string Commit { get; }

    /// <summary>The base tip's root tree.</summary>
    public string Tree { get; }

    /// <summary>Where the choice came from: "CheckpointBaseRef", "GITHUB_BASE_REF", "origin/HEAD"...</summary>
    public string Source { get; }

    /// <summary>Set when an override was ignored, and why.</summary>
    public string? Notice { get; }
}
