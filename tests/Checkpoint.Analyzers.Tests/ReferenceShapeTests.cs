using System.Collections.Immutable;
using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Tests;

/// <summary>How the SDK is referenced must not decide whether its operations are found.</summary>
public sealed class ReferenceShapeTests
{
    [Fact]
    public async Task SdkReferencedUnderAnExternAlias_IsStillChecked()
    {
        // An aliased reference is not part of the global namespace (here no "Amazon" namespace is), so
        // the catalogue cannot skip an SDK just because its namespace is missing there.
        var references = PackageAssemblies.Framework
            .AddRange(PackageAssemblies.Package("AWSSDK.S3").Select(r => IsAws(r) ? r.WithAliases(["aws"]) : r));
        var source = """
            extern alias aws;
            using System.Threading.Tasks;

            class Cleanup
            {
                Task Run(aws::Amazon.S3.IAmazonS3 s3) => s3.DeleteBucketAsync("staging");
            }
            """;
        var compilation = CSharpCompilation.Create("Aliased", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DestructiveOperationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var finding = Assert.Single(diagnostics);
        Assert.Equal("CHK001", finding.Id);
        Assert.Contains("Amazon.S3.IAmazonS3.DeleteBucketAsync", finding.GetMessage(), StringComparison.Ordinal);
    }

    private static bool IsAws(MetadataReference reference)
        => reference is PortableExecutableReference { FilePath: { } path } && Path.GetFileName(path).StartsWith("AWSSDK.", StringComparison.Ordinal);
}
