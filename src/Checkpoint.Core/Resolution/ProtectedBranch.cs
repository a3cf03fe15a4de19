namespace Checkpoint.Core.Resolution;

/// <summary>A protected branch HEAD is on, as git proves it: HEAD is its remote tip, or in its history.</summary>
public sealed class ProtectedBranch
{
    public ProtectedBranch(string name, string refName, bool isTip)
    {
        Name = name;
        RefName = refName;
        IsTip = isTip;
    }

    /// <summary>The branch name that matched the policy's <c>protectedBranches</c>: <c>main</c>.</summary>
    public string Name { get; }

    /// <summary>The remote-tracking ref git compared HEAD with: <c>refs/remotes/origin/main</c>.</summary>
    public string RefName { get; }

    /// <summary>True when HEAD is the ref's tip; false when HEAD is an older commit of its history.</summary>
    public bool IsTip { get; }

    /// <summary>One clause for messages: <c>HEAD is the tip of refs/remotes/origin/main (protected branch 'main')</c>.</summary>
    public string Describe() =>
        $"HEAD is {(IsTip ? "the tip" : "in the history")} of {RefName} (protected branch '{Name}')";
}
