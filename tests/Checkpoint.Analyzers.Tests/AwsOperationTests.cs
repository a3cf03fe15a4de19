using Checkpoint.Analyzers.Tests.Infrastructure;

namespace Checkpoint.Analyzers.Tests;

public sealed class AwsOperationTests
{
    [Fact]
    public Task DeleteBucketThroughInterface_IsFlagged() => Verify.DiagnosticsAsync(
        """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(IAmazonS3 s3) => await s3.{|#0:DeleteBucketAsync|}("staging-2019");
        }
        """,
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""));
}
