namespace Checkpoint.Core.Policy;

/// <summary>Which branches the gate applies to.</summary>
public enum GateScope
{
    /// <summary>Branches with an agent signal (the default). Signals can be forged or omitted.</summary>
    AgentBranches,

    /// <summary>Every branch that is not protected, whoever made it.</summary>
    AllBranches,
}
