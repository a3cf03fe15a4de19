using System.Text;
using Checkpoint.Analyzers.Tests.Infrastructure;
using Checkpoint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Analyzers.Tests.Breadth;

/// <summary>
/// "Add to Checkpoint baseline", through Microsoft.CodeAnalysis.Testing with the real AWSSDK.S3
/// (the workspace route the IDE takes, including additional documents and Fix All). The testing
/// library leaves suppressed diagnostics out, so "no diagnostic after the fix" means "suppressed";
/// <see cref="BaselineTests"/> checks <c>IsSuppressed</c> itself.
/// </summary>
public sealed class AddToBaselineCodeFixTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Amazon.S3;

        namespace Ops;

        class Cleanup
        {
            async Task RetireAsync(IAmazonS3 s3)
            {
                await s3.{|#0:DeleteBucketAsync|}("staging-2019");
                await s3.{|#1:DeleteObjectAsync|}("logs", "a.txt");
            }

            Task PurgeAsync(IAmazonS3 s3) => s3.{|#2:DeleteBucketAsync|}("scratch");
        }
        """;

    private const string RetireBucket = "M:Ops.Cleanup.RetireAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync #1";
    private const string RetireObject = "M:Ops.Cleanup.RetireAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteObjectAsync #1";
    private const string PurgeBucket = "M:Ops.Cleanup.PurgeAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync #1";

    [Fact]
    public async Task AddToBaseline_AppendsTheSiteKey_AndKeepsWhatIsWritten()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add(("CheckpointBaseline.txt", "// adopted 2026-11-26\r\n" + PurgeBucket));
        test.ExpectedDiagnostics.Add(Unattested(0));
        test.ExpectedDiagnostics.Add(Unattested(1));
        test.FixedState.AdditionalFiles.Add(("CheckpointBaseline.txt", "// adopted 2026-11-26\r\n" + PurgeBucket + "\r\n" + RetireBucket + "\r\n" + RetireObject + "\r\n"));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;

        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_CreatesTheBaselineWithEveryKey()
    {
        var test = CreateTest();
        test.ExpectedDiagnostics.Add(Unattested(0));
        test.ExpectedDiagnostics.Add(Unattested(1));
        test.ExpectedDiagnostics.Add(Unattested(2));
        test.FixedState.AdditionalFiles.Add((
            "CheckpointBaseline.txt",
            SourceText.From(
                "// Checkpoint baseline: call sites that existed when Checkpoint was adopted (docs/baseline.md).\n" +
                "// Listed sites are reported as suppressed; remove an entry when its site is gone or attested.\n" +
                RetireBucket + "\n" + RetireObject + "\n" + PurgeBucket + "\n",
                Encoding.UTF8)));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;

        await test.RunAsync();
    }

    private static CheckpointTest<AddToBaselineCodeFixProvider> CreateTest()
    {
        var test = new CheckpointTest<AddToBaselineCodeFixProvider>
        {
            TestCode = Source,
            CodeActionEquivalenceKey = nameof(AddToBaselineCodeFixProvider),
        };

        // Same order as the test state: the attribute source first, then the consumer file.
        test.AddFixedAttributeSource();
        test.FixedCode = Source;
        return test;
    }

    private static DiagnosticResult Unattested(int location)
        => new DiagnosticResult(RuleIdentifiers.UnattestedDestructiveOperation, DiagnosticSeverity.Error).WithLocation(location);
}
