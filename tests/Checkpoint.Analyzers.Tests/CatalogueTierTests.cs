using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests;

/// <summary>
/// The tier rules of docs/rules/CHK001.md ("Tiers"), checked against the built-in catalogue with the
/// real SDK assemblies: one item deleted by its key is destructive in every SDK; acknowledging a
/// message and deleting a cache key are not operations.
/// </summary>
public sealed class CatalogueTierTests
{
    private static readonly Lazy<(Compilation Compilation, OperationClassifier Classifier)> Catalogue = new(() =>
    {
        var compilation = CheckpointProject.WithSdks().WithSourceCode("class Empty { }").Compile();
        return (compilation, OperationClassifier.Create(compilation, UserCatalogue.Empty, CancellationToken.None)!);
    });

    public static TheoryData<string, string> SingleItemDeletes() => new()
    {
        { "Amazon.S3.IAmazonS3", "DeleteObjectAsync" },
        { "Amazon.DynamoDBv2.IAmazonDynamoDB", "DeleteItemAsync" },
        { "Amazon.DynamoDBv2.DataModel.IDynamoDBContext", "DeleteAsync" },
        { "Amazon.DynamoDBv2.DocumentModel.Table", "DeleteItemAsync" },
        { "Azure.Storage.Blobs.BlobContainerClient", "DeleteBlobAsync" },
        { "Azure.Storage.Blobs.Specialized.BlobBaseClient", "DeleteAsync" },
        { "Azure.Data.Tables.TableClient", "DeleteEntityAsync" },
        { "Microsoft.Azure.Cosmos.Container", "DeleteItemAsync" },
        { "Microsoft.Azure.Cosmos.TransactionalBatch", "DeleteItem" },
        { "MongoDB.Driver.IMongoCollection`1", "DeleteOneAsync" },
        { "MongoDB.Driver.IMongoCollection`1", "FindOneAndDeleteAsync" },
        { "Google.Cloud.Storage.V1.StorageClient", "DeleteObjectAsync" },
        { "Google.Cloud.Firestore.DocumentReference", "DeleteAsync" },
    };

    public static TheoryData<string, string> NotOperations() => new()
    {
        { "Amazon.SQS.IAmazonSQS", "DeleteMessageAsync" },
        { "Azure.Storage.Queues.QueueClient", "DeleteMessageAsync" },
        { "StackExchange.Redis.IDatabase", "KeyDelete" },
        { "Microsoft.EntityFrameworkCore.DbContext", "Remove" },
    };

    [Theory]
    [MemberData(nameof(SingleItemDeletes))]
    public void SingleItemDelete_IsDestructive_InEverySdk(string type, string member)
        => Assert.All(Members(type, member), m => Assert.Equal(OperationTier.Destructive, Catalogue.Value.Classifier.Classify(m)?.Tier));

    [Theory]
    [MemberData(nameof(NotOperations))]
    public void AcknowledgementsAndCacheKeys_AreNotOperations(string type, string member)
        => Assert.All(Members(type, member), m => Assert.Null(Catalogue.Value.Classifier.Classify(m)));

    private static IReadOnlyList<ISymbol> Members(string type, string member)
    {
        var symbol = Catalogue.Value.Compilation.GetTypesByMetadataName(type).Single();
        var members = symbol.GetMembers(member);
        Assert.NotEmpty(members);
        return members;
    }
}
