// Stub of Google.Cloud.Firestore (not served here), after googleapis/google-cloud-dotnet
// apis/Google.Cloud.Firestore/Google.Cloud.Firestore/DocumentReference.cs, WriteBatch.cs, Transaction.cs.
using System.Threading;
using System.Threading.Tasks;

namespace Google.Cloud.Firestore
{
    public sealed class Precondition
    {
        public static Precondition None => throw null!;
    }

    public sealed class WriteResult
    {
    }

    public sealed class FirestoreDb
    {
        public static FirestoreDb Create(string? projectId = null) => throw null!;
        public CollectionReference Collection(string path) => throw null!;
        public DocumentReference Document(string path) => throw null!;
        public WriteBatch StartBatch() => throw null!;
    }

    public sealed class CollectionReference
    {
        public DocumentReference Document(string path) => throw null!;
    }

    public sealed class DocumentReference
    {
        public Task<WriteResult> DeleteAsync(Precondition? precondition = null, CancellationToken cancellationToken = default) => throw null!;
        public CollectionReference Collection(string path) => throw null!;
    }

    public sealed class WriteBatch
    {
        public WriteBatch Delete(DocumentReference documentReference, Precondition? precondition = null) => throw null!;
        public Task CommitAsync(CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class Transaction
    {
        public void Delete(DocumentReference documentReference, Precondition? precondition = null) => throw null!;
    }
}
