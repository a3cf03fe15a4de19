using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Checkpoint.Core.Gate;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using CoreGate = Checkpoint.Core.Gate.CheckpointGate;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// Computes the gate's verdict for one repository, once per build, and writes its messages. It
/// runs inside build/Checkpoint.Gate.proj, which every project of the build calls with the same
/// global properties (see <see cref="CheckpointGateScope"/>); each project then renders the
/// returned verdict with <see cref="CheckpointGateResult"/>.
/// </summary>
/// <remarks>
/// The task decides nothing itself: it renders the one verdict that <c>checkpoint verify</c>
/// also renders. The only thing it decides is whether a local build may skip the gate, and the
/// input to that decision (is this CI?) comes from the real process environment.
/// </remarks>
public sealed class CheckpointGate : Task
{
    internal const string SkippedOutcome = "Skipped";

    /// <summary>The repository (or, outside one, the project) directory that <see cref="CheckpointGateScope"/> chose.</summary>
    public string? RepositoryDirectory { get; set; }

    /// <summary><c>$(CheckpointBaseRef)</c>.</summary>
    public string? BaseRef { get; set; }

    /// <summary>Why a local build asked to skip the gate; ignored in CI.</summary>
    public string? SkipReason { get; set; }

    /// <summary>
    /// One item: the outcome (<c>Approved</c>, <c>NotGated</c>, <c>GateUnavailable</c>, <c>Failed</c>
    /// or <c>Skipped</c>) with metadata <c>Passed</c> (<c>true</c>/<c>false</c>) and <c>Code</c>
    /// (the first error's code).
    /// </summary>
    [Output]
    public ITaskItem[] Verdict { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        // Started before Run is compiled, so the first line below includes loading Checkpoint.Core.
        _sinceStart = Stopwatch.StartNew();
        try
        {
            Verdict = new[] { Run() };
        }
        catch (Exception ex)
        {
            // Fail closed: whatever broke, the build does not pass the gate.
            GateLogging.Error(Log, GateLogging.FailClosedCode, RepositoryDirectory, "The Checkpoint gate could not run and fails closed: " + ex.Message);
            Verdict = new[] { VerdictItem(nameof(GateOutcome.Failed), passed: false, GateLogging.FailClosedCode) };
        }

        // A verdict was produced, even a failing one: returning true hands it to every calling
        // project, which then fails with one short line (CheckpointGateResult). The errors above
        // already fail the build on their own.
        return true;
    }

    private ITaskItem Run()
    {
        if (string.IsNullOrWhiteSpace(RepositoryDirectory))
        {
            GateLogging.Error(Log, GateLogging.FailClosedCode, null, "The Checkpoint gate was called without a directory and fails closed.");
            return VerdictItem(nameof(GateOutcome.Failed), passed: false, GateLogging.FailClosedCode);
        }

        var environment = ProcessEnvironment.Snapshot();
        if (!string.IsNullOrEmpty(SkipReason))
        {
            if (!ProcessEnvironment.IsContinuousIntegration(environment))
            {
                Log.LogMessage(MessageImportance.Normal, "Checkpoint gate skipped in this local build: {0}.", SkipReason);
                return VerdictItem(SkippedOutcome, passed: true, code: string.Empty);
            }

            Log.LogMessage(MessageImportance.High, "Checkpoint: {0} is ignored in CI; the gate runs.", SkipReason);
        }

        var directory = RepositoryDirectory!;
        var key = CacheKey.For(directory, BaseRef);
        var engine = (IBuildEngine4)BuildEngine;
        GateVerdict verdict;
        var firstReport = false;
        lock (EvaluationLock)
        {
            // The shared project normally makes this the only evaluation of the build; the
            // registered verdict also covers callers whose global properties differ (and so
            // get their own instance of the shared project) on the same node.
            if (engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is GateVerdict cached)
            {
                verdict = cached;
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "Checkpoint gate: task started {0} ms before the evaluation.", Milliseconds(_sinceStart));
                var request = new GateRequest(directory)
                {
                    BaseRef = string.IsNullOrWhiteSpace(BaseRef) ? null : BaseRef!.Trim(),
                    Environment = environment,
                    Now = DateTimeOffset.UtcNow,
                    Timings = line => Log.LogMessage(MessageImportance.Low, "{0}", line),
                };
                verdict = CoreGate.Evaluate(request);
                engine.RegisterTaskObject(key, verdict, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
                firstReport = true;
                Log.LogMessage(MessageImportance.Normal, "Checkpoint gate evaluated for {0}: {1}.", verdict.RepositoryRoot ?? directory, verdict.Outcome);
            }
        }

        if (firstReport)
        {
            Report(verdict, verdict.RepositoryRoot ?? directory);
            Log.LogMessage(MessageImportance.Low, "Checkpoint gate: task done after {0} ms.", Milliseconds(_sinceStart));
        }

        return VerdictItem(verdict.Outcome.ToString(), verdict.Passed, FirstErrorCode(verdict) ?? (verdict.Passed ? string.Empty : GateLogging.FailClosedCode));
    }

    /// <summary>
    /// Static state lives as long as the task's load context, which MSBuild keeps per task
    /// assembly path for the life of the node: one lock per node.
    /// </summary>
    private static readonly object EvaluationLock = new object();

    private Stopwatch _sinceStart = new Stopwatch();

    private static string Milliseconds(Stopwatch watch) =>
        watch.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    private void Report(GateVerdict verdict, string repository)
    {
        var loggedError = false;
        foreach (var message in verdict.Messages)
        {
            // Full paths, so an IDE or a CI annotation can open the file the message is about.
            var file = message.File == null ? repository : Path.Combine(repository, message.File);
            switch (message.Severity)
            {
                case GateSeverity.Error:
                    GateLogging.Error(Log, string.IsNullOrEmpty(message.Code) ? GateLogging.FailClosedCode : message.Code, file, message.Text);
                    loggedError = true;
                    break;
                case GateSeverity.Warning:
                    GateLogging.Warning(Log, message.Code, file, message.Text);
                    break;
                default:
                    // Info lines (and the verdict's notices, which Messages already holds) are
                    // written as the gate phrased them, so the task and the tool print the same text.
                    Log.LogMessage(MessageImportance.High, "{0}", message.Text);
                    break;
            }
        }

        if (!verdict.Passed && !loggedError)
        {
            GateLogging.Error(Log, GateLogging.FailClosedCode, repository, "The Checkpoint gate failed without giving a reason; failing closed.");
        }
    }

    private static string? FirstErrorCode(GateVerdict verdict)
    {
        foreach (var message in verdict.Messages)
        {
            if (message.Severity == GateSeverity.Error && !string.IsNullOrEmpty(message.Code))
            {
                return message.Code;
            }
        }

        return null;
    }

    private static TaskItem VerdictItem(string outcome, bool passed, string code)
    {
        var item = new TaskItem(outcome);
        item.SetMetadata("Passed", passed ? "true" : "false");
        item.SetMetadata("Code", code);
        return item;
    }
}
