using System;
using Microsoft.Build.Framework;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// The gate's steps in each project. Before the compiler (<see cref="Enforce"/> false) it keeps the
/// verdict for the node and sets the outcome, and fails only when there is no verdict at all; right
/// after the compiler (<see cref="Enforce"/> true) it fails the project unless the verdict passed,
/// so that the compiler's diagnostics and the gate's verdict are both in the build, and nothing
/// compiled is copied or run before the verdict passes. The full messages were written once by
/// <see cref="CheckpointGate"/>; each failing project adds one short line so that its own failure
/// has a stated cause.
/// </summary>
public sealed class CheckpointGateResult : GateTask
{
    /// <summary>What Checkpoint.Gate.proj returned: exactly one verdict item.</summary>
    public ITaskItem[]? Verdict { get; set; }

    /// <summary>The global properties the verdict was asked for, under which it is remembered for the node.</summary>
    public ITaskItem[]? GateProperties { get; set; }

    /// <summary>The project being built, named in its error line.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Fail the project unless the verdict passed (after the compiler); otherwise only a missing verdict fails it.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>The verdict's outcome, for targets that run after the gate.</summary>
    [Output]
    public string Outcome { get; private set; } = string.Empty;

    protected override string FailureContext => "could not read its verdict";

    protected override string? FailureFile => ProjectFile;

    protected override bool Run()
    {
        if (Verdict == null || Verdict.Length != 1)
        {
            // Fail closed: no verdict (a removed or broken shared project) is not a pass.
            GateLogging.Error(Log, GateLogging.FailClosedCode, ProjectFile, "The Checkpoint gate returned no verdict for this project; failing closed.");
            return false;
        }

        var verdict = Verdict[0];
        Outcome = verdict.ItemSpec;
        if (GateProperties != null && GateProperties.Length > 0)
        {
            SharedVerdict.Remember(BuildEngine, SharedVerdict.KeyFor(GateProperties), verdict);
        }

        if (string.Equals(verdict.GetMetadata("Passed"), "true", StringComparison.Ordinal))
        {
            Log.LogMessage(MessageImportance.Low, "Checkpoint gate: {0}.", Outcome);
            return true;
        }

        if (!Enforce)
        {
            Log.LogMessage(MessageImportance.Low, "Checkpoint gate: {0}; the compiler runs for its diagnostics, and the project fails right after it.", Outcome);
            return true;
        }

        var code = verdict.GetMetadata("Code");
        if (string.IsNullOrEmpty(code))
        {
            code = GateLogging.FailClosedCode;
        }

        GateLogging.Error(Log, code, ProjectFile, $"The Checkpoint gate failed for this repository ({code}); the errors above give the reason and the fix.");
        return false;
    }

    protected override bool OnFailure() => false;
}
