using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;
using Microsoft.Build.Framework;
using CoreGate = Checkpoint.Core.Gate.CheckpointGate;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// Computes the gate's verdict for one repository, once per build, and writes its messages. It
/// runs inside build/Checkpoint.Gate.proj, which every project of the build calls with the same
/// global properties (see <see cref="CheckpointGateScope"/>); each project then renders the
/// returned verdict with <see cref="CheckpointGateResult"/>.
/// </summary>
/// <remarks>
/// The task decides nothing itself: it renders the one verdict that <c>checkpoint verify</c> also
/// renders. Whether a skip request counts was decided by <see cref="CheckpointGateScope"/>.
/// </remarks>
public sealed class CheckpointGate : GateTask
{
    internal const string SkippedOutcome = "Skipped";

    private Stopwatch _sinceStart = new Stopwatch();

    /// <summary>The repository (or, outside one, the project) directory that <see cref="CheckpointGateScope"/> chose.</summary>
    public string? RepositoryDirectory { get; set; }

    /// <summary><c>$(CheckpointBaseRef)</c>.</summary>
    public string? BaseRef { get; set; }

    /// <summary>Why this local build skips the gate; always empty in CI (<see cref="CheckpointGateScope"/> decides).</summary>
    public string? SkipReason { get; set; }

    /// <summary>
    /// One item: the outcome (<c>Approved</c>, <c>NotGated</c>, <c>GateUnavailable</c>, <c>Failed</c>
    /// or <c>Skipped</c>) with metadata <c>Passed</c> (<c>true</c>/<c>false</c>) and <c>Code</c>
    /// (the first error's code).
    /// </summary>
    [Output]
    public ITaskItem[] Verdict { get; private set; } = Array.Empty<ITaskItem>();

    protected override string FailureContext => "could not run";

    protected override string? FailureFile => RepositoryDirectory;

    protected override bool Run()
    {
        // Started before Evaluate is compiled, so the first line below includes loading Checkpoint.Core.
        _sinceStart = Stopwatch.StartNew();
        Verdict = new[] { Evaluate() };

        // A verdict was produced, even a failing one: returning true hands it to every calling
        // project, which then fails with one short line (CheckpointGateResult). The errors
        // written here already fail the build on their own.
        return true;
    }

    protected override bool OnFailure()
    {
        Verdict = new[] { VerdictItem(nameof(GateOutcome.Failed), passed: false, GateLogging.FailClosedCode) };
        return true;
    }

    private ITaskItem Evaluate()
    {
        if (string.IsNullOrWhiteSpace(RepositoryDirectory))
        {
            GateLogging.Error(Log, GateLogging.FailClosedCode, null, "The Checkpoint gate was called without a directory and fails closed.");
            return VerdictItem(nameof(GateOutcome.Failed), passed: false, GateLogging.FailClosedCode);
        }

        if (!string.IsNullOrEmpty(SkipReason))
        {
            Log.LogMessage(MessageImportance.Normal, "Checkpoint gate skipped in this local build: {0}.", SkipReason);
            return VerdictItem(SkippedOutcome, passed: true, code: string.Empty);
        }

        var directory = RepositoryDirectory!;
        Log.LogMessage(MessageImportance.Low, "Checkpoint gate: task started {0} ms before the evaluation.", Milliseconds(_sinceStart));
        var verdict = CoreGate.Evaluate(new GateRequest(directory)
        {
            BaseRef = string.IsNullOrWhiteSpace(BaseRef) ? null : BaseRef!.Trim(),
            Environment = EnvironmentSnapshot.Current(),
            Now = DateTimeOffset.UtcNow,
            Timings = line => Log.LogMessage(MessageImportance.Low, "{0}", line),
        });
        Log.LogMessage(MessageImportance.Normal, "Checkpoint gate evaluated for {0}: {1}.", verdict.RepositoryRoot ?? directory, verdict.Outcome);
        Report(verdict, verdict.RepositoryRoot ?? directory);
        Log.LogMessage(MessageImportance.Low, "Checkpoint gate: task done after {0} ms.", Milliseconds(_sinceStart));

        var item = VerdictItem(verdict.Outcome.ToString(), verdict.Passed, FirstErrorCode(verdict) ?? (verdict.Passed ? string.Empty : GateLogging.FailClosedCode));
        SharedVerdict.Remember(BuildEngine, SharedVerdict.KeyFor(directory, (BaseRef ?? string.Empty).Trim(), SkipReason ?? string.Empty), item);
        return item;
    }

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
}
