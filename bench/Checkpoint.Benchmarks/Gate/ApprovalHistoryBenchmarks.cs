using BenchmarkDotNet.Attributes;
using Checkpoint.Core.Gate;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>Benchmark 6, wall clock: the same approved branch, on a base with 10,000 merged approvals and on one with none.</summary>
[Config(typeof(MacroBenchmarkConfig))]
public class ApprovalHistoryBenchmarks
{
    private ApprovalHistoryRepository _none = null!;
    private ApprovalHistoryRepository _many = null!;

    [GlobalSetup]
    public void Setup()
    {
        _none = ApprovalHistoryRepository.OpenOrCreate(Console.Out, 0, 2 * ApprovalHistoryRepository.MergedApprovals);
        _many = ApprovalHistoryRepository.OpenOrCreate(Console.Out, ApprovalHistoryRepository.MergedApprovals);
    }

    /// <summary>No approvals, but as many other tracked files: the same checkout size.</summary>
    [Benchmark(Baseline = true)]
    public GateOutcome NoMergedApprovals() => Evaluate(_none);

    [Benchmark]
    public GateOutcome TenThousandMergedApprovals() => Evaluate(_many);

    private static GateOutcome Evaluate(ApprovalHistoryRepository repository) =>
        CheckpointGate.Evaluate(new GateRequest(repository.Path) { Environment = ApprovalHistoryRepository.Environment, Now = DateTimeOffset.UtcNow }).Outcome;
}
