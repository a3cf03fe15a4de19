using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests;

/// <summary>Every way code reaches an operation classifies the same.</summary>
public sealed class CallShapeTests
{
    [Fact]
    public Task OverrideCallingBase_IsFlagged_AndCallsThroughTheSubclassToo() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        class AuditedS3 : AmazonS3Client
        {
            public override Task<DeleteBucketResponse> DeleteBucketAsync(string bucketName, CancellationToken cancellationToken = default)
                => base.{|#0:DeleteBucketAsync|}(bucketName, cancellationToken);
        }

        class Janitor
        {
            Task RetireAsync(AuditedS3 s3) => s3.{|#1:DeleteBucketAsync|}("old");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.AmazonS3Client.DeleteBucketAsync", "deletes an S3 bucket", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "AuditedS3.DeleteBucketAsync", "deletes an S3 bucket", ""))
        .ValidateAsync();

    [Fact]
    public Task ConditionalAccess_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            Task? RetireAsync(IAmazonS3? s3) => s3?.{|CHK001:DeleteBucketAsync|}("old");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ConfigureAwaitChain_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(IAmazonS3 s3) => await s3.{|CHK001:DeleteBucketAsync|}("old").ConfigureAwait(false);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ChainSplitOverLines_IsReportedOnTheOperationsLine() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(IAmazonS3 s3)
            {
                await s3
                    .{|CHK001:DeleteBucketAsync|}("old")
                    .ConfigureAwait(false);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task MethodGroupAndDelegate_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        class Janitor
        {
            Func<string, CancellationToken, Task<DeleteBucketResponse>> Later(IAmazonS3 s3) => s3.{|#0:DeleteBucketAsync|};

            void Schedule(IAmazonS3 s3)
            {
                Func<string, CancellationToken, Task<DeleteBucketResponse>> delete = new(s3.{|#1:DeleteBucketAsync|});
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Method group", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Method group", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""))
        .ValidateAsync();

    [Fact]
    public Task LambdaAndLocalFunction_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            Task RetireAsync(IAmazonS3 s3)
            {
                Task Local() => s3.{|CHK001:DeleteBucketAsync|}("a");
                return Task.WhenAll(Local(), Task.Run(() => s3.{|CHK001:DeleteBucketAsync|}("b")));
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task GenericMethod_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Microsoft.Azure.Cosmos;

        class Catalog
        {
            Task ForgetAsync<T>(Container container) => container.{|CHK001:DeleteItemAsync<T>|}("id", PartitionKey.None);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task FieldAndPropertyInitializers_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        class Janitor
        {
            static readonly IAmazonS3 S3 = new AmazonS3Client();
            readonly Task<DeleteBucketResponse> _pending = S3.{|CHK001:DeleteBucketAsync|}("a");
            Task<DeleteBucketResponse> Pending { get; } = S3.{|CHK001:DeleteBucketAsync|}("b");
            Task<DeleteBucketResponse> Next => S3.{|CHK001:DeleteBucketAsync|}("c");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task UsingAndAwaitUsingBlocks_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System;
        using System.Threading.Tasks;
        using Amazon.S3;

        sealed class Session : IAsyncDisposable
        {
            public IAmazonS3 S3 { get; } = new AmazonS3Client();
            public ValueTask DisposeAsync() => default;
        }

        class Janitor
        {
            async Task RetireAsync()
            {
                using (var s3 = new AmazonS3Client())
                {
                    await s3.{|CHK001:DeleteBucketAsync|}("a");
                }

                await using var session = new Session();
                await session.S3.{|CHK001:DeleteBucketAsync|}("b");
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ConstructorAccessorAndOperator_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using Amazon.S3;

        class Janitor
        {
            Janitor(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("a");

            IAmazonS3 S3 { set => value.{|CHK001:DeleteBucketAsync|}("b"); }

            public static Janitor operator +(Janitor janitor, IAmazonS3 s3)
            {
                s3.{|CHK001:DeleteBucketAsync|}("c");
                return janitor;
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TopLevelStatements_AreFlagged() => CheckpointProject.WithSdks()
        .WithOutputKind(OutputKind.ConsoleApplication)
        .WithSourceCode("""
                using Amazon.S3;

                IAmazonS3 s3 = new AmazonS3Client();
                await s3.{|CHK001:DeleteBucketAsync|}("old");
                """)
        .ValidateAsync();

    [Fact]
    public Task TopLevelStatements_CountAnAttestationOnPartialProgram() => CheckpointProject.WithSdks()
        .WithOutputKind(OutputKind.ConsoleApplication)
        .WithSourceCode("""
                using Amazon.S3;
                using Checkpoint;

                IAmazonS3 s3 = new AmazonS3Client();
                await s3.DeleteBucketAsync("old");

                [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging bucket")]
                partial class Program { }
                """)
        .ValidateAsync();

    [Fact]
    public Task GeneratedCode_IsStillFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        // <auto-generated/>
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            Task RetireAsync(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("old");
        }
        """)
        .ValidateAsync();
}
