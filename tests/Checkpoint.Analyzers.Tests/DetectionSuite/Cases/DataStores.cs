using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Azure.Data.Tables;
using Microsoft.Azure.Cosmos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using MongoDB.Bson;
using MongoDB.Driver;
using StackExchange.Redis;

namespace Suite.DataStores;

class Order
{
    public int Id { get; set; }
}

class ShopContext : DbContext
{
    public DbSet<Order> Orders => Set<Order>();
}

class EntityFramework
{
    void Case_RemoveRangeWholeSet(ShopContext db) => db.Orders.RemoveRange(db.Orders); // expect CHK001
    void Case_RemoveRangeToList(ShopContext db) => db.RemoveRange(db.Orders.ToList()); // expect CHK001
    void Case_RemoveRangeSetOfT(ShopContext db) => db.Set<Order>().RemoveRange(db.Set<Order>()); // expect CHK001
    void Case_RemoveRangeFiltered(ShopContext db) => db.Orders.RemoveRange(db.Orders.Where(o => o.Id < 10));
    void Case_RemoveOne(ShopContext db, Order order) => db.Orders.Remove(order);
    void Case_DatabaseCreatorDelete(ShopContext db) => db.GetService<IRelationalDatabaseCreator>().Delete(); // expect CHK001
    async Task Case_DatabaseCreatorDeleteAsync(IRelationalDatabaseCreator creator) => await creator.DeleteAsync(); // expect CHK001
    void Case_EnsureDeleted(ShopContext db) => db.Database.EnsureDeleted(); // expect CHK001
    async Task Case_ExecuteDelete(ShopContext db) => await db.Orders.Where(o => o.Id > 0).ExecuteDeleteAsync(); // expect CHK001
}

class DropCustomerEmail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Email", table: "Customers"); // expect CHK001
        migrationBuilder.DropTable(name: "LegacyOrders"); // expect CHK001
        migrationBuilder.Sql("TRUNCATE TABLE Audit"); // expect CHK001
        migrationBuilder.DeleteData(table: "Countries", keyColumn: "Id", keyValue: 7); // expect CHK001
        migrationBuilder.DropSchema(name: "staging"); // expect CHK001
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Email", table: "Customers", nullable: true);
    }
}

class AddReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(name: "Reports", columns: table => new { Id = table.Column<int>(nullable: false) });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Reports");
        migrationBuilder.DropTable(name: "Invoices"); // expect CHK001
    }
}

class Mongo
{
    async Task Case_DeleteOne(IMongoCollection<BsonDocument> c) => await c.DeleteOneAsync(Builders<BsonDocument>.Filter.Eq("_id", 1)); // expect CHK001
    void Case_FindOneAndDelete(IMongoCollection<BsonDocument> c) => c.FindOneAndDelete(Builders<BsonDocument>.Filter.Eq("_id", 1)); // expect CHK001
    void Case_DeleteMany(IMongoCollection<BsonDocument> c) => c.DeleteMany(Builders<BsonDocument>.Filter.Empty); // expect CHK001

    void Case_BulkWriteWithDelete(IMongoCollection<BsonDocument> c)
    {
        var requests = new List<WriteModel<BsonDocument>> { new DeleteOneModel<BsonDocument>(Builders<BsonDocument>.Filter.Eq("_id", 1)) };
        c.BulkWrite(requests); // expect CHK001
    }

    void Case_BulkWriteInsertsOnly(IMongoCollection<BsonDocument> c)
        => c.BulkWrite(new[] { new InsertOneModel<BsonDocument>(new BsonDocument()) });

    void Case_RunCommandDrop(IMongoDatabase db) => db.RunCommand<BsonDocument>(new BsonDocument("drop", "orders")); // expect CHK001
    void Case_RunCommandDropDatabase(IMongoDatabase db) => db.RunCommand<BsonDocument>("{ dropDatabase: 1 }"); // expect CHK001
    void Case_RunCommandPing(IMongoDatabase db) => db.RunCommand<BsonDocument>(new BsonDocument("ping", 1));
}

class Redis
{
    void Case_ExecuteFlushAll(StackExchange.Redis.IDatabase db) => db.Execute("FLUSHALL"); // expect CHK001
    async Task Case_ServerExecuteFlushDb(IServer server) => await server.ExecuteAsync("flushdb"); // expect CHK001
    void Case_LuaFlush(StackExchange.Redis.IDatabase db) => db.ScriptEvaluate("return redis.call('FLUSHALL')"); // expect CHK001
    void Case_ExecuteGet(StackExchange.Redis.IDatabase db) => db.Execute("GET", "key");
    void Case_KeyDelete(StackExchange.Redis.IDatabase db) => db.KeyDelete("session:1");
    void Case_LuaGet(StackExchange.Redis.IDatabase db) => db.ScriptEvaluate("return redis.call('GET', KEYS[1])", new RedisKey[] { "k" });
}

class Cosmos
{
    void Case_TransactionalBatchDelete(Container container)
        => container.CreateTransactionalBatch(new PartitionKey("p")).DeleteItem("order-1"); // expect CHK001

    void Case_TransactionalBatchCreate(Container container)
        => container.CreateTransactionalBatch(new PartitionKey("p")).CreateItem(new { id = "1" });
}

class Tables
{
    void Case_SubmitTransactionWithDelete(TableClient table, ITableEntity entity)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, entity) };
        table.SubmitTransaction(actions); // expect CHK001
    }

    void Case_SubmitTransactionUpserts(TableClient table, ITableEntity entity)
        => table.SubmitTransaction(new[] { new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity) });

    void Case_DeleteEntity(TableClient table) => table.DeleteEntity("p", "r"); // expect CHK001
}

class Dynamo
{
    void Case_BatchWriteWithDeleteRequest(IAmazonDynamoDB db)
    {
        var request = new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>>
            {
                ["Orders"] = [new WriteRequest { DeleteRequest = new DeleteRequest { Key = new Dictionary<string, AttributeValue>() } }],
            },
        };
        db.BatchWriteItemAsync(request); // expect CHK001
    }

    void Case_BatchWritePutsOnly(IAmazonDynamoDB db)
        => db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["Orders"] = [new WriteRequest { PutRequest = new PutRequest() }] } });

    void Case_TransactWriteWithDelete(IAmazonDynamoDB db)
        => db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [new TransactWriteItem { Delete = new Delete { TableName = "Orders" } }] }); // expect CHK001

    void Case_PartiQLDelete(IAmazonDynamoDB db)
        => db.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "DELETE FROM \"Orders\" WHERE pk = 'a'" }); // expect CHK001

    void Case_PartiQLSelect(IAmazonDynamoDB db)
        => db.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "SELECT * FROM \"Orders\"" });

    void Case_DataModelBatchDelete(IDynamoDBContext context)
    {
        var batch = context.CreateBatchWrite<Order>();
        batch.AddDeleteKey(1); // expect CHK001
    }

    void Case_DocumentBatchDelete(ITable table)
    {
        var batch = table.CreateBatchWrite();
        batch.AddKeyToDelete(1); // expect CHK001
    }

    void Case_DeleteItem(IAmazonDynamoDB db) => db.DeleteItemAsync("Orders", new Dictionary<string, AttributeValue>()); // expect CHK001
}
