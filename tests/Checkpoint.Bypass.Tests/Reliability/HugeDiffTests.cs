using System.Globalization;
using System.Text;
using Checkpoint.Bypass.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// Huge diffs in bounded memory. The gate runs in a child process (<see cref="MemoryProbe"/>) under
/// a hard GC heap limit (DOTNET_GCHeapHardLimit), so loading what should be streamed ends in an
/// OutOfMemoryException (which the gate turns into CHK106) instead of passing quietly; for blobs
/// the peak working set's growth over a tiny repository's run is bounded too. The full sizes
/// (100,000 files, a 2 GB blob) run in CI, about 25 s together; the smaller twins fail faster
/// and point at the cause when they do.
/// </summary>
public sealed class HugeDiffTests
{
    private const long MiB = 1024 * 1024;

    private readonly ITestOutputHelper _output;

    public HugeDiffTests(ITestOutputHelper output) => _output = output;

    /// <summary>A quarter of the smallest blob tested: whoever holds a whole blob runs out.</summary>
    private const long BlobHeapLimit = 64 * MiB;

    [Fact]
    public void TwentyThousandChangedFiles_AreDigestedInBoundedMemory() => ManyChangedFiles(20_000);

    [Fact]
    public void HundredThousandChangedFiles_AreDigestedInBoundedMemory() => ManyChangedFiles(100_000);

    [Fact]
    public void Blob256MB_IsStreamedNotLoaded() => LargeBlob(256 * MiB);

    [Fact]
    public void Blob2GB_IsStreamedNotLoaded() => LargeBlob(2048 * MiB);

    private void ManyChangedFiles(int count)
    {
        using var repo = TestRepository.Create();
        // Written straight into the object store, and left out of the work tree by a sparse checkout:
        // tens of thousands of small files on disk would cost minutes here and test nothing more.
        var stream = new StringBuilder();
        stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{Scenario.AgentBranch}\n");
        stream.Append("author Copilot <198982749+Copilot@users.noreply.github.com> 1777622400 +0000\n");
        stream.Append("committer Copilot <198982749+Copilot@users.noreply.github.com> 1777622400 +0000\n");
        stream.Append("data 8\nGenerate\nfrom refs/heads/main\n");
        for (var i = 0; i < count; i++)
        {
            var content = $"generated file {i}\n";
            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline generated/{i / 1000:D3}/file{i}.txt\ndata {content.Length}\n{content}\n");
        }

        repo.GitBytes(Encoding.ASCII.GetBytes(stream.ToString()), "fast-import", "--quiet");
        repo.Git("sparse-checkout", "set", "--no-cone", "/*", "!/generated/");
        repo.Checkout(Scenario.AgentBranch);
        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), repo.Git("diff-tree", "-r", "--no-commit-id", "--name-only", "main", "HEAD").Split('\n').Length.ToString(CultureInfo.InvariantCulture));

        // Each changed path's entry is kept (path, modes, two hashes); no content is. Measured: about
        // 2-3 KB of live heap per file (20,000 files fail at 32 MB and pass at 64 MB).
        var heapLimit = (16 * MiB) + (count * 3584L);
        var huge = Measure(repo.Root, heapLimit);
        _output.WriteLine($"{count} files: peak working set {huge.PeakBytes / MiB} MiB under a {heapLimit / MiB} MiB heap limit");

        Assert.True(huge.Outcome == "Failed" && huge.Errors.Contains("CHK100", StringComparison.Ordinal), $"under a {heapLimit / MiB} MiB heap:\n{huge.Output}");
        Assert.StartsWith("sha256:", huge.Digest, StringComparison.Ordinal);
    }

    private void LargeBlob(long size)
    {
        using var repo = TestRepository.Create();
        repo.Branch(Scenario.AgentBranch);
        // A sparse file: the blob is huge for git and the gate, cheap for the disk.
        using (var blob = File.Create(Path.Combine(repo.Root, "data.bin")))
        {
            blob.SetLength(size);
        }

        repo.Write("data.txt", "a large binary next to a small file\n").Commit("Add data", TestRepository.CopilotAuthor);

        var baseline = Baseline();
        var large = Measure(repo.Root, BlobHeapLimit);
        _output.WriteLine($"{size / MiB} MiB blob: peak working set {large.PeakBytes / MiB} MiB (baseline {baseline.PeakBytes / MiB} MiB) under a {BlobHeapLimit / MiB} MiB heap limit");

        Assert.True(large.Outcome == "Failed" && large.Errors.Contains("CHK100", StringComparison.Ordinal), $"under a {BlobHeapLimit / MiB} MiB heap:\n{large.Output}");
        var growth = large.PeakBytes - baseline.PeakBytes;
        Assert.True(growth < size / 8, $"peak working set grew by {growth / MiB} MiB for a {size / MiB} MiB blob (baseline {baseline.PeakBytes / MiB} MiB)");
    }

    /// <summary>The same child process on a one-commit repository: the runtime's own footprint.</summary>
    private static Measurement Baseline()
    {
        using var small = Scenario.AgentChange();
        return Measure(small.Root, BlobHeapLimit);
    }

    private static Measurement Measure(string repository, long heapLimit)
    {
        var environment = new Dictionary<string, string?>();
        environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimit.ToString("x", CultureInfo.InvariantCulture);
        var dotnet = Executables.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var result = ProcessRunner.Run(
            dotnet,
            [Path.Combine(AppContext.BaseDirectory, "Checkpoint.Bypass.Tests.dll"), MemoryProbe.Command, repository],
            repository,
            environment,
            TimeSpan.FromMinutes(10));
        Assert.True(result.Succeeded, result.ToString());
        var values = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        return new Measurement(values["outcome"], values["digest"], values["errors"], long.Parse(values["peak"], CultureInfo.InvariantCulture), result.Output);
    }

    private sealed record Measurement(string Outcome, string Digest, string Errors, long PeakBytes, string Output);
}
