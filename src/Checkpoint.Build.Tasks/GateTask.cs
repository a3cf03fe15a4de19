using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// The gate's tasks share one way to fail: closed, in one line with a code and a help link, never
/// with MSBuild's report of a task exception (a stack trace). Each task is otherwise a few lines
/// around Checkpoint.Core, which knows nothing about MSBuild.
/// </summary>
public abstract class GateTask : Task
{
    public sealed override bool Execute()
    {
        try
        {
            return Run();
        }
        catch (Exception ex)
        {
            GateLogging.Error(Log, GateLogging.FailClosedCode, FailureFile, $"The Checkpoint gate {FailureContext} and fails closed: " + ex.Message);
            return OnFailure();
        }
    }

    /// <summary>What the task does; false fails the project.</summary>
    protected abstract bool Run();

    /// <summary>The task's state after an unexpected failure, and the value Execute returns then.</summary>
    protected abstract bool OnFailure();

    /// <summary>How the failure line describes what went wrong: "could not run".</summary>
    protected abstract string FailureContext { get; }

    /// <summary>The file the failure line names, if any.</summary>
    protected virtual string? FailureFile => null;

    /// <summary>A verdict item: the outcome with metadata <c>Passed</c> and <c>Code</c>.</summary>
    protected static ITaskItem VerdictItem(string outcome, bool passed, string code)
    {
        var item = new TaskItem(outcome);
        item.SetMetadata("Passed", passed ? "true" : "false");
        item.SetMetadata("Code", code);
        return item;
    }
}
