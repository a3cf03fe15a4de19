namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>
/// Data stores, all real assemblies: Microsoft.EntityFrameworkCore(.Relational) 10.0.15 and 8.0.34,
/// MongoDB.Driver 3.14.0, StackExchange.Redis 3.4.35.
/// </summary>
public sealed class DataStoreTests
{
    private const string EfCoreSource = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Tenant
        {
            public int Id { get; set; }
            public bool Retired { get; set; }
        }

        class ShopContext : DbContext
        {
            public DbSet<Tenant> Tenants => Set<Tenant>();
        }

        class Maintenance
        {
            async Task RunAsync(ShopContext db)
            {
                db.Database.[|EnsureDeleted|]();
                await db.Database.[|EnsureDeletedAsync|]();
                db.Tenants.Where(t => t.Retired).[|ExecuteDelete|]();
                await db.Tenants.[|ExecuteDeleteAsync|]();
                db.Database.EnsureCreated();
                Microsoft.EntityFrameworkCore.Diagnostics.RelationalStrings.ExecuteDeleteOnTableSplitting("t");
                db.Tenants.Remove(new Tenant());
                await db.SaveChangesAsync();
            }
        }
        """;

    [Fact]
    public async Task EfCore10EnsureDeletedAndExecuteDelete_AreFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode(EfCoreSource)
        .ValidateAsync();

        Assert.Equal("Call to 'Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDelete' deletes every row the query selects and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[2].GetMessage());
    }

    [Fact]
    public async Task EfCore8ExecuteDeleteOnItsOtherDeclaringType_IsFlagged()
    {
        var flagged = await CheckpointProject.Create()
            .WithPackages([.. CheckpointProject.CloudSdks.Where(p => p != "Microsoft.EntityFrameworkCore.Relational")])
            .WithEfCore8()
            .WithSourceCode(EfCoreSource)
            .ValidateAsync();

        Assert.Equal("Call to 'Microsoft.EntityFrameworkCore.RelationalQueryableExtensions.ExecuteDelete' deletes every row the query selects and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[2].GetMessage());
    }

    [Fact]
    public async Task MongoDropsDeleteManyAndDeleteOne_AreFlagged_IndexDropsAreNot()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using MongoDB.Bson;
            using MongoDB.Driver;
            using MongoDB.Driver.GridFS;

            class Archive
            {
                async Task RunAsync(IMongoClient client, MongoClient concrete, IMongoCollection<BsonDocument> events, IGridFSBucket files)
                {
                    await client.[|DropDatabaseAsync|]("tenant-acme");
                    concrete.[|DropDatabase|]("tenant-other");
                    var database = client.GetDatabase("shop");
                    database.[|DropCollection|]("orders");
                    await events.[|DeleteManyAsync|](Builders<BsonDocument>.Filter.Empty);
                    events.[|DeleteMany|](e => true);
                    await events.Indexes.[|DropAllAsync|]();
                    files.[|Drop|]();
                    await events.[|DeleteOneAsync|](Builders<BsonDocument>.Filter.Eq("_id", 1));
                    await events.Indexes.DropOneAsync("by_date");
                    await events.InsertOneAsync(new BsonDocument());
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task RedisFlushesAreDestructive_ShutdownIsDisruptive()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using StackExchange.Redis;

            class Cache
            {
                async Task RunAsync(IConnectionMultiplexer redis)
                {
                    var server = redis.GetServer("localhost", 6379);
                    await server.[|FlushAllDatabasesAsync|]();
                    server.[|FlushDatabase|](3);
                    server.[|Shutdown|]();
                    var db = redis.GetDatabase();
                    await db.KeyDeleteAsync("session:1");
                    await db.StringSetAsync("k", "v");
                }
            }
            """)
        .ValidateAsync();

        Assert.Equal(["CHK001", "CHK001", "CHK002"], flagged.Select(d => d.Id));
    }
}
