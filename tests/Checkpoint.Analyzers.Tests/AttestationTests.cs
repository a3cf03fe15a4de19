
namespace Checkpoint.Analyzers.Tests;

/// <summary>Where an [ApprovedBy] counts, and what makes one incomplete, expired or misplaced.</summary>
public sealed class AttestationTests
{
    [Fact]
    public Task AttestationOnCallingMethod_SilencesCHK001() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging bucket", Ticket = "OPS-1432", Expires = "2999-03-31")]
            public async Task RetireStagingAsync(IAmazonS3 s3) => await s3.DeleteBucketAsync("staging-2019");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task AttestationOnContainingType_Counts_ForNestedTypesLambdasAndLocalFunctions() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        [ApprovedBy("alice@contoso.com", Reason = "Decommission the staging account")]
        class Decommission
        {
            class Buckets
            {
                Task RetireAsync(IAmazonS3 s3)
                {
                    Task Local() => s3.DeleteBucketAsync("a");
                    return Task.WhenAll(Local(), Task.Run(() => s3.DeleteBucketAsync("b")));
                }
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task AttestationOnProperty_CountsForItsAccessors_AndOnFieldForItsInitializer() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Checkpoint;

        class Janitor
        {
            static readonly IAmazonS3 S3 = new AmazonS3Client();

            [ApprovedBy("alice@contoso.com", Reason = "Start-up cleanup")]
            readonly Task<DeleteBucketResponse> _pending = S3.DeleteBucketAsync("a");

            [ApprovedBy("alice@contoso.com", Reason = "Cleanup on demand")]
            Task<DeleteBucketResponse> Next => S3.DeleteBucketAsync("b");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task SeveralAttestations_AreAllowed_AndOneValidIsEnough() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [ApprovedBy("alice@contoso.com", Reason = "Retire staging")]
            [ApprovedBy("bob@contoso.com", Reason = "Second pair of eyes", Expires = "2999-01-01")]
            [{|#0:ApprovedBy("carol@contoso.com", Reason = "Old sign-off", Expires = "2001-01-01")|}]
            Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("staging");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.ExpiredAttestation).WithLocation(0).WithArguments("expired after 2001-01-01"))
        .ValidateAsync();

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("null")]
    public Task BlankApprover_IsCHK003_AndDoesNotCount(string approver) => CheckpointProject.WithSdks()
        .WithSourceCode($$"""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [{|#0:ApprovedBy({{approver}}, Reason = "Retire staging")|}]
            Task RetireAsync(IAmazonS3 s3) => s3.{|#1:DeleteBucketAsync|}("staging");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.IncompleteAttestation).WithLocation(0).WithArguments("the approver is empty or blank"),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", "valid "))
        .ValidateAsync();

    [Theory]
    [InlineData("")]
    [InlineData(", Reason = \"\"")]
    [InlineData(", Reason = \" \", Ticket = \"OPS-1\"")]
    public Task MissingReason_IsCHK003_AndDoesNotCount(string reason) => CheckpointProject.WithSdks()
        .WithSourceCode($$"""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [{|#0:ApprovedBy("alice@contoso.com"{{reason}})|}]
            Task RetireAsync(IAmazonS3 s3) => s3.{|#1:DeleteBucketAsync|}("staging");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.IncompleteAttestation).WithLocation(0).WithArguments("Reason is missing or blank"),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", "valid "))
        .ValidateAsync();

    [Fact]
    public Task ExpiredAttestation_IsCHK004_AndDoesNotCount() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [{|#0:ApprovedBy("alice@contoso.com", Reason = "Retire staging", Expires = "2020-02-29")|}]
            Task RetireAsync(IAmazonS3 s3) => s3.{|#1:DeleteBucketAsync|}("staging");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.ExpiredAttestation).WithLocation(0).WithArguments("expired after 2020-02-29"),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", "valid "))
        .ValidateAsync();

    [Theory]
    [InlineData("next week")]
    [InlineData("31/03/2027")]
    [InlineData("2027-02-30")]
    [InlineData("")]
    public Task UnreadableExpiry_IsCHK004(string expires) => CheckpointProject.WithSdks()
        .WithSourceCode($$"""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [{|#0:ApprovedBy("alice@contoso.com", Reason = "Retire staging", Expires = "{{expires}}")|}]
            Task RetireAsync(IAmazonS3 s3) => s3.{|#1:DeleteBucketAsync|}("staging");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.ExpiredAttestation).WithLocation(0)
            .WithArguments($"has Expires = \"{expires}\", which is not a date in the form yyyy-MM-dd"),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", "valid "))
        .ValidateAsync();

    [Fact]
    public Task ExpiryToday_StillCounts() => CheckpointProject.WithSdks()
        .WithSourceCode($$"""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [ApprovedBy("alice@contoso.com", Reason = "Retire staging", Expires = "{{DateTime.UtcNow:yyyy-MM-dd}}")]
            Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("staging");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task AssemblyAndModuleLevelAttestations_AreCHK005_AndDoNotCount() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        [assembly: {|#0:ApprovedBy("alice@contoso.com", Reason = "Everything, forever")|}]
        [module: {|#1:Checkpoint.ApprovedByAttribute("alice@contoso.com", Reason = "Everything, forever")|}]

        class Janitor
        {
            Task RetireAsync(IAmazonS3 s3) => s3.{|#2:DeleteBucketAsync|}("staging");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.MisplacedAttestation).WithLocation(0).WithArguments("the assembly"),
        CheckpointProject.Diagnostic(RuleDescriptors.MisplacedAttestation).WithLocation(1).WithArguments("the module"),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""))
        .ValidateAsync();

    [Fact]
    public Task AttestationOnLocalFunction_DoesNotCount_OnlyItsContainingMemberDoes() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            Task RetireAsync(IAmazonS3 s3)
            {
                [{|CHK005:ApprovedBy("alice@contoso.com", Reason = "Retire staging")|}]
                Task Local() => s3.{|CHK001:DeleteBucketAsync|}("a");
                return Local();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task AttestationOnAnotherMember_DoesNotCount() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [ApprovedBy("alice@contoso.com", Reason = "Retire staging")]
            Task ApprovedAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("a");

            Task NotApprovedAsync(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("b");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task DisruptiveOperation_IsSilencedByTheSameAttestation() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;
        using Checkpoint;

        class Fleet
        {
            [ApprovedBy("alice@contoso.com", Reason = "Nightly shutdown of the dev VM")]
            Task StopAsync(VirtualMachineResource vm) => vm.PowerOffAsync(WaitUntil.Completed);
        }
        """)
        .ValidateAsync();
}
