using BenchmarkDotNet.Attributes;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Benchmarks.Digest;

/// <summary>Benchmark 3, wall clock: DiffDigest over 5,000 changed paths against the git + sha256sum floor.</summary>
[Config(typeof(MacroBenchmarkConfig))]
public class DigestBenchmarks
{
    private SyntheticRepository _repository = null!;
    private GitRepository _git = null!;

    [GlobalSetup]
    public void Setup()
    {
        _repository = SyntheticRepository.OpenOrCreate(Console.Out);
        _git = GitRepository.Open(_repository.Path);
    }

    [Benchmark(Baseline = true)]
    public string GitFloor() => DigestFloor.Run(_repository);

    [Benchmark]
    public string DiffDigestCompute() => DiffDigest.Compute(_git, _repository.BaseCommit, _repository.HeadCommit).Digest;
}
