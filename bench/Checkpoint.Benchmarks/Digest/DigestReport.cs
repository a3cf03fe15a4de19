using System.Diagnostics;
using System.Globalization;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Benchmarks.Digest;

/// <summary>Benchmark 3 as a report: the gate's <see cref="DiffDigest"/> against the git + sha256sum floor.</summary>
public static class DigestReport
{
    public static bool Run(TextWriter output, int repetitions)
    {
        output.WriteLine("## Benchmark 3: diff digest against git diff-tree + cat-file --batch | sha256sum");
        var repository = SyntheticRepository.OpenOrCreate(output);
        var git = GitRepository.Open(repository.Path);
        var digestTimes = new List<TimeSpan>();
        var floorTimes = new List<TimeSpan>();
        DiffDigest? digest = null;
        for (var i = 0; i <= repetitions; i++)
        {
            // Alternate so that page-cache state and machine load hit both the same way.
            var watch = Stopwatch.StartNew();
            DigestFloor.Run(repository);
            var floor = watch.Elapsed;
            watch.Restart();
            digest = DiffDigest.Compute(git, repository.BaseCommit, repository.HeadCommit);
            var compute = watch.Elapsed;
            if (i > 0)
            {
                floorTimes.Add(floor);
                digestTimes.Add(compute);
            }
        }

        var bytes = BlobBytes(repository);
        output.WriteLine($"repository: {SyntheticRepository.FileCount} files, {SyntheticRepository.ChangedCount} changed on '{SyntheticRepository.Branch}', {bytes / (1024.0 * 1024.0):0.0} MiB of old + new blob content; {repository.Path}");
        output.WriteLine($"digest: {digest!.Digest}, {digest.Entries.Count} entries");
        var ok = digest.Entries.Count == SyntheticRepository.ChangedCount;
        if (!ok)
        {
            output.WriteLine($"FAIL: the digest has {digest.Entries.Count} entries, expected {SyntheticRepository.ChangedCount}.");
        }

        var floorMedian = Median(floorTimes);
        var digestMedian = Median(digestTimes);
        var ratio = digestMedian / floorMedian;
        output.WriteLine($"runs (after one warm-up): {repetitions}");
        output.WriteLine($"floor, median:      {Ms(floorMedian)}  (runs: {string.Join(", ", floorTimes.Select(Ms))})");
        output.WriteLine($"DiffDigest, median: {Ms(digestMedian)}  (runs: {string.Join(", ", digestTimes.Select(Ms))})");
        output.WriteLine($"ratio DiffDigest / floor: {ratio:0.00}  (goal <= 1.50: {(ratio <= 1.5 ? "met" : "MISSED")})");
        return ok;
    }

    private static long BlobBytes(SyntheticRepository repository)
    {
        var ids = SyntheticRepository.Git(repository.Path, null, "diff-tree", "-r", "--raw", "--no-renames", repository.BaseCommit, repository.HeadCommit)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => line.Split(' ', '\t').Skip(2).Take(2))
            .Where(id => id.Trim('0').Length > 0)
            .ToList();
        var sizes = SyntheticRepository.Git(repository.Path, System.Text.Encoding.ASCII.GetBytes(string.Join('\n', ids) + "\n"), "cat-file", "--batch-check=%(objectsize)");
        return sizes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(s => long.Parse(s, CultureInfo.InvariantCulture));
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
