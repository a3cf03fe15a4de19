using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Checkpoint.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer-only checks.</summary>
internal static class Verify
{
    public static Task NoDiagnosticsAsync(string source) => DiagnosticsAsync(source);

    public static async Task DiagnosticsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CheckpointTest<EmptyCodeFixProvider> { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);
}
