using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>
/// Analyzers against BannedApiAnalyzers, wall clock: the generated 100,000-call compilation compiled (diagnostics + emit)
/// alone, with Checkpoint's analyzers, and with BannedApiAnalyzers. The per-analyzer execution time
/// that separates analyzer work from binding is in <c>report analyzers</c>.
/// </summary>
[Config(typeof(MacroBenchmarkConfig))]
public class AnalyzerBenchmarks
{
    private BenchmarkCompilation _codebase = null!;
    private ImmutableArray<DiagnosticAnalyzer> _checkpoint;
    private ImmutableArray<DiagnosticAnalyzer> _bannedApi;
    private ImmutableArray<AdditionalText> _additionalFiles;

    [GlobalSetup]
    public void Setup()
    {
        _codebase = BenchmarkCompilation.Create(cloudSdk: true);
        _checkpoint = AnalyzerSet.Checkpoint();
        _bannedApi = AnalyzerSet.BannedApi();
        _additionalFiles = BenchmarkCompilation.AdditionalFiles(BenchmarkCompilation.BannedSymbolsText(_codebase.NewCompilation()));
    }

    [Benchmark(Baseline = true)]
    public int Compile() => CompileAndEmit(_codebase.NewCompilation(), [], _additionalFiles);

    [Benchmark]
    public int CompileWithCheckpoint() => CompileAndEmit(_codebase.NewCompilation(), _checkpoint, _additionalFiles);

    [Benchmark]
    public int CompileWithBannedApiAnalyzers() => CompileAndEmit(_codebase.NewCompilation(), _bannedApi, _additionalFiles);

    /// <summary>As csc does it: all diagnostics (compiler and analyzers, concurrently), then emit from the same bound compilation.</summary>
    internal static int CompileAndEmit(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles)
    {
        ImmutableArray<Diagnostic> diagnostics;
        if (analyzers.IsEmpty)
        {
            diagnostics = compilation.GetDiagnostics();
        }
        else
        {
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles));
            diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            compilation = withAnalyzers.Compilation;
        }

        using var peStream = new MemoryStream();
        var emit = compilation.Emit(peStream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("The generated code did not compile: " + emit.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        return diagnostics.Length;
    }
}
