// Stub of Google.Cloud.Compute.V1 (not served here): the generated GAPIC InstancesClient, after
// googleapis/google-cloud-dotnet apis/Google.Cloud.Compute.V1/Google.Cloud.Compute.V1/InstancesClient.g.cs.
using System.Threading;
using System.Threading.Tasks;
using Google.Api.Gax.Grpc;
using lro = Google.LongRunning;

namespace Google.Cloud.Compute.V1
{
    public sealed class Operation
    {
    }

    public sealed class Instance
    {
    }

    public sealed class DeleteInstanceRequest
    {
        public string Project { get; set; } = "";
        public string Zone { get; set; } = "";
        public string Instance { get; set; } = "";
    }

    public sealed class StopInstanceRequest
    {
    }

    public abstract partial class InstancesClient
    {
        public static InstancesClient Create() => throw null!;

        public virtual lro::Operation<Operation, Operation> Delete(DeleteInstanceRequest request, CallSettings? callSettings = null) => throw null!;
        public virtual Task<lro::Operation<Operation, Operation>> DeleteAsync(DeleteInstanceRequest request, CallSettings? callSettings = null) => throw null!;
        public virtual Task<lro::Operation<Operation, Operation>> DeleteAsync(DeleteInstanceRequest request, CancellationToken cancellationToken) => throw null!;
        public virtual lro::Operation<Operation, Operation> Delete(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;
        public virtual Task<lro::Operation<Operation, Operation>> DeleteAsync(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;

        public virtual lro::Operation<Operation, Operation> Stop(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;
        public virtual Task<lro::Operation<Operation, Operation>> StopAsync(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;
        public virtual lro::Operation<Operation, Operation> Suspend(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;
        public virtual lro::Operation<Operation, Operation> Start(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;
        public virtual lro::Operation<Operation, Operation> Resume(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;
        public virtual Instance Get(string project, string zone, string instance, CallSettings? callSettings = null) => throw null!;

        public virtual lro::Operation<Operation, Operation> PollOnceDelete(string operationName, CallSettings? callSettings = null) => throw null!;
    }

    public sealed partial class InstancesClientImpl : InstancesClient
    {
        public override lro::Operation<Operation, Operation> Delete(DeleteInstanceRequest request, CallSettings? callSettings = null) => throw null!;
    }

    public sealed class InstancesClientBuilder
    {
        public InstancesClient Build() => throw null!;
    }
}
