using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Checkpoint.Benchmarks;

/// <summary>
/// Each operation here takes seconds (a 100,000-call compilation, a 170 MiB diff, a 30-project
/// build), so BenchmarkDotNet's pilot and overhead stages would only waste minutes: one launch,
/// one warm-up, a few measured iterations of one invocation each (RunStrategy.Monitoring).
/// In process: generating a separate benchmark project and building it would cost more CPU on a
/// shared 2-core machine than the measurements themselves.
/// </summary>
public sealed class MacroBenchmarkConfig : ManualConfig
{
    public MacroBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Macro"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, BaselineRatioColumn.RatioMean);
    }
}
