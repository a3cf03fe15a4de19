using Checkpoint.Analyzers.Tests.Infrastructure;

namespace Checkpoint.Analyzers.Tests;

/// <summary>The .NET Framework builds of the AWS SDK keep sync operations and the S3.IO helpers.</summary>
public sealed class AwsNetFrameworkOperationTests
{
    [Fact]
    public async Task SyncOperationsAndS3IoHelpers_AreFlagged()
    {
        var test = new CheckpointTest<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>
        {
            TestCode = """
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
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.NetFramework.Net472.Default,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(SdkReferences.AwsForNetFramework);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucket", "deletes an S3 bucket", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Amazon.S3.Util.AmazonS3Util.DeleteS3BucketWithObjects", "deletes an S3 bucket and every object in it", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Amazon.S3.IO.S3DirectoryInfo.Delete", "deletes an S3 directory", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(3)
            .WithArguments("Call to", "Amazon.S3.IO.S3FileInfo.Delete", "deletes an S3 object", ""));
        await test.RunAsync();
    }
}
