using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>No SDK, no cost, wall clock: the same code base with look-alike types and no cloud SDK referenced.</summary>
[Config(typeof(MacroBenchmarkConfig))]
public class NoSdkAnalyzerBenchmarks
{
    private BenchmarkCompilation _codebase = null!;
    private ImmutableArray<DiagnosticAnalyzer> _checkpoint;

    [GlobalSetup]
    public void Setup()
    {
        _codebase = BenchmarkCompilation.Create(cloudSdk: false);
        _checkpoint = AnalyzerSet.Checkpoint();
    }

    [Benchmark(Baseline = true)]
    public int Compile() => AnalyzerBenchmarks.CompileAndEmit(_codebase.NewCompilation(), [], []);

    [Benchmark]
    public int CompileWithCheckpoint() => AnalyzerBenchmarks.CompileAndEmit(_codebase.NewCompilation(), _checkpoint, []);
}
