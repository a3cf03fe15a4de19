using Checkpoint.Analyzers.Tests.Infrastructure;

namespace Checkpoint.Analyzers.Tests;

/// <summary>Code that does not compile yet (the usual state in an editor) never crashes the analyzers.</summary>
public sealed class BrokenCodeTests
{
    [Fact]
    public async Task HalfWrittenCallsAndAttestations_DoNotCrashTheAnalyzers()
    {
        var test = new CheckpointTest<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Checkpoint;

                [assembly: {|#0:ApprovedBy|}]

                class Janitor
                {
                    [{|#1:ApprovedBy|}]
                    [{|#2:ApprovedBy(42, Reason = 7, Expires = Unknown)|}]
                    Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync(
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };

        // An analyzer crash would show up as an unexpected AD0001 diagnostic; these are the only ones.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.MisplacedAttestation).WithLocation(0).WithArguments("assembly"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.IncompleteAttestation).WithLocation(1).WithArguments("the approver is empty or blank"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.IncompleteAttestation).WithLocation(2).WithArguments("the approver is empty or blank"));
        await test.RunAsync();
    }
}
