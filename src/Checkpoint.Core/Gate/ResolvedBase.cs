namespace Checkpoint.Core.Gate;

/// <summary>The base the branch is compared with.</summary>
public sealed class ResolvedBase
{
    public ResolvedBase(string refName, string commit, string source, string? notice)
    {
        RefName = refName;
        Commit = commit;
        Source = source;
        Notice = notice;
    }

    /// <summary>Full refname, e.g. <c>refs/remotes/origin/main</c>.</summary>
    public string RefName { get; }

    public string Commit { get; }

    /// <summary>Where the choice came from: "CheckpointBaseRef", "GITHUB_BASE_REF", "origin/HEAD"...</summary>
    public string Source { get; }

    /// <summary>Set when an override was ignored, and why.</summary>
    public string? Notice { get; }
}
