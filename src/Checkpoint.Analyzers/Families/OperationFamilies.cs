using System.Collections.Immutable;
using Checkpoint.Analyzers.Catalogue;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// The built-in operation families beyond AWS and Azure, as catalogue entries: Google Cloud,
/// Kubernetes, Pulumi, data stores, raw SQL, the file system and shell-outs. Like the AWS and Azure families,
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
        ("Google Cloud", Build(AddGoogleCloud)),
        ("Kubernetes", Build(AddKubernetes)),
        ("Pulumi Automation API", Build(AddPulumi)),
        ("Data stores: EF Core, MongoDB, Redis", Build(AddDataStores)),
        ("Raw SQL", Build(AddRawSql)),
        ("File system and shell-outs", Build(AddFileSystemAndShell)));

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

        // MongoDB.
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoClient"), "DropDatabase*", OperationTier.Destructive, OperationWording.Fixed("drops a MongoDB database")));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoDatabase"), "DropCollection*", OperationTier.Destructive, OperationWording.Fixed("drops a MongoDB collection")));
        var documents = OperationWording.Fixed("deletes every MongoDB document that matches a filter");
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoCollection`1"), "DeleteMany*", OperationTier.Destructive, documents));
        entries.Add(new OperationEntry(TypePattern.Named("MongoDB.Driver.IMongoCollectionExtensions"), "DeleteMany*", OperationTier.Destructive, documents));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.IMongoIndexManager`1"), "DropAll*", OperationTier.Destructive, OperationWording.Fixed("drops every index of a MongoDB collection")));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("MongoDB.Driver.GridFS.IGridFSBucket`1"), "Drop*", OperationTier.Destructive, OperationWording.Fixed("drops a MongoDB GridFS bucket and every file in it")));

        // StackExchange.Redis: flushing loses every key; SHUTDOWN stops the server.
        var server = TypePattern.DerivedFrom("StackExchange.Redis.IServer");
        entries.Add(new OperationEntry(server, "FlushAllDatabases*", OperationTier.Destructive, OperationWording.Fixed("deletes every key in every Redis database of the server")));
        entries.Add(new OperationEntry(server, "FlushDatabase*", OperationTier.Destructive, OperationWording.Fixed("deletes every key in a Redis database")));
        entries.Add(new OperationEntry(server, "Shutdown*", OperationTier.Disruptive, OperationWording.Fixed("shuts down a Redis server")));
    }

    private static void AddRawSql(ImmutableArray<OperationEntry>.Builder entries)
    {
        var sql = OperationWording.Fixed("runs SQL");
        entries.Add(new OperationEntry(TypePattern.Named("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions"), "ExecuteSql*", OperationTier.Destructive, sql, SqlTextCondition.Instance));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("System.Data.Common.DbCommand"), "ExecuteNonQuery*", OperationTier.Destructive, sql, SqlTextCondition.Instance, isFrameworkOperation: true));
        entries.Add(new OperationEntry(TypePattern.DerivedFrom("System.Data.IDbCommand"), "ExecuteNonQuery", OperationTier.Destructive, sql, SqlTextCondition.Instance, isFrameworkOperation: true));
        entries.Add(new OperationEntry(TypePattern.Named("Dapper.SqlMapper"), "Execute*", OperationTier.Destructive, sql, SqlTextCondition.Instance));
    }

    private static void AddFileSystemAndShell(ImmutableArray<OperationEntry>.Builder entries)
    {
        // Disruptive by default: local files are usually rebuilt, but a recursive delete of the wrong
        // path (a repository, a mounted volume) still deserves a human's yes.
        var directory = OperationWording.Fixed("deletes a directory and everything in it");
        entries.Add(new OperationEntry(TypePattern.Named("System.IO.Directory"), "Delete", OperationTier.Disruptive, directory, RecursiveDeleteCondition.Instance, isFrameworkOperation: true));
        entries.Add(new OperationEntry(TypePattern.Named("System.IO.DirectoryInfo"), "Delete", OperationTier.Disruptive, directory, RecursiveDeleteCondition.Instance, isFrameworkOperation: true));

        entries.Add(new OperationEntry(TypePattern.Named("System.Diagnostics.Process"), "Start", OperationTier.Destructive, OperationWording.Fixed("starts a process"), CommandLineCondition.Instance, isFrameworkOperation: true));
    }
}
