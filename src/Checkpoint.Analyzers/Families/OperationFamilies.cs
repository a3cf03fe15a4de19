using System.Collections.Immutable;
using Checkpoint.Analyzers.Catalogue;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// The built-in operation families, as catalogue entries: AWS, Azure, Google Cloud, Kubernetes,
/// Pulumi, data stores, raw SQL, the file system and shell-outs. Like the AWS and Azure families,
/// every entry names a type (so an absent SDK resolves to nothing and costs nothing) and a member
/// pattern; the entries whose harm depends on the call site carry an <see cref="OperationCondition"/>.
/// Within one tier, a later entry that matches the same member wins the wording, so specific
/// entries follow the general ones they refine.
/// </summary>
/// <remarks>
/// The file-system, shell-out and ADO.NET entries name .NET's own types, which every compilation
/// has. They are marked <c>isFrameworkOperation</c>: checked in every project, but where nothing
/// else can be an operation the analyzer reaches them through a name pre-filter on call syntax
/// instead of per-operation actions, so a project without a cloud SDK still pays almost nothing.
/// </remarks>
internal static class OperationFamilies
{
    /// <summary>Each family with its entries, in catalogue order: docs/rules/CHK001.md and CHK002.md are generated from it.</summary>
    public static ImmutableArray<(string Family, ImmutableArray<OperationEntry> Entries)> Families { get; } = ImmutableArray.Create(
        ("AWS SDK for .NET", Build(AddAws)),
        ("Azure SDK", Build(AddAzure)),
        ("Google Cloud", Build(AddGoogleCloud)),
        ("Kubernetes", Build(AddKubernetes)),
        ("Pulumi Automation API", Build(AddPulumi)),
        ("Data stores: EF Core, MongoDB, Redis", Build(AddDataStores)),
        ("Raw SQL", Build(AddRawSql)),
        ("File system", Build(AddFileSystem)),
        ("Shell-outs", Build(AddShellOuts)));

    public static void AddTo(ImmutableArray<OperationEntry>.Builder entries)
    {
        foreach (var (_, familyEntries) in Families)
        {
            entries.AddRange(familyEntries);
        }
    }

    private static ImmutableArray<OperationEntry> Build(System.Action<ImmutableArray<OperationEntry>.Builder> add)
    {
        var entries = ImmutableArray.CreateBuilder<OperationEntry>();
        add(entries);
        return entries.ToImmutable();
    }

    private static void AddAws(ImmutableArray<OperationEntry>.Builder entries)
    {
        // Every service client of the AWS SDK for .NET implements IAmazonService; its operations are
        // named verb-first, so the verb decides the tier.
        var client = TypePattern.DerivedFrom("Amazon.Runtime.IAmazonService");
        var wording = OperationWording.FromAwsClient();
        foreach (var verb in new[] { "Delete", "Terminate", "Purge", "Deregister", "Deprovision", "Release" })
        {
            entries.Add(new OperationEntry(client, verb + "*", OperationTier.Destructive, wording));
        }

        entries.Add(new OperationEntry(client, "ScheduleKeyDeletion*", OperationTier.Destructive, OperationWording.Fixed("schedules the deletion of a KMS key")));

        foreach (var verb in new[] { "Stop", "Reboot", "Disable", "Detach", "Disassociate", "Revoke", "Reset" })
        {
            entries.Add(new OperationEntry(client, verb + "*", OperationTier.Disruptive, wording));
        }

        // Deleting a received message is how a consumer acknowledges it, not a loss of data.
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Amazon.SQS.IAmazonSQS"), "DeleteMessage*", OperationTier.Ignore, wording));

        // High-level helpers that wrap the operations above.
        var bucketWithObjects = OperationWording.Fixed("deletes an S3 bucket and every object in it");
        entries.Add(new OperationEntry(TypePattern.Named("Amazon.S3.Util.AmazonS3Util"), "DeleteS3BucketWithObjects*", OperationTier.Destructive, bucketWithObjects));
        entries.Add(new OperationEntry(TypePattern.Named("Amazon.S3.IO.S3DirectoryInfo"), "Delete", OperationTier.Destructive, OperationWording.Fixed("deletes an S3 directory")));
        entries.Add(new OperationEntry(TypePattern.Named("Amazon.S3.IO.S3FileInfo"), "Delete", OperationTier.Destructive, OperationWording.Fixed("deletes an S3 object")));

        var dynamoItem = OperationWording.Fixed("deletes a DynamoDB item");
        foreach (var context in new[] { "Amazon.DynamoDBv2.DataModel.DynamoDBContext", "Amazon.DynamoDBv2.DataModel.IDynamoDBContext" })
        {
            entries.Add(new OperationEntry(TypePattern.Named(context), "Delete", OperationTier.Destructive, dynamoItem));
            entries.Add(new OperationEntry(TypePattern.Named(context), "DeleteAsync", OperationTier.Destructive, dynamoItem));
        }

        foreach (var table in new[] { "Amazon.DynamoDBv2.DocumentModel.Table", "Amazon.DynamoDBv2.DocumentModel.ITable" })
        {
            entries.Add(new OperationEntry(TypePattern.Named(table), "DeleteItem*", OperationTier.Destructive, dynamoItem));
        }

        // DynamoDB batches and transactions: deleting through them is a delete like DeleteItem.
        var dynamo = TypePattern.DerivedFrom("Amazon.DynamoDBv2.IAmazonDynamoDB");
        entries.Add(new OperationEntry(dynamo, "BatchWriteItem*", OperationTier.Destructive, OperationWording.Fixed("deletes DynamoDB items in a batch"), CreatedInMemberCondition.DynamoDbBatch));
        entries.Add(new OperationEntry(dynamo, "TransactWriteItems*", OperationTier.Destructive, OperationWording.Fixed("deletes DynamoDB items in a transaction"), CreatedInMemberCondition.DynamoDbTransaction));
        var partiQL = OperationWording.Fixed("runs a PartiQL DELETE");
        foreach (var statement in new[] { "ExecuteStatement*", "BatchExecuteStatement*", "ExecuteTransaction*" })
        {
            entries.Add(new OperationEntry(dynamo, statement, OperationTier.Destructive, partiQL, SqlTextCondition.PartiQL));
        }

        var batchDelete = OperationWording.Fixed("deletes DynamoDB items in a batch or transaction");
        foreach (var writer in new[] { "Amazon.DynamoDBv2.DataModel.IBatchWrite`1", "Amazon.DynamoDBv2.DataModel.ITransactWrite`1" })
        {
            entries.Add(new OperationEntry(TypePattern.DerivedFrom(writer), "AddDeleteItem*", OperationTier.Destructive, batchDelete));
            entries.Add(new OperationEntry(TypePattern.DerivedFrom(writer), "AddDeleteKey", OperationTier.Destructive, batchDelete));
        }

        foreach (var writer in new[] { "Amazon.DynamoDBv2.DocumentModel.IDocumentBatchWrite", "Amazon.DynamoDBv2.DocumentModel.IDocumentTransactWrite" })
        {
            entries.Add(new OperationEntry(TypePattern.DerivedFrom(writer), "AddKeyToDelete", OperationTier.Destructive, batchDelete));
            entries.Add(new OperationEntry(TypePattern.DerivedFrom(writer), "AddItemToDelete", OperationTier.Destructive, batchDelete));
        }
    }

    private static void AddAzure(ImmutableArray<OperationEntry>.Builder entries)
    {
        // Azure Resource Manager: every resource type derives from ArmResource and deletes itself.
        var armResource = TypePattern.DerivedFrom("Azure.ResourceManager.ArmResource");
        var arm = OperationWording.FromName("Azure");
        entries.Add(new OperationEntry(armResource, "Delete", OperationTier.Destructive, arm));
        entries.Add(new OperationEntry(armResource, "DeleteAsync", OperationTier.Destructive, arm));
        foreach (var verb in new[] { "PowerOff", "Deallocate", "Reimage", "Restart" })
        {
            entries.Add(new OperationEntry(armResource, verb + "*", OperationTier.Disruptive, arm));
        }

        // Data-plane clients: Delete, DeleteIfExists, DeleteBlobContainer, DeleteEntity ...
        var storage = OperationWording.FromName("Azure Storage");
        foreach (var storageNamespace in new[] { "Azure.Storage.Blobs", "Azure.Storage.Files.Shares", "Azure.Storage.Files.DataLake", "Azure.Storage.Queues" })
        {
            entries.Add(new OperationEntry(TypePattern.InNamespace(storageNamespace, "*Client"), "Delete*", OperationTier.Destructive, storage));
        }

        // As with SQS, deleting a received queue message acknowledges it; clearing the queue loses messages.
        var queues = TypePattern.InNamespace("Azure.Storage.Queues", "*Client");
        entries.Add(new OperationEntry(queues, "DeleteMessage*", OperationTier.Ignore, storage));
        entries.Add(new OperationEntry(queues, "ClearMessages*", OperationTier.Destructive, OperationWording.Fixed("deletes every message in an Azure Storage queue")));

        entries.Add(new OperationEntry(TypePattern.InNamespace("Azure.Data.Tables", "*Client"), "Delete*", OperationTier.Destructive, OperationWording.FromName("Azure Table Storage")));
        entries.Add(new OperationEntry(TypePattern.Named("Azure.Data.Tables.TableClient"), "SubmitTransaction*", OperationTier.Destructive, OperationWording.Fixed("deletes Azure Table Storage entities in a transaction"), CreatedInMemberCondition.TablesTransaction));

        var cosmos = OperationWording.FromName("Cosmos DB");
        entries.Add(new OperationEntry(TypePattern.Named("Microsoft.Azure.Cosmos.Database"), "Delete*", OperationTier.Destructive, cosmos));
        var container = TypePattern.Named("Microsoft.Azure.Cosmos.Container");
        entries.Add(new OperationEntry(container, "DeleteContainer*", OperationTier.Destructive, cosmos));
        entries.Add(new OperationEntry(container, "DeleteItem*", OperationTier.Destructive, cosmos));
        entries.Add(new OperationEntry(container, "DeleteAllItemsByPartitionKeyStream*", OperationTier.Destructive, OperationWording.Fixed("deletes every item in a Cosmos DB partition")));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Microsoft.Azure.Cosmos.TransactionalBatch"), "DeleteItem*", OperationTier.Destructive, OperationWording.Fixed("deletes a Cosmos DB item in a transactional batch")));

        var keyVault = TypePattern.InNamespace("Azure.Security.KeyVault", "*Client");
        var keyVaultWording = OperationWording.FromName("Azure Key Vault");
        entries.Add(new OperationEntry(keyVault, "StartDelete*", OperationTier.Destructive, keyVaultWording));
        entries.Add(new OperationEntry(keyVault, "PurgeDeleted*", OperationTier.Destructive, keyVaultWording));

        entries.Add(new OperationEntry(
            TypePattern.Named("Azure.Messaging.ServiceBus.Administration.ServiceBusAdministrationClient"),
            "Delete*",
            OperationTier.Destructive,
            OperationWording.FromName("Azure Service Bus")));
    }
    private static void AddGoogleCloud(ImmutableArray<OperationEntry>.Builder entries)
    {
        var google = FamilyWording.GoogleCloud;

        // Every generated GAPIC client: Google.Cloud.<Service>[.<Sub>].V<n>.<Name>Client, verb-first
        // method names. Undelete*, Restore* and Cancel* never match these prefixes.
        var gapic = TypePattern.InNamespace("Google.Cloud.*.V*", "*Client");
        foreach (var verb in new[] { "Delete", "Drop", "Destroy", "Purge" })
        {
            entries.Add(new OperationEntry(gapic, verb + "*", OperationTier.Destructive, google));
        }

        foreach (var verb in new[] { "Stop", "Suspend", "Disable" })
        {
            entries.Add(new OperationEntry(gapic, verb + "*", OperationTier.Disruptive, google));
        }

        // Cloud Storage: the hand-written StorageClient (also a *Client in a V1 namespace, refined here).
        var storage = TypePattern.DerivedFrom("Google.Cloud.Storage.V1.StorageClient");
        entries.Add(new OperationEntry(storage, "DeleteObject*", OperationTier.Destructive, google));
        entries.Add(new OperationEntry(storage, "DeleteHmacKey*", OperationTier.Destructive, google));
        entries.Add(new OperationEntry(storage, "DeleteNotification*", OperationTier.Destructive, google));
        entries.Add(new OperationEntry(storage, "DeleteBucket*", OperationTier.Destructive, google, DeleteContentsCondition.StorageBucket));

        // BigQuery: the client and the dataset/table wrappers it hands out.
        var bigQuery = TypePattern.DerivedFrom("Google.Cloud.BigQuery.V2.BigQueryClient");
        entries.Add(new OperationEntry(bigQuery, "DeleteTable*", OperationTier.Destructive, google));
        entries.Add(new OperationEntry(bigQuery, "DeleteDataset*", OperationTier.Destructive, google, DeleteContentsCondition.BigQueryDataset));
        entries.Add(new OperationEntry(TypePattern.Named("Google.Cloud.BigQuery.V2.BigQueryDataset"), "Delete*", OperationTier.Destructive, OperationWording.Fixed("deletes a BigQuery dataset"), DeleteContentsCondition.BigQueryDataset));
        entries.Add(new OperationEntry(TypePattern.Named("Google.Cloud.BigQuery.V2.BigQueryTable"), "Delete*", OperationTier.Destructive, OperationWording.Fixed("deletes a BigQuery table")));

        // Firestore's high-level API (the GAPIC FirestoreClient is covered above).
        var document = OperationWording.Fixed("deletes a Firestore document");
        entries.Add(new OperationEntry(TypePattern.Named("Google.Cloud.Firestore.DocumentReference"), "DeleteAsync", OperationTier.Destructive, document));
        entries.Add(new OperationEntry(TypePattern.Named("Google.Cloud.Firestore.WriteBatch"), "Delete", OperationTier.Destructive, document));
        entries.Add(new OperationEntry(TypePattern.Named("Google.Cloud.Firestore.Transaction"), "Delete", OperationTier.Destructive, document));

        // Datastore's DatastoreDb (and its transactions) delete entities by key.
        var entity = OperationWording.Fixed("deletes Datastore entities");
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Google.Cloud.Datastore.V1.DatastoreDb"), "Delete*", OperationTier.Destructive, entity));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Google.Cloud.Datastore.V1.DatastoreTransaction"), "Delete*", OperationTier.Destructive, entity));

        // Google.Apis.* discovery clients act when the request is executed; the request type says what
        // it does. One member (Execute) cannot carry two tiers, so only destructive requests are covered.
        entries.Add(new OperationEntry(
            TypePattern.DerivedFrom("Google.Apis.Requests.ClientServiceRequest`1"),
            "Execute*",
            OperationTier.Destructive,
            OperationWording.Fixed("executes a Google API request"),
            DiscoveryRequestCondition.Destructive));
    }

    private static void AddKubernetes(ImmutableArray<OperationEntry>.Builder entries)
    {
        // KubernetesClient: the Delete* extension methods on the operation groups (client.CoreV1...),
        // the operation interfaces the concrete Kubernetes type implements, GenericClient, and the
        // ClientSets' per-resource clients.
        var kubernetes = FamilyWording.Kubernetes;
        entries.Add(new OperationEntry(TypePattern.InNamespace("k8s", "*OperationsExtensions"), "Delete*", OperationTier.Destructive, kubernetes));
        entries.Add(new OperationEntry(TypePattern.InNamespace("k8s", "I*Operations"), "Delete*", OperationTier.Destructive, kubernetes));
        entries.Add(new OperationEntry(TypePattern.Named("k8s.GenericClient"), "Delete*", OperationTier.Destructive, kubernetes));
        entries.Add(new OperationEntry(TypePattern.InNamespace("k8s.ClientSets", "*Client"), "Delete*", OperationTier.Destructive, kubernetes));
    }

    private static void AddPulumi(ImmutableArray<OperationEntry>.Builder entries)
    {
        var destroy = OperationWording.Fixed("destroys every resource in a Pulumi stack");
        entries.Add(new OperationEntry(TypePattern.Named("Pulumi.Automation.WorkspaceStack"), "DestroyAsync", OperationTier.Destructive, destroy));
        entries.Add(new OperationEntry(TypePattern.Named("Pulumi.Automation.RemoteWorkspaceStack"), "DestroyAsync", OperationTier.Destructive, destroy));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Pulumi.Automation.Workspace"), "RemoveStackAsync", OperationTier.Destructive, OperationWording.Fixed("removes a Pulumi stack with its configuration and history")));
    }

    private static void AddDataStores(ImmutableArray<OperationEntry>.Builder entries)
    {
        // EF Core. ExecuteDelete moved from RelationalQueryableExtensions (EF 7-8) to
        // EntityFrameworkQueryableExtensions (EF 9+), so it is matched by namespace and name.
        var database = OperationWording.Fixed("deletes the whole database");
        entries.Add(new OperationEntry(TypePattern.Named("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade"), "EnsureDeleted*", OperationTier.Destructive, database));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Microsoft.EntityFrameworkCore.Storage.IDatabaseCreator"), "EnsureDeleted*", OperationTier.Destructive, database));
        // Exact names: the same namespace holds ExecuteDeleteFailed (a logger extension) and resource strings.
        var executeDelete = TypePattern.InNamespace("Microsoft.EntityFrameworkCore", "*");
        var rows = OperationWording.Fixed("deletes every row the query selects");
        entries.Add(new OperationEntry(executeDelete, "ExecuteDelete", OperationTier.Destructive, rows));
        entries.Add(new OperationEntry(executeDelete, "ExecuteDeleteAsync", OperationTier.Destructive, rows));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator"), "Delete", OperationTier.Destructive, database));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator"), "DeleteAsync", OperationTier.Destructive, database));
        var removeRange = OperationWording.Fixed("deletes every row of a table");
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Microsoft.EntityFrameworkCore.DbContext"), "RemoveRange", OperationTier.Destructive, removeRange, WholeSetCondition.Instance));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Microsoft.EntityFrameworkCore.DbSet`1"), "RemoveRange", OperationTier.Destructive, removeRange, WholeSetCondition.Instance));

        // EF Core migrations.
        var migration = TypePattern.Named("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
        entries.Add(new OperationEntry(migration, "DropTable", OperationTier.Destructive, OperationWording.Fixed("drops a table in a migration"), MigrationCondition.Table));
        entries.Add(new OperationEntry(migration, "DropColumn", OperationTier.Destructive, OperationWording.Fixed("drops a column in a migration"), MigrationCondition.Column));
        entries.Add(new OperationEntry(migration, "DropSchema", OperationTier.Destructive, OperationWording.Fixed("drops a schema in a migration"), MigrationCondition.Schema));
        entries.Add(new OperationEntry(migration, "DeleteData", OperationTier.Destructive, OperationWording.Fixed("deletes rows in a migration")));

        // MongoDB.
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoClient"), "DropDatabase*", OperationTier.Destructive, OperationWording.Fixed("drops a MongoDB database")));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoDatabase"), "DropCollection*", OperationTier.Destructive, OperationWording.Fixed("drops a MongoDB collection")));
        var documents = OperationWording.Fixed("deletes every MongoDB document that matches a filter");
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoCollection`1"), "DeleteMany*", OperationTier.Destructive, documents));
        entries.Add(new OperationEntry(TypePattern.Named("MongoDB.Driver.IMongoCollectionExtensions"), "DeleteMany*", OperationTier.Destructive, documents));

        // One document deleted by its filter: the same tier as every other single-item delete (docs/rules/CHK001.md).
        var document = OperationWording.Fixed("deletes a MongoDB document");
        foreach (var owner in new[] { TypePattern.DerivedFrom("MongoDB.Driver.IMongoCollection`1"), TypePattern.Named("MongoDB.Driver.IMongoCollectionExtensions") })
        {
            entries.Add(new OperationEntry(owner, "DeleteOne*", OperationTier.Destructive, document));
            entries.Add(new OperationEntry(owner, "FindOneAndDelete*", OperationTier.Destructive, document));
        }

        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoCollection`1"), "BulkWrite*", OperationTier.Destructive, OperationWording.Fixed("deletes MongoDB documents in a bulk write"), CreatedInMemberCondition.MongoBulkWrite));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoClient"), "BulkWrite*", OperationTier.Destructive, OperationWording.Fixed("deletes MongoDB documents in a bulk write"), CreatedInMemberCondition.MongoBulkWrite));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoDatabase"), "RunCommand*", OperationTier.Destructive, OperationWording.Fixed("runs a MongoDB command"), DataStoreCommandCondition.Mongo));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoIndexManager`1"), "DropAll*", OperationTier.Destructive, OperationWording.Fixed("drops every index of a MongoDB collection")));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.GridFS.IGridFSBucket`1"), "Drop*", OperationTier.Destructive, OperationWording.Fixed("drops a MongoDB GridFS bucket and every file in it")));

        // StackExchange.Redis: flushing loses every key; SHUTDOWN stops the server.
        var server = TypePattern.DerivedFrom("StackExchange.Redis.IServer");
        entries.Add(new OperationEntry(server, "FlushAllDatabases*", OperationTier.Destructive, OperationWording.Fixed("deletes every key in every Redis database of the server")));
        entries.Add(new OperationEntry(server, "FlushDatabase*", OperationTier.Destructive, OperationWording.Fixed("deletes every key in a Redis database")));
        entries.Add(new OperationEntry(server, "Shutdown*", OperationTier.Disruptive, OperationWording.Fixed("shuts down a Redis server")));
        var redisCommand = OperationWording.Fixed("runs a Redis command");
        foreach (var owner in new[] { server, TypePattern.DerivedFrom("StackExchange.Redis.IDatabaseAsync") })
        {
            entries.Add(new OperationEntry(owner, "Execute", OperationTier.Destructive, redisCommand, DataStoreCommandCondition.Redis));
            entries.Add(new OperationEntry(owner, "ExecuteAsync", OperationTier.Destructive, redisCommand, DataStoreCommandCondition.Redis));
        }

        entries.Add(new OperationEntry(TypePattern.DerivedFrom("StackExchange.Redis.IDatabaseAsync"), "ScriptEvaluate", OperationTier.Destructive, redisCommand, DataStoreCommandCondition.Redis));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("StackExchange.Redis.IDatabaseAsync"), "ScriptEvaluateAsync", OperationTier.Destructive, redisCommand, DataStoreCommandCondition.Redis));
    }

    private static void AddRawSql(ImmutableArray<OperationEntry>.Builder entries)
    {
        var sql = OperationWording.Fixed("runs SQL");
        entries.Add(new OperationEntry(TypePattern.Named("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions"), "ExecuteSql*", OperationTier.Destructive, sql, SqlTextCondition.Instance));
        entries.Add(new OperationEntry(TypePattern.Named("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder"), "Sql", OperationTier.Destructive, sql, SqlTextCondition.Instance));
        foreach (var verb in new[] { "ExecuteNonQuery*", "ExecuteScalar*", "ExecuteReader*" })
        {
            entries.Add(new OperationEntry(TypePattern.DerivedFrom("System.Data.Common.DbCommand"), verb, OperationTier.Destructive, sql, SqlTextCondition.Instance, isFrameworkOperation: true));
            entries.Add(new OperationEntry(TypePattern.DerivedFrom("System.Data.IDbCommand"), verb, OperationTier.Destructive, sql, SqlTextCondition.Instance, isFrameworkOperation: true));
            entries.Add(new OperationEntry(TypePattern.DerivedFrom("System.Data.Common.DbBatch"), verb, OperationTier.Destructive, sql, SqlTextCondition.Instance, isFrameworkOperation: true));
        }

        entries.Add(new OperationEntry(TypePattern.Named("Dapper.SqlMapper"), "Execute*", OperationTier.Destructive, sql, SqlTextCondition.Instance));
        entries.Add(new OperationEntry(TypePattern.Named("Dapper.SqlMapper"), "Query*", OperationTier.Destructive, sql, SqlTextCondition.Instance));
    }

    private static void AddFileSystem(ImmutableArray<OperationEntry>.Builder entries)
    {
        // Disruptive by default: local files are usually rebuilt, but a recursive delete of the wrong
        // path (a repository, a mounted volume) still deserves a human's yes.
        var directory = OperationWording.Fixed("deletes a directory and everything in it");
        entries.Add(new OperationEntry(TypePattern.Named("System.IO.Directory"), "Delete", OperationTier.Disruptive, directory, RecursiveDeleteCondition.Instance, isFrameworkOperation: true));
        entries.Add(new OperationEntry(TypePattern.Named("System.IO.DirectoryInfo"), "Delete", OperationTier.Disruptive, directory, RecursiveDeleteCondition.Instance, isFrameworkOperation: true));
    }

    private static void AddShellOuts(ImmutableArray<OperationEntry>.Builder entries)
    {
        var process = OperationWording.Fixed("starts a process");
        entries.Add(new OperationEntry(TypePattern.Named("System.Diagnostics.Process"), "Start", OperationTier.Destructive, process, CommandLineCondition.Instance, isFrameworkOperation: true));

        // CliWrap runs the command it built at ExecuteAsync (and its buffered and event-stream forms).
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("CliWrap.Command"), "ExecuteAsync", OperationTier.Destructive, process, CliWrapCondition.Instance));
        foreach (var run in new[] { "ExecuteBufferedAsync", "ListenAsync", "Observe" })
        {
            entries.Add(new OperationEntry(TypePattern.InNamespace("CliWrap", "*CommandExtensions"), run, OperationTier.Destructive, process, CliWrapCondition.Instance));
        }

        entries.Add(new OperationEntry(TypePattern.Named("Medallion.Shell.Command"), "Run", OperationTier.Destructive, process, ProgramArgumentsCondition.MedallionShell));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("Medallion.Shell.Shell"), "Run", OperationTier.Destructive, process, ProgramArgumentsCondition.MedallionShell));
        foreach (var run in new[] { "Start", "Finish", "FinishAsync" })
        {
            entries.Add(new OperationEntry(TypePattern.Named("Instances.Instance"), run, OperationTier.Destructive, process, ProgramArgumentsCondition.Instances));
        }

        entries.Add(new OperationEntry(TypePattern.Named("Instances.ProcessArguments"), "Start", OperationTier.Destructive, process, ProgramArgumentsCondition.Instances));
        entries.Add(new OperationEntry(TypePattern.Named("Instances.ProcessArgumentsExtensions"), "StartAndWaitForExit*", OperationTier.Destructive, process, ProgramArgumentsCondition.Instances));
    }
}
