using System.Collections.Immutable;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The operations Checkpoint knows without being told. Each family is a handful of entries; an
/// <see cref="OperationTier.Ignore"/> entry beats every other built-in entry for the same member, and
/// a user's CheckpointOperations.txt beats them all. docs/rules/CHK001.md lists the same families
/// (RuleDocumentationTests checks that it names every entry's type or namespace).
/// </summary>
/// <remarks>
/// To add a family: write an Add method with one <see cref="OperationEntry"/> per verb, choosing
/// <see cref="TypePattern.Named"/> for one declaring type, <see cref="TypePattern.DerivedFrom"/> for a
/// base class or interface every client shares, or <see cref="TypePattern.InNamespace"/> for generated
/// clients spread over namespaces; word it with <see cref="OperationWording.FromName"/> or
/// <see cref="OperationWording.Fixed"/>; exclude routine look-alikes with an Ignore entry.
/// </remarks>
internal static class BuiltInCatalogue
{
    public static ImmutableArray<OperationEntry> Entries { get; } = CreateEntries();

    private static ImmutableArray<OperationEntry> CreateEntries()
    {
        var entries = ImmutableArray.CreateBuilder<OperationEntry>();
        AddAws(entries);
        AddAzure(entries);
        Families.OperationFamilies.AddTo(entries);
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

        var cosmos = OperationWording.FromName("Cosmos DB");
        entries.Add(new OperationEntry(TypePattern.Named("Microsoft.Azure.Cosmos.Database"), "Delete*", OperationTier.Destructive, cosmos));
        var container = TypePattern.Named("Microsoft.Azure.Cosmos.Container");
        entries.Add(new OperationEntry(container, "DeleteContainer*", OperationTier.Destructive, cosmos));
        entries.Add(new OperationEntry(container, "DeleteItem*", OperationTier.Destructive, cosmos));
        entries.Add(new OperationEntry(container, "DeleteAllItemsByPartitionKeyStream*", OperationTier.Destructive, OperationWording.Fixed("deletes every item in a Cosmos DB partition")));

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
}
