
namespace Checkpoint.Analyzers.Tests;

/// <summary>Precision: code that looks like an operation but never runs one.</summary>
public sealed class NeverFlaggedTests
{
    [Fact]
    public Task MoqSetupExpressionTree_IsNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Moq;

        class JanitorTests
        {
            void Arrange()
            {
                var s3 = new Mock<IAmazonS3>();
                s3.Setup(c => c.DeleteObjectAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                  .ReturnsAsync(new DeleteObjectResponse());
                s3.Verify(c => c.DeleteBucketAsync("old", It.IsAny<CancellationToken>()), Times.Once());
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NestedLambdaInsideExpressionTree_IsNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Threading;
        using Amazon.S3;

        class Queries
        {
            Expression<Func<IEnumerable<IAmazonS3>, bool>> Query = clients => clients.Any(c => c.DeleteBucketAsync("x", CancellationToken.None) != null);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task NameOf_IsNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using Amazon.S3;

        class Names
        {
            const string Operation = nameof(IAmazonS3.DeleteBucketAsync);
            string Other(IAmazonS3 s3) => nameof(s3.DeleteObjectAsync);
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task UsersOwnLookAlikeWrapper_IsNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;

        class BucketWrapper
        {
            public Task DeleteBucketAsync(string name) => Task.CompletedTask;
            public void Delete() { }
            public void TerminateInstances() { }
        }

        class Janitor
        {
            async Task RunAsync(BucketWrapper wrapper)
            {
                await wrapper.DeleteBucketAsync("old");
                wrapper.Delete();
                wrapper.TerminateInstances();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task HttpClientDeleteAndCollectionRemoval_AreNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Everyday
        {
            async Task RunAsync(HttpClient http, List<int> numbers, Dictionary<string, int> map)
            {
                await http.DeleteAsync("https://example.invalid/items/1");
                numbers.Remove(1);
                numbers.RemoveAll(n => n > 3);
                numbers.Clear();
                map.Remove("a");
                File.Delete("scratch.tmp");
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task ReadOnlyAndCreatingOperations_AreNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Azure.Storage.Blobs;

        class Reader
        {
            async Task RunAsync(IAmazonS3 s3, BlobContainerClient container)
            {
                await s3.ListBucketsAsync();
                await s3.PutBucketAsync("new");
                await container.CreateIfNotExistsAsync();
                await container.GetPropertiesAsync();
            }
        }
        """)
        .ValidateAsync();
}
