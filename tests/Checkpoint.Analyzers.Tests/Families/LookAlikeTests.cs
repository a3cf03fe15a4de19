namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>
/// The look-alike suite: code that reads like the catalogue but destroys nothing. Nothing here may
/// be flagged. Real assemblies: Google.Cloud.Storage.V1, KubernetesClient, MongoDB.Driver,
/// AWSSDK.EC2/S3, Moq 4.21.0, NSubstitute 6.1.0, FakeItEasy 6.0.1; Pulumi is a stub.
/// </summary>
public sealed class LookAlikeTests
{
    [Fact]
    public async Task UserWrappersNamedLikeSdkMethods_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;

            class BucketWrapper
            {
                public Task DeleteBucketAsync(string name) => Task.CompletedTask;
                public void DropDatabase(string name) { }
                public void FlushAllDatabases() { }
                public Task DestroyAsync() => Task.CompletedTask;
                public void ExecuteSqlRaw(string sql) { }
                public void DeleteNamespacedPod(string name, string ns) { }
            }

            class Caller
            {
                async Task RunAsync(BucketWrapper wrapper)
                {
                    await wrapper.DeleteBucketAsync("staging");
                    wrapper.DropDatabase("shop");
                    wrapper.FlushAllDatabases();
                    await wrapper.DestroyAsync();
                    wrapper.ExecuteSqlRaw("DROP TABLE Orders");
                    wrapper.DeleteNamespacedPod("web-0", "prod");
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task HttpClientAndCollections_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Caller
            {
                async Task RunAsync(HttpClient http, List<string> names, Dictionary<string, int> counts, HashSet<int> ids)
                {
                    await http.DeleteAsync("https://example.test/buckets/staging");
                    names.Remove("staging");
                    names.Clear();
                    counts.Remove("staging");
                    ids.Clear();
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task TestDoubleSetupsAndChecks_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using FakeItEasy;
            using Google.Cloud.Storage.V1;
            using Moq;
            using NSubstitute;

            class Tests
            {
                async Task MoqAsync()
                {
                    var s3 = new Mock<IAmazonS3>();
                    s3.Setup(c => c.DeleteBucketAsync("staging", It.IsAny<CancellationToken>())).ReturnsAsync(new DeleteBucketResponse());
                    s3.Verify(c => c.DeleteBucketAsync("staging", default), Moq.Times.Never());
                    await Task.CompletedTask;
                }

                async Task NSubstituteAsync()
                {
                    var s3 = Substitute.For<IAmazonS3>();
                    s3.DeleteBucketAsync("staging").Returns(new DeleteBucketResponse());
                    s3.When(x => x.DeleteBucketAsync("other")).Do(_ => { });
                    await s3.Received().DeleteBucketAsync("staging");
                    await s3.DidNotReceive().DeleteBucketAsync("other");
                    var storage = Substitute.For<StorageClient>();
                    storage.Received(1).DeleteBucket("staging");
                }

                void FakeItEasy()
                {
                    var storage = A.Fake<StorageClient>();
                    A.CallTo(() => storage.DeleteBucket("staging", null)).DoesNothing();
                    A.CallTo(() => storage.DeleteObject("logs", "a.txt", null)).MustHaveHappened();
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task RealCallsDressedAsTestDoubleSetups_AreStillFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using NSubstitute;

            class Sneaky
            {
                private readonly IAmazonS3 _fake = Substitute.For<IAmazonS3>();

                void Run(IAmazonS3 real)
                {
                    // The call runs against the real client before Returns can complain.
                    real.[|DeleteBucketAsync|]("prod").Returns(Task.FromResult(new DeleteBucketResponse()));
                    // A callback is real code.
                    _fake.When(x => x.DeleteBucketAsync("x")).Do(_ => real.[|DeleteBucketAsync|]("prod"));
                    _fake.DeleteBucketAsync("x").Returns(Task.FromResult(new DeleteBucketResponse()));
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task VisibleDryRuns_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.EC2;
            using Amazon.EC2.Model;

            class Rehearsals
            {
                async Task RunAsync(IAmazonEC2 ec2, bool dryRun)
                {
                    await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = new List<string> { "i-1" }, DryRun = true });
                    var request = new TerminateInstancesRequest { InstanceIds = new List<string> { "i-2" } };
                    request.DryRun = true;
                    await ec2.TerminateInstancesAsync(request);

                    await ec2.[|TerminateInstancesAsync|](new TerminateInstancesRequest { DryRun = dryRun });
                    var real = new TerminateInstancesRequest { DryRun = true };
                    real.DryRun = false;
                    await ec2.[|TerminateInstancesAsync|](real);
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task RestoresAndUndeletes_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Google.Cloud.Kms.V1;
            using Google.Cloud.Spanner.Admin.Database.V1;
            using Google.Cloud.Storage.V1;

            class Recovery
            {
                async Task RunAsync(IAmazonS3 s3, StorageClient storage, KeyManagementServiceClient kms, DatabaseAdminClient spanner)
                {
                    await s3.RestoreObjectAsync("bucket", "key");
                    storage.RestoreBucket("staging", 1);
                    kms.RestoreCryptoKeyVersion("version");
                    spanner.RestoreDatabase("parent", "db", "backup");
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task CommentedOutAndNameOfAndStringMentions_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Cloud.Storage.V1;
            using MongoDB.Driver;

            class Notes
            {
                // storage.DeleteBucket("staging");
                /* client.DropDatabase("shop"); */
                string Describe(StorageClient storage, IMongoClient client)
                {
            #if NEVER
                    storage.DeleteBucket("staging");
            #endif
                    return nameof(storage.DeleteBucket) + nameof(IMongoClient.DropDatabase) + "client.DropDatabase(\"shop\")";
                }
            }
            """)
        .ValidateAsync();
    }
}
