// Stub of Google.Cloud.Datastore.V1 (not served here), after googleapis/google-cloud-dotnet
// apis/Google.Cloud.Datastore.V1/Google.Cloud.Datastore.V1/DatastoreDb.cs.
using System.Collections.Generic;
using System.Threading.Tasks;
using Google.Api.Gax.Grpc;

namespace Google.Cloud.Datastore.V1
{
    public sealed class Key
    {
    }

    public sealed class Entity
    {
    }

    public abstract class DatastoreDb
    {
        public static DatastoreDb Create(string projectId, string namespaceId = "") => throw null!;

        public virtual void Delete(Key key, CallSettings? callSettings = null) => throw null!;
        public virtual void Delete(IEnumerable<Key> keys, CallSettings? callSettings = null) => throw null!;
        public virtual void Delete(params Key[] keys) => throw null!;
        public virtual void Delete(Entity entity, CallSettings? callSettings = null) => throw null!;
        public virtual Task DeleteAsync(Key key, CallSettings? callSettings = null) => throw null!;
        public virtual Task DeleteAsync(IEnumerable<Key> keys, CallSettings? callSettings = null) => throw null!;
        public virtual Entity Lookup(Key key, CallSettings? callSettings = null) => throw null!;
    }
}
