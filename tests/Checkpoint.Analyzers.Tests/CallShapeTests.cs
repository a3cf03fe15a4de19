using Checkpoint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Checkpoint.Analyzers.Tests;

/// <summary>Every way code reaches an operation classifies the same.</summary>
public sealed class CallShapeTests
{
    [Fact]
    public Task OverrideCallingBase_IsFlagged_AndCallsThroughTheSubclassToo() => Verify.DiagnosticsAsync(
        """
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
        """,
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Amazon.S3.AmazonS3Client.DeleteBucketAsync", "deletes an S3 bucket", ""),
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "AuditedS3.DeleteBucketAsync", "deletes an S3 bucket", ""));

    [Fact]
    public Task ConditionalAccess_IsFlagged() => Verify.DiagnosticsAsync(
        """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            Task? RetireAsync(IAmazonS3? s3) => s3?.{|CHK001:DeleteBucketAsync|}("old");
        }
        """);

    [Fact]
    public Task ConfigureAwaitChain_IsFlagged() => Verify.DiagnosticsAsync(
        """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(IAmazonS3 s3) => await s3.{|CHK001:DeleteBucketAsync|}("old").ConfigureAwait(false);
        }
        """);

    [Fact]
    public Task ChainSplitOverLines_IsReportedOnTheOperationsLine() => Verify.DiagnosticsAsync(
        """
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
        """);

    [Fact]
    public Task MethodGroupAndDelegate_AreFlagged() => Verify.DiagnosticsAsync(
        """
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
        """,
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Method group", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""),
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Method group", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", ""));

    [Fact]
    public Task LambdaAndLocalFunction_AreFlagged() => Verify.DiagnosticsAsync(
        """
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
        """);

    [Fact]
    public Task GenericMethod_IsFlagged() => Verify.DiagnosticsAsync(
        """
        using System.Threading.Tasks;
        using Microsoft.Azure.Cosmos;

        class Catalog
        {
            Task ForgetAsync<T>(Container container) => container.{|CHK001:DeleteItemAsync<T>|}("id", PartitionKey.None);
        }
        """);

    [Fact]
    public Task FieldAndPropertyInitializers_AreFlagged() => Verify.DiagnosticsAsync(
        """
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
        """);

    [Fact]
    public Task UsingAndAwaitUsingBlocks_AreFlagged() => Verify.DiagnosticsAsync(
        """
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
        """);

    [Fact]
    public Task ConstructorAccessorAndOperator_AreFlagged() => Verify.DiagnosticsAsync(
        """
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
        """);

    [Fact]
    public async Task TopLevelStatements_AreFlagged()
    {
        var test = new CheckpointTest<EmptyCodeFixProvider>
        {
            TestCode = """
                using Amazon.S3;

                IAmazonS3 s3 = new AmazonS3Client();
                await s3.{|CHK001:DeleteBucketAsync|}("old");
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelStatements_CountAnAttestationOnPartialProgram()
    {
        var test = new CheckpointTest<EmptyCodeFixProvider>
        {
            TestCode = """
                using Amazon.S3;
                using Checkpoint;

                IAmazonS3 s3 = new AmazonS3Client();
                await s3.DeleteBucketAsync("old");

                [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging bucket")]
                partial class Program { }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task GeneratedCode_IsStillFlagged() => Verify.DiagnosticsAsync(
        """
        // <auto-generated/>
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            Task RetireAsync(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("old");
        }
        """);
}
