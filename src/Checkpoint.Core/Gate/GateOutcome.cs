namespace Checkpoint.Core.Gate;

/// <summary>The gate's decision.</summary>
public enum GateOutcome
{
    /// <summary>A gated branch whose diff carries enough valid approvals.</summary>
    Approved,

    /// <summary>A protected branch outside a pull request, or a branch with no agent signal under scope <c>agent-branches</c>.</summary>
    NotGated,

    /// <summary>Outside CI, a folder that is not a git repository: the gate cannot run and says so in one warning.</summary>
    GateUnavailable,

    /// <summary>The build must fail; <see cref="GateVerdict.Messages"/> holds at least one error.</summary>
    Failed,
}
