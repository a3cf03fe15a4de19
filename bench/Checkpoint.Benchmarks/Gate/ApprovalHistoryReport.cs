using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Checkpoint.Core.Gate;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>
/// Benchmark 6: the count of past approvals never matters. The same approved agent branch is
/// evaluated (in process, <see cref="CheckpointGate.Evaluate"/>, warm) on a base with
/// <see cref="ApprovalHistoryRepository.MergedApprovals"/> merged approvals, on one with none, and,
/// as a control, on one with as many tracked files that are not approvals. Goal: the evaluation
/// costs the same (±10%) with the approvals as without. The report also gives each step's median,
/// because one step, the working-tree check (<c>git status</c>), must read git's index, whose size
/// grows with every tracked file of the checkout, approvals or not.
/// </summary>
public static partial class ApprovalHistoryReport
{
    public static bool Run(TextWriter output, int repetitions)
    {
        output.WriteLine($"## Benchmark 6: a base with {ApprovalHistoryRepository.MergedApprovals:N0} merged approvals against one with none");
        var files = 2 * ApprovalHistoryRepository.MergedApprovals;
        var repositories = new[]
        {
            ApprovalHistoryRepository.OpenOrCreate(output, ApprovalHistoryRepository.MergedApprovals),
            ApprovalHistoryRepository.OpenOrCreate(output, 0, files),
            ApprovalHistoryRepository.OpenOrCreate(output, 0),
        };
        var times = repositories.Select(_ => new List<TimeSpan>()).ToArray();
        var steps = repositories.Select(_ => new Dictionary<string, List<double>>()).ToArray();
        var ok = true;
        for (var i = 0; i <= repetitions; i++)
        {
            // Round robin, so that load on the shared machine hits all alike; the first round warms up.
            for (var r = 0; r < repositories.Length; r++)
            {
                var (time, evaluated, line) = Evaluate(output, repositories[r]);
                ok &= evaluated;
                if (i > 0)
                {
                    times[r].Add(time);
                    foreach (Match step in Step().Matches(line))
                    {
                        var name = step.Groups["name"].Value;
                        if (!steps[r].TryGetValue(name, out var list))
                        {
                            steps[r][name] = list = new List<double>();
                        }

                        list.Add(double.Parse(step.Groups["ms"].Value, CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        output.WriteLine($"runs (after one warm-up round): {repetitions}");
        for (var r = 0; r < repositories.Length; r++)
        {
            output.WriteLine($"{repositories[r].Name}, median: {Ms(Median(times[r]))}  (runs: {string.Join(", ", times[r].Select(Ms))})");
        }

        output.WriteLine("median of each step (ms): " + string.Join(" | ", repositories.Select(r => r.Name)));
        foreach (var name in steps[0].Keys)
        {
            output.WriteLine($"  {name}: " + string.Join(" | ", steps.Select(s => s.TryGetValue(name, out var v) ? Median(v).ToString("0", CultureInfo.InvariantCulture) : "-")));
        }

        double WithoutStatus(int r) => steps[r].Where(p => p.Key != "working tree").Sum(p => Median(p.Value));
        var ratio = Median(times[0]) / Median(times[2]);
        var withoutStatus = WithoutStatus(0) / WithoutStatus(2);
        output.WriteLine($"ratio 10,000 approvals / none: {ratio:0.000}  (goal 0.90-1.10: {(ratio >= 0.9 && ratio <= 1.1 ? "met" : "MISSED")})");
        output.WriteLine($"ratio without the working-tree step: {withoutStatus:0.000}  (goal 0.90-1.10: {(withoutStatus >= 0.9 && withoutStatus <= 1.1 ? "met" : "MISSED")})");
        output.WriteLine($"ratio 10,000 approvals / 20,000 other files: {Median(times[0]) / Median(times[1]):0.000}");
        return ok;
    }

    private static (TimeSpan Time, bool Ok, string Timings) Evaluate(TextWriter output, ApprovalHistoryRepository repository)
    {
        string? timings = null;
        var watch = Stopwatch.StartNew();
        var verdict = CheckpointGate.Evaluate(new GateRequest(repository.Path)
        {
            Environment = ApprovalHistoryRepository.Environment,
            Now = DateTimeOffset.UtcNow,
            Timings = line => timings = line,
        });
        watch.Stop();
        if (verdict.Outcome != GateOutcome.Approved || verdict.Approvals.Count != 1)
        {
            output.WriteLine($"FAIL: {repository.Name}: {verdict.Outcome}, {verdict.Approvals.Count} approvals read:\n  " + string.Join("\n  ", verdict.Messages));
            return (watch.Elapsed, false, string.Empty);
        }

        return (watch.Elapsed, true, timings ?? string.Empty);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"(?<name>[a-z][a-z -]*?) (?<ms>\d+) ms(?=[,)])")]
    private static partial Regex Step();

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
