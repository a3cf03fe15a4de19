using System.Globalization;
using System.Text.RegularExpressions;
using Checkpoint.Core.Gate;
using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>
/// Benchmark 4: in a 30-project solution, the gate's git work happens once per build, and a no-op
/// incremental build with the gate costs under 10% more than one with the gate switched off
/// (<c>-p:CheckpointGateEnabled=false</c>, honoured only outside CI).
/// </summary>
public static partial class GateBuildReport
{
    public static bool Run(TextWriter output, int repetitions)
    {
        output.WriteLine("## Benchmark 4: once per build, and the gate's share of a no-op build (30 projects)");
        var solution = GatedSolution.Create(output);
        output.WriteLine($"solution: {GatedSolution.ProjectCount} projects in {solution.RepositoryDirectory}, branch {GatedSolution.Branch} with a signed approval");

        var first = solution.Build(restore: true);
        if (!first.Succeeded)
        {
            output.WriteLine("FAIL: the first build of the solution failed:\n" + first.OutputTail());
            return false;
        }

        output.WriteLine($"first build (restore + compile): {Seconds(first.Elapsed)}; gate evaluations: {Evaluations(first.Output)}; outcome: {Outcome(first.Output)}");
        var ok = true;
        var gated = new List<TimeSpan>();
        var disabled = new List<TimeSpan>();
        for (var i = 0; i <= repetitions; i++)
        {
            // Alternate, so that load on the shared machine hits both alike; the first pair warms up.
            var withGate = solution.Build(restore: false);
            var withoutGate = solution.Build(restore: false, "-p:CheckpointGateEnabled=false");
            ok &= Check(output, withGate, expectedEvaluations: 1, "with the gate");
            ok &= Check(output, withoutGate, expectedEvaluations: 0, "with the gate disabled");
            if (i > 0)
            {
                gated.Add(withGate.Elapsed);
                disabled.Add(withoutGate.Elapsed);
            }
        }

        // The gate's own cost, without MSBuild's noise: the same evaluation the task makes, in process.
        var evaluations = new List<TimeSpan>();
        for (var i = 0; i <= repetitions; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var verdict = CheckpointGate.Evaluate(new GateRequest(solution.RepositoryDirectory)
            {
                Environment = solution.Environment,
                Now = DateTimeOffset.UtcNow,
            });
            watch.Stop();
            if (verdict.Outcome != GateOutcome.Approved)
            {
                output.WriteLine($"FAIL: in-process evaluation gave {verdict.Outcome}: {string.Join(" | ", verdict.Messages.Select(m => m.Text))}");
                ok = false;
            }

            if (i > 0)
            {
                evaluations.Add(watch.Elapsed);
            }
        }

        // Where the gate's time goes, from one more gated build at diagnostic verbosity: MSBuild's own
        // timing of the task and target, and the task's timing line (each step and the git processes).
        var diagnostic = solution.Build(restore: false, "-v:diag", "-clp:PerformanceSummary");
        ok &= Check(output, diagnostic, expectedEvaluations: 1, "at diagnostic verbosity");

        // The baseline is the gate switched off, not absent: its projects still run the target's two
        // small tasks and ask for the (skipped) shared verdict. Measured too, so the share is not flattered.
        var diagnosticDisabled = solution.Build(restore: false, "-v:diag", "-clp:PerformanceSummary", "-p:CheckpointGateEnabled=false");
        ok &= Check(output, diagnosticDisabled, expectedEvaluations: 0, "disabled, at diagnostic verbosity");

        var gatedMedian = Median(gated);
        var disabledMedian = Median(disabled);
        var overhead = (gatedMedian - disabledMedian) / disabledMedian;
        output.WriteLine($"runs (after one warm-up pair): {repetitions}");
        output.WriteLine($"no-op build with the gate, median:      {Seconds(gatedMedian)}  (runs: {string.Join(", ", gated.Select(Seconds))})");
        output.WriteLine($"no-op build, gate disabled, median:     {Seconds(disabledMedian)}  (runs: {string.Join(", ", disabled.Select(Seconds))})");
        output.WriteLine($"gate's share of the no-op build: {overhead:P1}  (goal < 10%: {(overhead < 0.10 ? "met" : "MISSED")})");
        var evaluationMedian = Median(evaluations);
        output.WriteLine($"CheckpointGate.Evaluate in process, median: {Seconds(evaluationMedian)} = {evaluationMedian / disabledMedian:P1} of the gate-disabled no-op build  (runs: {string.Join(", ", evaluations.Select(Seconds))})");
        output.WriteLine($"gate evaluations per build: 1 (checked on every measured build)");
        output.WriteLine($"one more gated build at -v:diag ({Seconds(diagnostic.Elapsed)}):");
        output.WriteLine($"  MSBuild: CheckpointGate task {Summary(diagnostic.Output, TaskSummary())}, CheckpointGate target over all projects {Summary(diagnostic.Output, TargetSummary())}");
        output.WriteLine($"  task: {FirstLine(diagnostic.Output, TimingsLine())}");
        output.WriteLine($"  projects that took the verdict their node already had (no MSBuild call): {ReusedVerdicts(diagnostic.Output)} of {GatedSolution.ProjectCount}");
        output.WriteLine($"one more gate-disabled build at -v:diag ({Seconds(diagnosticDisabled.Elapsed)}): what the baseline still spends in the gate's target:");
        output.WriteLine($"  MSBuild: CheckpointGate target over all projects {Summary(diagnosticDisabled.Output, TargetSummary())}; projects that reused their node's verdict: {ReusedVerdicts(diagnosticDisabled.Output)}");
        return ok;
    }

    private static bool Check(TextWriter output, ProcessResult build, int expectedEvaluations, string what)
    {
        var evaluations = Evaluations(build.Output);
        var approved = expectedEvaluations == 0 || Outcome(build.Output) == "Approved";
        if (!build.Succeeded || evaluations != expectedEvaluations || !approved)
        {
            output.WriteLine($"FAIL: no-op build {what}: exit code {build.ExitCode}, {evaluations} gate evaluations (expected {expectedEvaluations}), outcome {Outcome(build.Output)}.\n{build.OutputTail()}");
            return false;
        }

        return true;
    }

    private static string Summary(string log, Regex line) =>
        line.Match(log) is { Success: true } match ? $"{match.Groups[1].Value} ms ({match.Groups[2].Value} calls)" : "(not in the performance summary)";

    private static string FirstLine(string log, Regex line) =>
        line.Match(log) is { Success: true } match ? match.Groups[1].Value.Trim() : "(no timing line)";

    // Task Performance Summary: "      194 ms  CheckpointGate                             1 calls"
    [GeneratedRegex(@"^\s*(\d+) ms\s+CheckpointGate\s+(1) calls", RegexOptions.Multiline)]
    private static partial Regex TaskSummary();

    // Target Performance Summary lists the target once with its total over every project.
    [GeneratedRegex(@"^\s*(\d+) ms\s+CheckpointGate\s+(\d{2,}) calls", RegexOptions.Multiline)]
    private static partial Regex TargetSummary();

    [GeneratedRegex(@"(Checkpoint gate timings: [^\r\n]*?)(\(TaskId:\d+\))?\r?$", RegexOptions.Multiline)]
    private static partial Regex TimingsLine();

    private static int ReusedVerdicts(string log) =>
        log.Split('\n').Count(line => line.Contains(GateLog.VerdictReused, StringComparison.Ordinal));

    private static int Evaluations(string log) =>
        log.Split('\n').Count(line => line.Contains(GateLog.Evaluated, StringComparison.Ordinal));

    private static string Outcome(string log) =>
        EvaluatedOutcome().Match(log) is { Success: true } match ? match.Groups[1].Value : "(no evaluation line)";

    [GeneratedRegex(GateLog.Evaluated + @" for .*: (\w+)\.")]
    private static partial Regex EvaluatedOutcome();

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
