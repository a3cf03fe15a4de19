
namespace Checkpoint.Analyzers.Tests;

/// <summary>Azure SDK: Resource Manager resources, Storage, Tables, Cosmos DB, Key Vault, Service Bus.</summary>
public sealed class AzureOperationTests
{
    [Fact]
    public Task ResourceGroupDelete_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Resources;

        class Environments
        {
            Task TearDownAsync(ResourceGroupResource group) => group.{|#0:DeleteAsync|}(WaitUntil.Completed);
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Azure.ResourceManager.Resources.ResourceGroupResource.DeleteAsync", "deletes an Azure resource group", ""))
        .ValidateAsync();

    [Fact]
    public Task GenericResourceDelete_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using Azure;
        using Azure.ResourceManager.Resources;

        class Environments
        {
            void TearDown(GenericResource resource) => resource.{|#0:Delete|}(WaitUntil.Started);
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation)
            .WithLocation(0)
            .WithArguments("Call to", "Azure.ResourceManager.Resources.GenericResource.Delete", "deletes an Azure resource", ""))
        .ValidateAsync();

    [Fact]
    public Task VirtualMachineDelete_IsDestructive_AndPowerOffDeallocateReimageRestart_AreDisruptive() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;

        class Fleet
        {
            async Task RecycleAsync(VirtualMachineResource vm)
            {
                await vm.{|#0:PowerOffAsync|}(WaitUntil.Completed);
                await vm.{|#1:DeallocateAsync|}(WaitUntil.Completed);
                await vm.{|#2:ReimageAsync|}(WaitUntil.Completed);
                await vm.{|#3:RestartAsync|}(WaitUntil.Completed);
                await vm.{|#4:DeleteAsync|}(WaitUntil.Completed);
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.ResourceManager.Compute.VirtualMachineResource.PowerOffAsync", "powers off an Azure virtual machine", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(1)
            .WithArguments("Call to", "Azure.ResourceManager.Compute.VirtualMachineResource.DeallocateAsync", "deallocates an Azure virtual machine", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(2)
            .WithArguments("Call to", "Azure.ResourceManager.Compute.VirtualMachineResource.ReimageAsync", "reimages an Azure virtual machine", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(3)
            .WithArguments("Call to", "Azure.ResourceManager.Compute.VirtualMachineResource.RestartAsync", "restarts an Azure virtual machine", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(4)
            .WithArguments("Call to", "Azure.ResourceManager.Compute.VirtualMachineResource.DeleteAsync", "deletes an Azure virtual machine", ""))
        .ValidateAsync();

    [Fact]
    public Task VirtualMachineTagRemovalAndStart_AreNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;

        class Fleet
        {
            async Task TidyAsync(VirtualMachineResource vm)
            {
                await vm.RemoveTagAsync("owner");
                await vm.PowerOnAsync(WaitUntil.Completed);
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task BlobContainerAndBlobDeletes_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;

        class Archive
        {
            async Task PurgeAsync(BlobServiceClient service, BlobContainerClient container, BlobClient blob)
            {
                await service.{|#0:DeleteBlobContainerAsync|}("old");
                await container.{|#1:DeleteIfExistsAsync|}();
                await container.{|#2:DeleteBlobAsync|}("a.txt");
                blob.{|#3:DeleteIfExists|}();
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.Storage.Blobs.BlobServiceClient.DeleteBlobContainerAsync", "deletes an Azure Storage blob container", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Azure.Storage.Blobs.BlobContainerClient.DeleteIfExistsAsync", "deletes an Azure Storage blob container", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Azure.Storage.Blobs.BlobContainerClient.DeleteBlobAsync", "deletes an Azure Storage blob", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(3)
            .WithArguments("Call to", "Azure.Storage.Blobs.Specialized.BlobBaseClient.DeleteIfExists", "deletes an Azure Storage blob", ""))
        .ValidateAsync();

    [Fact]
    public Task BlobUndeleteAndRead_AreNotFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;

        class Archive
        {
            async Task RecoverAsync(BlobClient blob)
            {
                await blob.UndeleteAsync();
                await blob.DownloadContentAsync();
            }
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task QueueDeleteAndClear_AreFlagged_ButMessageAcknowledgementIsNot() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Storage.Queues;

        class Work
        {
            async Task RunAsync(QueueClient queue)
            {
                await queue.DeleteMessageAsync("id", "receipt");
                await queue.{|#0:ClearMessagesAsync|}();
                await queue.{|#1:DeleteAsync|}();
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.Storage.Queues.QueueClient.ClearMessagesAsync", "deletes every message in an Azure Storage queue", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Azure.Storage.Queues.QueueClient.DeleteAsync", "deletes an Azure Storage queue", ""))
        .ValidateAsync();

    [Fact]
    public Task FileShareDelete_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Storage.Files.Shares;

        class Shares
        {
            Task DropAsync(ShareClient share) => share.{|CHK001:DeleteAsync|}(new Azure.Storage.Files.Shares.Models.ShareDeleteOptions());
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task TableDeletes_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Data.Tables;

        class Ledger
        {
            async Task ForgetAsync(TableServiceClient service, TableClient table)
            {
                service.{|#0:DeleteTable|}("ledger");
                await table.{|#1:DeleteEntityAsync|}("pk", "rk");
                await table.{|#2:DeleteAsync|}();
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.Data.Tables.TableServiceClient.DeleteTable", "deletes an Azure Table Storage table", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Azure.Data.Tables.TableClient.DeleteEntityAsync", "deletes an Azure Table Storage entity", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Azure.Data.Tables.TableClient.DeleteAsync", "deletes an Azure Table Storage table", ""))
        .ValidateAsync();

    [Fact]
    public Task CosmosDeletes_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Microsoft.Azure.Cosmos;

        class Catalog
        {
            async Task ForgetAsync(Database database, Container container)
            {
                await container.{|#0:DeleteItemAsync<object>|}("id", new PartitionKey("pk"));
                await container.{|#1:DeleteAllItemsByPartitionKeyStreamAsync|}(new PartitionKey("pk"));
                await container.{|#2:DeleteContainerAsync|}();
                await database.{|#3:DeleteAsync|}();
                await container.ReadContainerAsync();
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Microsoft.Azure.Cosmos.Container.DeleteItemAsync", "deletes a Cosmos DB item", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Microsoft.Azure.Cosmos.Container.DeleteAllItemsByPartitionKeyStreamAsync", "deletes every item in a Cosmos DB partition", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Microsoft.Azure.Cosmos.Container.DeleteContainerAsync", "deletes a Cosmos DB container", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(3)
            .WithArguments("Call to", "Microsoft.Azure.Cosmos.Database.DeleteAsync", "deletes a Cosmos DB database", ""))
        .ValidateAsync();

    [Fact]
    public Task KeyVaultStartDeleteAndPurge_AreFlagged_ButRecoveryIsNot() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Security.KeyVault.Secrets;

        class Secrets
        {
            async Task RotateAsync(SecretClient secrets)
            {
                await secrets.{|#0:StartDeleteSecretAsync|}("db-password");
                await secrets.{|#1:PurgeDeletedSecretAsync|}("db-password");
                await secrets.StartRecoverDeletedSecretAsync("db-password");
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.Security.KeyVault.Secrets.SecretClient.StartDeleteSecretAsync", "deletes an Azure Key Vault secret", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Azure.Security.KeyVault.Secrets.SecretClient.PurgeDeletedSecretAsync", "purges a deleted Azure Key Vault secret", ""))
        .ValidateAsync();

    [Fact]
    public Task ServiceBusAdministrationDelete_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus.Administration;

        class Topology
        {
            Task DropAsync(ServiceBusAdministrationClient admin) => admin.{|#0:DeleteQueueAsync|}("orders");
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.Messaging.ServiceBus.Administration.ServiceBusAdministrationClient.DeleteQueueAsync", "deletes an Azure Service Bus queue", ""))
        .ValidateAsync();

    [Fact]
    public Task DataLakeDeletes_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
        using System.Threading.Tasks;
        using Azure.Storage.Files.DataLake;

        // A stub with the SDK's namespace, type and member names: Azure.Storage.Files.DataLake is not
        // served by the package source the tests restore from.
        namespace Azure.Storage.Files.DataLake
        {
            public class DataLakeFileSystemClient
            {
                public virtual Task DeleteAsync() => Task.CompletedTask;
                public virtual Task DeleteDirectoryAsync(string path) => Task.CompletedTask;
                public virtual Task UndeleteAsync() => Task.CompletedTask;
            }
        }

        class Lake
        {
            async Task DropAsync(DataLakeFileSystemClient fileSystem)
            {
                await fileSystem.{|#0:DeleteDirectoryAsync|}("raw/2019");
                await fileSystem.{|#1:DeleteAsync|}();
                await fileSystem.UndeleteAsync();
            }
        }
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Azure.Storage.Files.DataLake.DataLakeFileSystemClient.DeleteDirectoryAsync", "deletes an Azure Storage directory", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Azure.Storage.Files.DataLake.DataLakeFileSystemClient.DeleteAsync", "deletes an Azure Storage data lake file system", ""))
        .ValidateAsync();
}
