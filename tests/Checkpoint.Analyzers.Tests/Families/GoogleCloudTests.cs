namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>
/// Google Cloud. Real assemblies: Google.Cloud.Storage.V1 5.0.0 and the Google.Apis.Storage.v1
/// discovery client it brings. Stubs (Stubs/*.cs, not served here): BigQuery, Compute, Spanner, KMS,
/// Secret Manager, Firestore, Datastore.
/// </summary>
public sealed class GoogleCloudTests
{
    [Fact]
    public async Task DeleteBucketOnStorageClient_IsFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Google.Cloud.Storage.V1;

            class Cleanup
            {
                async Task RunAsync(StorageClient storage)
                {
                    await storage.[|DeleteBucketAsync|]("staging-2019");
                    storage.[|DeleteObject|]("logs", "2019/01.txt");
                    storage.[|DeleteHmacKey|]("project", "access-id");
                    await storage.[|DeleteNotificationAsync|]("logs", "7");
                }
            }
            """)
        .ValidateAsync();

        Assert.Equal("CHK001", flagged[0].Id);
        Assert.Equal("Call to 'Google.Cloud.Storage.V1.StorageClient.DeleteBucketAsync' deletes a Google Cloud Storage bucket (target 'staging-2019') and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[0].GetMessage());
    }

    [Fact]
    public async Task DeleteBucketWithDeleteObjects_SaysEveryObjectGoes()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Cloud.Storage.V1;

            class Cleanup
            {
                void Run(StorageClient storage)
                {
                    storage.[|DeleteBucket|]("staging", new DeleteBucketOptions { DeleteObjects = true });
                    var keep = new DeleteBucketOptions { DeleteObjects = false };
                    storage.[|DeleteBucket|]("empty", keep);
                }
            }
            """)
        .ValidateAsync();

        Assert.Contains("deletes a Google Cloud Storage bucket and every object in it", flagged[0].GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("every object", flagged[1].GetMessage());
    }

    [Fact]
    public async Task RestoreAndReadOnStorageClient_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Cloud.Storage.V1;

            class Recovery
            {
                void Run(StorageClient storage)
                {
                    storage.RestoreObject("logs", "2019/01.txt", 42);
                    storage.RestoreBucket("staging", 7);
                    storage.GetBucket("staging");
                    storage.ListObjects("logs");
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task GapicClients_DeleteDropDestroyAreDestructive_StopSuspendDisableAreDisruptive()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Cloud.Compute.V1;
            using Google.Cloud.Kms.V1;
            using Google.Cloud.SecretManager.V1;
            using Google.Cloud.Spanner.Admin.Database.V1;

            class Operations
            {
                void Run(InstancesClient instances, DatabaseAdminClient spanner, KeyManagementServiceClient kms, SecretManagerServiceClient secrets)
                {
                    instances.[|Delete|]("project", "zone", "vm-1");
                    instances.[|Stop|]("project", "zone", "vm-1");
                    instances.[|Suspend|]("project", "zone", "vm-1");
                    spanner.[|DropDatabase|]("projects/p/instances/i/databases/d");
                    spanner.[|DeleteBackup|]("projects/p/instances/i/backups/b");
                    kms.[|DestroyCryptoKeyVersion|]("projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1");
                    secrets.[|DisableSecretVersion|]("projects/p/secrets/s/versions/1");
                    secrets.[|DeleteSecret|]("projects/p/secrets/s");
                }
            }
            """)
        .ValidateAsync();

        Assert.Equal(["CHK001", "CHK002", "CHK002", "CHK001", "CHK001", "CHK001", "CHK002", "CHK001"], flagged.Select(d => d.Id));
        Assert.Contains("deletes a Google Cloud Compute instance", flagged[0].GetMessage());
        Assert.Contains("drops a Google Cloud Spanner database", flagged[3].GetMessage());
        Assert.Contains("destroys a Google Cloud KMS crypto key version", flagged[5].GetMessage());
    }

    [Fact]
    public async Task GapicDeleteThroughConcreteImplementationAndRequestObject_IsFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Google.Cloud.Compute.V1;

            class Operations
            {
                async Task RunAsync(InstancesClientImpl impl, InstancesClient client)
                {
                    impl.[|Delete|](new DeleteInstanceRequest { Project = "p", Zone = "z", Instance = "vm" });
                    await client.[|DeleteAsync|]("p", "z", "vm");
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task GapicRestoresStartsAndPolls_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Cloud.Compute.V1;
            using Google.Cloud.Kms.V1;
            using Google.Cloud.SecretManager.V1;
            using Google.Cloud.Spanner.Admin.Database.V1;

            class Operations
            {
                void Run(InstancesClient instances, DatabaseAdminClient spanner, KeyManagementServiceClient kms, SecretManagerServiceClient secrets)
                {
                    instances.Start("project", "zone", "vm-1");
                    instances.Resume("project", "zone", "vm-1");
                    instances.Get("project", "zone", "vm-1");
                    instances.PollOnceDelete("operation-1");
                    spanner.RestoreDatabase("parent", "db", "backup");
                    kms.RestoreCryptoKeyVersion("name");
                    secrets.EnableSecretVersion("name");
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task BigQueryDeletes_AreFlagged_AndDeleteContentsSaysSo()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Cloud.BigQuery.V2;

            class Warehouse
            {
                void Run(BigQueryClient client)
                {
                    client.[|DeleteDataset|]("analytics", new DeleteDatasetOptions { DeleteContents = true });
                    client.[|DeleteTable|]("project", "analytics", "events");
                    var dataset = client.GetDataset("analytics");
                    dataset.GetTable("events").[|Delete|]();
                    dataset.[|Delete|]();
                }
            }
            """)
        .ValidateAsync();

        Assert.Contains("deletes a Google Cloud BigQuery dataset and every table in it", flagged[0].GetMessage());
        Assert.Contains("deletes a BigQuery table", flagged[2].GetMessage());
    }

    [Fact]
    public async Task FirestoreAndDatastoreDeletes_AreFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Google.Cloud.Datastore.V1;
            using Google.Cloud.Firestore;

            class Documents
            {
                async Task RunAsync(FirestoreDb firestore, DatastoreDb datastore, Key key)
                {
                    await firestore.Document("tenants/acme").[|DeleteAsync|]();
                    var batch = firestore.StartBatch();
                    batch.[|Delete|](firestore.Document("tenants/other"));
                    await batch.CommitAsync();
                    datastore.[|Delete|](key);
                    await datastore.[|DeleteAsync|](key);
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task FirestoreAndDatastoreReadsAndWrites_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Google.Cloud.Datastore.V1;
            using Google.Cloud.Firestore;

            class Documents
            {
                async Task RunAsync(FirestoreDb firestore, DatastoreDb datastore, Key key)
                {
                    var tenants = firestore.Collection("tenants");
                    var document = tenants.Document("acme").Collection("orders").Document("1");
                    await firestore.StartBatch().CommitAsync();
                    datastore.Lookup(key);
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task DiscoveryClientDeleteRequest_IsFlaggedWhereItIsExecuted()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Google.Apis.Storage.v1;

            class Raw
            {
                async Task RunAsync(StorageService service)
                {
                    service.Buckets.Delete("staging").[|Execute|]();
                    var request = service.Objects.Delete("logs", "2019/01.txt");
                    await request.[|ExecuteAsync|]();
                }
            }
            """)
        .ValidateAsync();

        Assert.Contains("executes a Google Storage API request that deletes buckets (buckets.delete)", flagged[0].GetMessage());
    }

    [Fact]
    public async Task DiscoveryClientReadsAndUnexecutedDeleteRequests_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Google.Apis.Storage.v1;

            class Raw
            {
                object Run(StorageService service)
                {
                    service.Buckets.Get("staging").Execute();
                    service.Objects.List("logs").Execute();
                    return service.Buckets.Delete("staging");
                }
            }
            """)
        .ValidateAsync();
    }
}
