using Checkpoint.Core.Gate;
using Xunit.Sdk;

namespace Checkpoint.Testing;

public static class VerdictAssert
{
    /// <summary>Asserts the outcome and, on failure, shows every line the gate printed.</summary>
    public static void Outcome(GateOutcome expected, GateVerdict verdict)
    {
        if (verdict.Outcome != expected)
        {
            throw new XunitException($"Expected {expected}, got {verdict.Outcome}:\n  " + string.Join("\n  ", verdict.Messages));
        }
    }

    /// <summary>Asserts the build fails with exactly one error, of <paramref name="code"/>, and returns it.</summary>
    public static GateMessage FailsWith(string code, GateVerdict verdict)
    {
        Outcome(GateOutcome.Failed, verdict);
        var errors = verdict.Errors.ToList();
        if (errors.Count != 1 || errors[0].Code != code)
        {
            throw new XunitException($"Expected one {code} error, got:\n  " + string.Join("\n  ", verdict.Messages));
        }

        return errors[0];
    }
}
