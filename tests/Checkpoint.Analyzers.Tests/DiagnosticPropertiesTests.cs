using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests;

/// <summary>
/// The facts a CHK001/CHK002/CHK008 diagnostic carries in its properties: the contract that
/// <c>checkpoint review</c> and SARIF consumers read instead of the message.
/// </summary>
public sealed class DiagnosticPropertiesTests
{
    private static readonly Dictionary<string, string> ReviewMode = new() { ["checkpoint.review_mode"] = "true" };

    private const string Unattested = """
        using System.Threading.Tasks;
        using Amazon.S3;

        public sealed class Cleanup
        {
            public Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("staging-2019");
        }
        """;

    private const string Attested = """
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        public sealed class Cleanup
        {
            [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging bucket")]
            [ApprovedBy("bob@contoso.com", Reason = "Second pair of eyes")]
            public Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("staging-2019");
        }
        """;

    [Fact]
    public async Task UnattestedDeleteBucket_CarriesOperationServiceEffectTierAndMember()
    {
        var diagnostic = Assert.Single(await CheckpointProject.WithSdks()
        .WithSourceCode(Unattested).AnalyzeAsync());

        Assert.Equal("CHK001", diagnostic.Id);
        var properties = diagnostic.Properties;
        Assert.Equal("Amazon.S3.IAmazonS3.DeleteBucketAsync", properties[DiagnosticProperties.Operation]);
        Assert.StartsWith("M:Amazon.S3.IAmazonS3.DeleteBucketAsync(System.String", properties[DiagnosticProperties.OperationId], StringComparison.Ordinal);
        Assert.Equal("Amazon.S3", properties[DiagnosticProperties.Service]);
        Assert.Contains("bucket", properties[DiagnosticProperties.Effect], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Destructive", properties[DiagnosticProperties.Tier]);
        Assert.Equal("M:Cleanup.RetireAsync(Amazon.S3.IAmazonS3)", properties[DiagnosticProperties.Member]);
        Assert.Equal(DiagnosticProperties.CoverageValues.None, properties[DiagnosticProperties.Coverage]);
        Assert.Equal("false", properties[DiagnosticProperties.Baselined]);
        Assert.False(properties.ContainsKey(DiagnosticProperties.Approvers));
    }

    [Fact]
    public async Task AttestedDeleteBucket_IsSilentOutsideReviewMode()
    {
        Assert.Empty((await CheckpointProject.WithSdks()
        .WithSourceCode(Attested).AnalyzeAsync()).Where(d => d.Id is "CHK001" or "CHK002" or "CHK008"));
    }

    [Fact]
    public async Task AttestedDeleteBucket_InReviewMode_IsReportedAsCoveredWithItsApprovers()
    {
        var diagnostic = Assert.Single(await CheckpointProject.WithSdks().WithGlobalOptions(ReviewMode)
        .WithSourceCode(Attested).AnalyzeAsync());

        Assert.Equal("CHK008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(DiagnosticProperties.CoverageValues.Attested, diagnostic.Properties[DiagnosticProperties.Coverage]);
        Assert.Equal("alice@contoso.com;bob@contoso.com", diagnostic.Properties[DiagnosticProperties.Approvers]);
        Assert.Equal("Amazon.S3.IAmazonS3.DeleteBucketAsync", diagnostic.Properties[DiagnosticProperties.Operation]);
        Assert.Contains("attested by alice@contoso.com, bob@contoso.com", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallInsideDestructiveWrapper_InReviewMode_IsReportedAsCoveredByTheMarking()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Checkpoint;

            public sealed class Buckets
            {
                [Destructive("Deletes a bucket")]
                public Task DropAsync(IAmazonS3 s3, string name) => s3.DeleteBucketAsync(name);
            }
            """;

        var diagnostic = Assert.Single(await CheckpointProject.WithSdks().WithGlobalOptions(ReviewMode)
        .WithSourceCode(source).AnalyzeAsync());

        Assert.Equal("CHK008", diagnostic.Id);
        Assert.Equal(DiagnosticProperties.CoverageValues.Destructive, diagnostic.Properties[DiagnosticProperties.Coverage]);
        Assert.Equal("M:Buckets.DropAsync(Amazon.S3.IAmazonS3,System.String)", diagnostic.Properties[DiagnosticProperties.Member]);
    }

    [Fact]
    public async Task ReviewMode_NeverSilencesAnUnattestedSite()
    {
        var diagnostic = Assert.Single(await CheckpointProject.WithSdks().WithGlobalOptions(ReviewMode)
        .WithSourceCode(Unattested).AnalyzeAsync());

        Assert.Equal("CHK001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public async Task InvalidAttestation_IsReportedWithInvalidCoverage()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Checkpoint;

            public sealed class Cleanup
            {
                [ApprovedBy("alice@contoso.com")]
                public Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("staging-2019");
            }
            """;

        var diagnostic = Assert.Single((await CheckpointProject.WithSdks()
        .WithSourceCode(source).AnalyzeAsync()).Where(d => d.Id == "CHK001"));

        Assert.Equal(DiagnosticProperties.CoverageValues.Invalid, diagnostic.Properties[DiagnosticProperties.Coverage]);
    }

    [Fact]
    public async Task BaselinedSite_IsReportedSuppressedAndMarkedBaselined()
    {
        var first = Assert.Single(await CheckpointProject.WithSdks()
        .WithSourceCode(Unattested).AnalyzeAsync());
        var key = first.Properties["CheckpointBaselineKey"]!;

        var diagnostic = Assert.Single(await CheckpointProject.WithSdks().WithBaseline(key + "\n")
        .WithSourceCode(Unattested).AnalyzeAsync());

        Assert.True(diagnostic.IsSuppressed);
        Assert.Equal("true", diagnostic.Properties[DiagnosticProperties.Baselined]);
    }
}
