namespace Checkpoint.EndToEnd.Tests;

/// <summary>Lines the gate task writes that the tests look for.</summary>
public static class GateLog
{
    /// <summary>Written (at normal verbosity) each time the task actually evaluates the gate.</summary>
    public const string Evaluated = "Checkpoint gate evaluated";
}
