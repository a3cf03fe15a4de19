using System.Globalization;
using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Tests.Fixtures;
using Checkpoint.EndToEnd.Tests;
using ChildProcess = Checkpoint.EndToEnd.Tests.ProcessRunner;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// Huge diffs in bounded memory. The gate runs in a child process (<see cref="MemoryProbe"/>) so its
/// peak working set is its own; the growth over a tiny repository's run is what is bounded. CI runs
/// 20,000 files and a 256 MB blob; CHECKPOINT_HEAVY_TESTS=1 adds 100,000 files and a 2 GB blob.
/// </summary>
public sealed class HugeDiffTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void TwentyThousandChangedFiles_AreDigestedInBoundedMemory() => ManyChangedFiles(20_000);

    [HeavyFact]
    public void HundredThousandChangedFiles_AreDigestedInBoundedMemory() => ManyChangedFiles(100_000);

    [Fact]
    public void Blob256MB_IsStreamedNotLoaded() => LargeBlob(256 * MiB);

    [HeavyFact]
    public void Blob2GB_IsStreamedNotLoaded() => LargeBlob(2048 * MiB);

    private static void ManyChangedFiles(int count)
    {
        using var repo = TestRepository.Create();
        repo.Branch(Scenario.AgentBranch);
        for (int i = 0; i < count; i++)
        {
            string path = Path.Combine(repo.Root, "generated", (i / 1000).ToString("D3", CultureInfo.InvariantCulture), $"file{i}.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"generated file {i}\n");
        }

        repo.Commit("Generate", TestRepository.CopilotAuthor);

        Measurement baseline = Baseline();
        Measurement huge = Measure(repo.Root);

        Assert.True(huge.Outcome == "Failed" && huge.Errors.Contains("CHK100", StringComparison.Ordinal), huge.Output);
        Assert.StartsWith("sha256:", huge.Digest, StringComparison.Ordinal);
        // About 1 KB per changed file at most: the entries must be kept, their contents must not.
        long growth = huge.PeakBytes - baseline.PeakBytes;
        Assert.True(growth < count * 1024L, $"peak working set grew by {growth / MiB} MiB for {count} files (baseline {baseline.PeakBytes / MiB} MiB)");
    }

    private static void LargeBlob(long size)
    {
        using var repo = TestRepository.Create();
        repo.Branch(Scenario.AgentBranch);
        // A sparse file: the blob is huge for git and the gate, cheap for the disk.
        using (FileStream blob = File.Create(Path.Combine(repo.Root, "data.bin")))
        {
            blob.SetLength(size);
        }

        repo.Write("data.txt", "a large binary next to a small file\n").Commit("Add data", TestRepository.CopilotAuthor);

        Measurement baseline = Baseline();
        Measurement large = Measure(repo.Root);

        Assert.True(large.Outcome == "Failed" && large.Errors.Contains("CHK100", StringComparison.Ordinal), large.Output);
        long growth = large.PeakBytes - baseline.PeakBytes;
        Assert.True(growth < size / 8, $"peak working set grew by {growth / MiB} MiB for a {size / MiB} MiB blob (baseline {baseline.PeakBytes / MiB} MiB)");
    }

    /// <summary>The same child process on a one-commit repository: the runtime's own footprint.</summary>
    private static Measurement Baseline()
    {
        using TestRepository small = Scenario.AgentChange();
        return Measure(small.Root);
    }

    private static Measurement Measure(string repository)
    {
        string dotnet = Executables.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        ProcessResult result = ChildProcess.Run(
            dotnet,
            [Path.Combine(AppContext.BaseDirectory, "Checkpoint.Bypass.Tests.dll"), MemoryProbe.Command, repository],
            repository,
            ProcessEnvironment.WithoutCiOrMSBuild(),
            TimeSpan.FromMinutes(10));
        Assert.True(result.Succeeded, result.ToString());
        Dictionary<string, string> values = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        return new Measurement(values["outcome"], values["digest"], values["errors"], long.Parse(values["peak"], CultureInfo.InvariantCulture), result.Output);
    }

    private sealed record Measurement(string Outcome, string Digest, string Errors, long PeakBytes, string Output);
}
