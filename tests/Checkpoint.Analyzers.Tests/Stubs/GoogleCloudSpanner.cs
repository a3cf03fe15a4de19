// Stub of Google.Cloud.Spanner.Admin.Database.V1 (not served here): the generated GAPIC
// DatabaseAdminClient, after googleapis/google-cloud-dotnet DatabaseAdminClient.g.cs.
using System.Threading;
using System.Threading.Tasks;
using Google.Api.Gax.Grpc;
using Google.Protobuf.WellKnownTypes;
using lro = Google.LongRunning;

namespace Google.Cloud.Spanner.Admin.Database.V1
{
    public sealed class Database
    {
    }

    public sealed class RestoreDatabaseMetadata
    {
    }

    public sealed class DatabaseName
    {
        public static DatabaseName FromProjectInstanceDatabase(string projectId, string instanceId, string databaseId) => throw null!;
    }

    public abstract partial class DatabaseAdminClient
    {
        public static DatabaseAdminClient Create() => throw null!;

        public virtual void DropDatabase(string database, CallSettings? callSettings = null) => throw null!;
        public virtual void DropDatabase(DatabaseName database, CallSettings? callSettings = null) => throw null!;
        public virtual Task DropDatabaseAsync(string database, CallSettings? callSettings = null) => throw null!;
        public virtual Task DropDatabaseAsync(DatabaseName database, CancellationToken cancellationToken) => throw null!;
        public virtual void DeleteBackup(string name, CallSettings? callSettings = null) => throw null!;
        public virtual lro::Operation<Database, RestoreDatabaseMetadata> RestoreDatabase(string parent, string databaseId, string backup, CallSettings? callSettings = null) => throw null!;
        public virtual Database GetDatabase(string name, CallSettings? callSettings = null) => throw null!;
    }
}
