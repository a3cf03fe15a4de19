namespace Checkpoint.Testing;

/// <summary>Lines the gate task writes that the tests look for.</summary>
public static class GateLog
{
    /// <summary>Written (at normal verbosity) each time the task actually evaluates the gate.</summary>
    public const string Evaluated = "Checkpoint gate evaluated";

    /// <summary>Written (at detailed verbosity) by a project that takes the verdict an earlier project on its node received.</summary>
    public const string VerdictReused = "Checkpoint gate: verdict already received on this node:";
}
