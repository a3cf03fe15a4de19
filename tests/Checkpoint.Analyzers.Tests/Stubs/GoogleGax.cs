// Stub of Google.Api.Gax.Grpc and Google.LongRunning: only the types the GAPIC client stubs mention.
namespace Google.Api.Gax.Grpc
{
    public sealed class CallSettings
    {
    }
}

namespace Google.LongRunning
{
    public sealed class Operation<TResponse, TMetadata>
        where TResponse : class
        where TMetadata : class
    {
        public string Name => throw null!;
    }
}

namespace Google.Protobuf.WellKnownTypes
{
    public sealed class Empty
    {
    }
}
