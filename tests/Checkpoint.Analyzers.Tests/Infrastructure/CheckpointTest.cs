using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
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
