using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Checkpoint.Analyzers.Tests.Infrastructure;

/// <summary>
/// One consumer project as the package sets it up: the attribute source, the real SDKs, both analyzers.
/// </summary>
internal class CheckpointTest<TCodeFix> : CSharpCodeFixTest<DestructiveOperationAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public CheckpointTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.AddRange(SdkReferences.All);
        TestState.Sources.Add((CheckpointAttributesSource.FileName, CheckpointAttributesSource.Text));

        // The analyzers report in generated code on purpose (see DestructiveOperationAnalyzer), and the
        // pragma round-trip only doubles the run time.
        TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
    }

    public void AddFixedAttributeSource() => FixedState.Sources.Add((CheckpointAttributesSource.FileName, CheckpointAttributesSource.Text));

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
        => [new DestructiveOperationAnalyzer(), new AttestationAnalyzer()];
}

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
