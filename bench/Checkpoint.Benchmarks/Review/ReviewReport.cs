using System.Globalization;
using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Review;

/// <summary>
/// Benchmark 5: <c>checkpoint review</c> of the demo repository (demo.sh) takes under 5 s once the
/// merge-base's restore and evaluation are in the review cache. Each run is a fresh process of the
/// tool built from this source tree, as a user runs it. The first run fills the cache; the
/// <c>--no-build</c> runs show what git and the rendering alone cost.
/// </summary>
public static class ReviewReport
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(5);

    public static bool Run(TextWriter output, int repetitions)
    {
        output.WriteLine("## Benchmark 5: checkpoint review of the demo repository, merge-base cached");
        var demo = DemoRepository.Create(output);
        output.WriteLine($"repository: {demo.RepositoryDirectory}, branch {DemoRepository.Branch}; review cache {demo.CacheHome}");

        var cold = demo.Review();
        if (!Check(output, cold, "first review (fills the cache)"))
        {
            return false;
        }

        output.WriteLine($"first review (writes the merge-base's files, restores and evaluates them, compiles both sides): {Seconds(cold.Elapsed)}");
        var warm = new List<TimeSpan>();
        var gitOnly = new List<TimeSpan>();
        var ok = true;
        for (var i = 0; i <= repetitions; i++)
        {
            var review = demo.Review();
            var noBuild = demo.Review("--no-build");
            ok &= Check(output, review, "cached review");
            ok &= noBuild.Succeeded;
            if (i > 0)
            {
                warm.Add(review.Elapsed);
                gitOnly.Add(noBuild.Elapsed);
            }
        }

        var median = Median(warm);
        output.WriteLine($"runs (after one warm-up): {repetitions}");
        output.WriteLine($"review, merge-base cached, median: {Seconds(median)}  (runs: {string.Join(", ", warm.Select(Seconds))})  (goal < {Seconds(Goal)}: {(median < Goal ? "met" : "MISSED")})");
        output.WriteLine($"review --no-build, median:         {Seconds(Median(gitOnly))}  (runs: {string.Join(", ", gitOnly.Select(Seconds))})");
        return ok;
    }

    // The harness check: both destructive calls the agent added are found, attested by Alice.
    private static bool Check(TextWriter output, ProcessResult review, string what)
    {
        var lines = review.Output.Split('\n');
        var found = lines.Count(l => l.Contains("ADDED destructive Service/Cleanup.cs", StringComparison.Ordinal) && l.Contains("attested by alice@contoso.com", StringComparison.Ordinal));
        if (!review.Succeeded || found != 2)
        {
            output.WriteLine($"FAIL: {what}: exit code {review.ExitCode}, {found} of 2 added operations found.\n{review.OutputTail()}");
            return false;
        }

        return true;
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
