using Checkpoint.Testing.Analyzers;

namespace Checkpoint.Analyzers.Tests;

/// <summary>The .NET Framework builds of the AWS SDK keep sync operations and the S3.IO helpers.</summary>
public sealed class AwsNetFrameworkOperationTests
{
    [Fact]
    public Task SyncOperationsAndS3IoHelpers_AreFlagged() => CheckpointProject.Create()
        .WithNetFramework472()
        .WithReferences(PackageAssemblies.PackageBuild("AWSSDK.Core", "net472"))
        .WithReferences(PackageAssemblies.PackageBuild("AWSSDK.S3", "net472"))
        .WithSourceCode("""
                using Amazon.S3;
                using Amazon.S3.IO;
                using Amazon.S3.Util;

                class Janitor
                {
                    void Retire(IAmazonS3 s3)
                    {
                        s3.{|#0:DeleteBucket|}("staging-2019");
                        AmazonS3Util.{|#1:DeleteS3BucketWithObjects|}(s3, "logs");
                        new S3DirectoryInfo(s3, "archive", "2019").{|#2:Delete|}(true);
                        new S3FileInfo(s3, "archive", "2019/a.txt").{|#3:Delete|}();
                    }
                }
                """)
        .ShouldReportDiagnostic(
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucket", "deletes an S3 bucket", ""),
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Amazon.S3.Util.AmazonS3Util.DeleteS3BucketWithObjects", "deletes an S3 bucket and every object in it", ""),
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Amazon.S3.IO.S3DirectoryInfo.Delete", "deletes an S3 directory", ""),
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(3)
            .WithArguments("Call to", "Amazon.S3.IO.S3FileInfo.Delete", "deletes an S3 object", ""))
        .ValidateAsync();
}
