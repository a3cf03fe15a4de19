using System.Diagnostics;
using System.Globalization;
using Checkpoint.Core.Audit;

namespace Checkpoint.Benchmarks.Audit;

/// <summary>
/// Benchmark 7: <c>checkpoint audit</c>'s work (<see cref="HistoryAudit.Run"/>, in process) over a
/// protected branch with <see cref="AuditHistoryRepository.MergedChanges"/> merged changes and half
/// as many approvals, each verified against the trust of its own time. Goal: under 10 s, with a
/// number of git processes that does not grow with the history. The first run is reported on its
/// own: a scheduled audit runs once, in a fresh process.
/// </summary>
public static class HistoryAuditBenchmarkReport
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(10);

    public static bool Run(TextWriter output, int repetitions, int changes = AuditHistoryRepository.MergedChanges)
    {
        var repository = AuditHistoryRepository.OpenOrCreate(output, changes);
        output.WriteLine($"## Benchmark 7: audit of {repository.Changes:N0} merged changes with {repository.Approvals:N0} approvals");
        var times = new List<TimeSpan>();
        AuditReport? last = null;
        var ok = true;
        for (var i = 0; i <= repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            var report = HistoryAudit.Run(new AuditRequest(repository.Path));
            watch.Stop();
            ok &= Check(output, repository, report);
            times.Add(watch.Elapsed);
            last = report;
        }

        var first = times[0];
        var rest = times.Skip(1).OrderBy(t => t).ToList();
        var median = rest.Count == 0 ? first : rest[rest.Count / 2];
        output.WriteLine($"commits read: {last!.CommitsRead:N0}; changes: {last.Changes.Count:N0}; approved: {last.Changes.Count(c => c.Approved):N0}; flagged: {last.Changes.Count(c => c.Flagged):N0}; git processes: {last.GitProcesses}; merge-bases from git: {last.MergeBasesFromGit}");
        output.WriteLine($"first run: {Seconds(first)}; median of the next {rest.Count}: {Seconds(median)}  (runs: {string.Join(", ", times.Select(Seconds))})");
        output.WriteLine("phases of the last run: " + string.Join(", ", last.Timings));
        var worst = times.Max();
        output.WriteLine($"goal under {Goal.TotalSeconds:0} s: {(worst < Goal ? "met" : "MISSED")} (slowest run {Seconds(worst)})");
        return ok;
    }

    private static bool Check(TextWriter output, AuditHistoryRepository repository, AuditReport report)
    {
        var approved = report.Changes.Where(c => c.Approved).ToList();
        var problems = new List<string>();
        if (report.Changes.Count != repository.Changes + 1)
        {
            problems.Add($"{report.Changes.Count} changes, expected {repository.Changes + 1} (the changes and the first commit)");
        }

        if (approved.Count != repository.Approvals || report.Changes.Count(c => c.Gated) != repository.Approvals)
        {
            problems.Add($"{approved.Count} approved and {report.Changes.Count(c => c.Gated)} gated, expected {repository.Approvals}");
        }

        if (report.Flagged)
        {
            problems.Add("flagged: " + string.Join("; ", report.Findings.Take(3)));
        }

        if (approved.Any(c => c.Approvals.Single().Record?.Operations.Single().Operation != AuditHistoryRepository.Operation))
        {
            problems.Add("an approval's recorded operation was not read back");
        }

        if (report.Changes.Count(c => c.Shape == ChangeShape.MergeCommit) != repository.MergeCommits)
        {
            problems.Add($"{report.Changes.Count(c => c.Shape == ChangeShape.MergeCommit)} merge commits, expected {repository.MergeCommits}");
        }

        foreach (var problem in problems)
        {
            output.WriteLine("FAIL: " + problem);
        }

        return problems.Count == 0;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
