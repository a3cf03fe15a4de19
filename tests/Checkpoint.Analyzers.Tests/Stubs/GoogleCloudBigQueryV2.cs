// Stub of Google.Cloud.BigQuery.V2 (not served here). Signatures follow googleapis/google-cloud-dotnet
// apis/Google.Cloud.BigQuery.V2/Google.Cloud.BigQuery.V2/BigQueryClient.Dataset.cs and .Table.cs.
using System.Threading;
using System.Threading.Tasks;

namespace Google.Apis.Bigquery.v2.Data
{
    public class DatasetReference
    {
        public string ProjectId { get; set; } = "";
        public string DatasetId { get; set; } = "";
    }

    public class TableReference
    {
        public string ProjectId { get; set; } = "";
        public string DatasetId { get; set; } = "";
        public string TableId { get; set; } = "";
    }
}

namespace Google.Cloud.BigQuery.V2
{
    using Google.Apis.Bigquery.v2.Data;

    public sealed class DeleteDatasetOptions
    {
        public bool? DeleteContents { get; set; }
    }

    public sealed class DeleteTableOptions
    {
    }

    public sealed class GetDatasetOptions
    {
    }

    public abstract class BigQueryClient
    {
        public virtual string ProjectId => throw null!;

        public static BigQueryClient Create(string projectId) => throw null!;

        public virtual void DeleteDataset(string datasetId, DeleteDatasetOptions? options = null) => throw null!;
        public virtual void DeleteDataset(string projectId, string datasetId, DeleteDatasetOptions? options = null) => throw null!;
        public virtual void DeleteDataset(DatasetReference datasetReference, DeleteDatasetOptions? options = null) => throw null!;
        public virtual Task DeleteDatasetAsync(string datasetId, DeleteDatasetOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task DeleteDatasetAsync(string projectId, string datasetId, DeleteDatasetOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task DeleteDatasetAsync(DatasetReference datasetReference, DeleteDatasetOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public virtual void DeleteTable(string datasetId, string tableId, DeleteTableOptions? options = null) => throw null!;
        public virtual void DeleteTable(string projectId, string datasetId, string tableId, DeleteTableOptions? options = null) => throw null!;
        public virtual void DeleteTable(TableReference tableReference, DeleteTableOptions? options = null) => throw null!;
        public virtual Task DeleteTableAsync(string projectId, string datasetId, string tableId, DeleteTableOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual Task DeleteTableAsync(TableReference tableReference, DeleteTableOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public virtual BigQueryDataset GetDataset(string datasetId, GetDatasetOptions? options = null) => throw null!;
    }

    public sealed class BigQueryClientImpl : BigQueryClient
    {
        public override void DeleteDataset(string projectId, string datasetId, DeleteDatasetOptions? options = null) => throw null!;
    }

    public sealed class BigQueryDataset
    {
        public void Delete(DeleteDatasetOptions? options = null) => throw null!;
        public Task DeleteAsync(DeleteDatasetOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public BigQueryTable GetTable(string tableId) => throw null!;
    }

    public sealed class BigQueryTable
    {
        public void Delete(DeleteTableOptions? options = null) => throw null!;
        public Task DeleteAsync(DeleteTableOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
    }
}
