
namespace Checkpoint.Analyzers.Tests;

/// <summary>AWS SDK for .NET v4: service operations classified by verb, and the high-level helpers.</summary>
public sealed class AwsOperationTests
{
    [Fact]
    public Task DeleteBucketThroughInterface_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(IAmazonS3 s3) => await s3.{|#0:DeleteBucketAsync|}("staging-2019");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""))
        .ValidateAsync();

    [Fact]
    public Task DeleteBucketThroughConcreteClient_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(AmazonS3Client s3) => await s3.{|#0:DeleteBucketAsync|}("staging-2019");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.AmazonS3Client.DeleteBucketAsync", "deletes an S3 bucket", ""))
        .ValidateAsync();

    [Theory]
    [InlineData("S3", "IAmazonS3", "DeleteObject", "deletes an S3 object")]
    [InlineData("S3", "IAmazonS3", "DeleteObjects", "deletes S3 objects")]
    [InlineData("EC2", "IAmazonEC2", "TerminateInstances", "terminates EC2 instances")]
    [InlineData("EC2", "IAmazonEC2", "ReleaseAddress", "releases an EC2 address")]
    [InlineData("EC2", "IAmazonEC2", "DeregisterImage", "deregisters an EC2 image")]
    [InlineData("EC2", "IAmazonEC2", "DeleteSnapshot", "deletes an EC2 snapshot")]
    [InlineData("SQS", "IAmazonSQS", "PurgeQueue", "purges an SQS queue")]
    [InlineData("SQS", "IAmazonSQS", "DeleteQueue", "deletes an SQS queue")]
    [InlineData("DynamoDBv2", "IAmazonDynamoDB", "DeleteTable", "deletes a DynamoDB table")]
    [InlineData("DynamoDBv2", "IAmazonDynamoDB", "DeleteItem", "deletes a DynamoDB item")]
    [InlineData("KeyManagementService", "IAmazonKeyManagementService", "ScheduleKeyDeletion", "schedules the deletion of a KMS key")]
    public Task DestructiveAwsOperation_IsCHK001(string service, string client, string operation, string description)
        => CheckpointProject.WithSdks()
        .WithSourceCode(AwsCall(service, client, operation))
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
                .WithLocation(0)
                .WithArguments("Call to", $"Amazon.{service}.{client}.{operation}Async", description, ""))
        .ValidateAsync();

    [Theory]
    [InlineData("EC2", "IAmazonEC2", "StopInstances", "stops EC2 instances")]
    [InlineData("EC2", "IAmazonEC2", "RebootInstances", "reboots EC2 instances")]
    [InlineData("EC2", "IAmazonEC2", "DetachVolume", "detaches an EC2 volume")]
    [InlineData("EC2", "IAmazonEC2", "DisassociateAddress", "disassociates an EC2 address")]
    [InlineData("EC2", "IAmazonEC2", "RevokeSecurityGroupIngress", "revokes an EC2 security group ingress")]
    [InlineData("EC2", "IAmazonEC2", "ResetImageAttribute", "resets an EC2 image attribute")]
    [InlineData("KeyManagementService", "IAmazonKeyManagementService", "DisableKey", "disables a KMS key")]
    public Task DisruptiveAwsOperation_IsCHK002(string service, string client, string operation, string description)
        => CheckpointProject.WithSdks()
        .WithSourceCode(AwsCall(service, client, operation))
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation)
                .WithLocation(0)
                .WithArguments("Call to", $"Amazon.{service}.{client}.{operation}Async", description, ""))
        .ValidateAsync();

    [Theory]
    [InlineData("SQS", "IAmazonSQS", "DeleteMessage")]
    [InlineData("SQS", "IAmazonSQS", "DeleteMessageBatch")]
    [InlineData("S3", "IAmazonS3", "AbortMultipartUpload")]
    [InlineData("KeyManagementService", "IAmazonKeyManagementService", "CancelKeyDeletion")]
    [InlineData("EC2", "IAmazonEC2", "CancelSpotInstanceRequests")]
    [InlineData("S3", "IAmazonS3", "GetObject")]
    [InlineData("EC2", "IAmazonEC2", "StartInstances")]
    public Task RoutineAwsOperation_IsNotFlagged(string service, string client, string operation)
        => CheckpointProject.WithSdks()
        .WithSourceCode(AwsCall(service, client, operation).Replace("{|#0:", string.Empty).Replace("|}", string.Empty))
        .ValidateAsync();

    [Fact]
    public Task SqsDeleteMessageThroughConcreteClient_IsNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.SQS;

        class Consumer
        {
            Task AcknowledgeAsync(AmazonSQSClient sqs, string url, string receipt) => sqs.DeleteMessageAsync(url, receipt);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task DeleteBucketWithObjectsHelper_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Util;

        class Janitor
        {
            Task EmptyAndDeleteAsync(IAmazonS3 s3) => AmazonS3Util.{|#0:DeleteS3BucketWithObjectsAsync|}(s3, "logs");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.Util.AmazonS3Util.DeleteS3BucketWithObjectsAsync", "deletes an S3 bucket and every object in it", ""))
        .ValidateAsync();

    [Fact]
    public Task DynamoDbContextDelete_IsFlaggedThroughInterfaceAndConcreteType() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;

        class Order { }

        class Orders
        {
            Task ForgetAsync(IDynamoDBContext context, Order order) => context.{|#0:DeleteAsync|}(order);
            Task ForgetAsync(DynamoDBContext context, Order order) => context.{|#1:DeleteAsync<Order>|}(order);
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Amazon.DynamoDBv2.DataModel.IDynamoDBContext.DeleteAsync", "deletes a DynamoDB item", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(1)
            .WithArguments("Call to", "Amazon.DynamoDBv2.DataModel.DynamoDBContext.DeleteAsync", "deletes a DynamoDB item", ""))
        .ValidateAsync();

    [Fact]
    public Task DocumentModelTableDeleteItem_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DocumentModel;

        class Orders
        {
            Task ForgetAsync(ITable table, Document order) => table.{|CHK001:DeleteItemAsync|}(order);
        }
        """)
        .ValidateAsync();

    private static string AwsCall(string service, string client, string operation) => $$"""
        using System.Threading.Tasks;

        class Operations
        {
            async Task RunAsync(Amazon.{{service}}.{{client}} client)
            {
                await client.{|#0:{{operation}}Async|}(new Amazon.{{service}}.Model.{{operation}}Request());
            }
        }
        """;
}
