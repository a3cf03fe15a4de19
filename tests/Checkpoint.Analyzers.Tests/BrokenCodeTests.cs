
namespace Checkpoint.Analyzers.Tests;

/// <summary>Code that does not compile yet (the usual state in an editor) never crashes the analyzers.</summary>
public sealed class BrokenCodeTests
{
    [Fact]
    public Task HalfWrittenCallsAndAttestations_DoNotCrashTheAnalyzers() => CheckpointProject.WithSdks()
        .WithCompilerErrors()
        .WithSourceCode("""
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
                """)

        // An analyzer crash fails the test (AD0001); these are the only diagnostics.
        .ShouldReportDiagnostic(
            CheckpointProject.Diagnostic(RuleDescriptors.MisplacedAttestation).WithLocation(0).WithArguments("the assembly"),
            CheckpointProject.Diagnostic(RuleDescriptors.IncompleteAttestation).WithLocation(1).WithArguments("the approver is empty or blank"),
            CheckpointProject.Diagnostic(RuleDescriptors.IncompleteAttestation).WithLocation(2).WithArguments("the approver is empty or blank"))
        .ValidateAsync();
}
