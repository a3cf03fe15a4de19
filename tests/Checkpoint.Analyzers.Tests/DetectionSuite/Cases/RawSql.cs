using System.Data;
using System.Data.Common;
using System.Text;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Npgsql;

namespace Suite.RawSql;

class Statements
{
    void Case_DropTable(DbConnection c) { var cmd = c.CreateCommand(); cmd.CommandText = "DROP TABLE Orders"; cmd.ExecuteNonQuery(); } // expect CHK001
    void Case_DropDatabase(SqlConnection c) => new SqlCommand("DROP DATABASE Shop", c).ExecuteNonQuery(); // expect CHK001
    void Case_DropSchema(NpgsqlConnection c) => new NpgsqlCommand("drop schema staging cascade", c).ExecuteNonQuery(); // expect CHK001
    void Case_DropTableIfExists(SqliteConnection c) => new SqliteCommand("DROP TABLE IF EXISTS orders", c).ExecuteNonQuery(); // expect CHK001
    void Case_Truncate(MySqlConnection c) => new MySqlCommand("TRUNCATE TABLE audit", c).ExecuteNonQuery(); // expect CHK001
    void Case_TruncateWithoutTable(NpgsqlConnection c) => new NpgsqlCommand("TRUNCATE audit, events RESTART IDENTITY", c).ExecuteNonQuery(); // expect CHK001
    void Case_DeleteWithoutWhere(IDbConnection c) => c.Execute("DELETE FROM Sessions"); // expect CHK001
    void Case_DeleteWhereOneEqualsOne(IDbConnection c) => c.Execute("DELETE FROM Sessions WHERE 1=1"); // expect CHK001
    void Case_DeleteWhereTrue(IDbConnection c) => c.Execute("DELETE FROM sessions WHERE TRUE"); // expect CHK001
    void Case_AlterDropColumn(IDbConnection c) => c.Execute("ALTER TABLE Customers DROP COLUMN Email"); // expect CHK001
    void Case_AlterDropColumnMySql(IDbConnection c) => c.Execute("ALTER TABLE customers DROP email"); // expect CHK001
    void Case_AlterDropPartition(IDbConnection c) => c.Execute("ALTER TABLE events DROP PARTITION p2019"); // expect CHK001
    void Case_UpdateWithoutWhere(IDbConnection c) => c.Execute("UPDATE Accounts SET Balance = 0"); // expect CHK002
    void Case_SecondStatement(IDbConnection c) => c.Execute("SELECT 1; DROP TABLE Orders"); // expect CHK001
    void Case_TsqlIf(IDbConnection c) => c.Execute("IF OBJECT_ID('dbo.Orders') IS NOT NULL DROP TABLE dbo.Orders"); // expect CHK001
    void Case_MergeNotMatchedBySource(IDbConnection c) => c.Execute("MERGE t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE;"); // expect CHK001
    void Case_DropUser(IDbConnection c) => c.Execute("DROP USER reporting"); // expect CHK002
    void Case_GoBatches(IDbConnection c) => c.Execute("SELECT 1\nGO\nDROP TABLE Orders\nGO"); // expect CHK001
}

class ExecutionApis
{
    void Case_ExecuteScalar(DbCommand cmd) { cmd.CommandText = "DROP TABLE a"; cmd.ExecuteScalar(); } // expect CHK001
    void Case_ExecuteReader(DbCommand cmd) { cmd.CommandText = "TRUNCATE TABLE a"; cmd.ExecuteReader(); } // expect CHK001
    async Task Case_ExecuteNonQueryAsync(SqlConnection c) => await new SqlCommand("DELETE FROM Logs", c).ExecuteNonQueryAsync(); // expect CHK001
    void Case_InterfaceCommand(IDbConnection c) { var cmd = c.CreateCommand(); cmd.CommandText = "DROP TABLE a"; cmd.ExecuteNonQuery(); } // expect CHK001
    async Task Case_DapperExecuteAsync(IDbConnection c) => await c.ExecuteAsync("DROP TABLE Orders"); // expect CHK001
    void Case_DapperQuery(IDbConnection c) => c.Query<int>("DELETE FROM Orders OUTPUT deleted.Id"); // expect CHK001
    void Case_DapperCommandDefinition(IDbConnection c) => c.Execute(new CommandDefinition("TRUNCATE TABLE Orders")); // expect CHK001
    void Case_DapperScalar(IDbConnection c) => c.ExecuteScalar<int>("DROP TABLE t; SELECT 1"); // expect CHK001
    void Case_EfRaw(DbContext db) => db.Database.ExecuteSqlRaw("DROP TABLE Orders"); // expect CHK001
    async Task Case_EfRawAsync(DbContext db) => await db.Database.ExecuteSqlRawAsync("DELETE FROM Orders"); // expect CHK001
    void Case_EfInterpolated(DbContext db, string t) => db.Database.ExecuteSql($"DROP TABLE {t}"); // expect CHK001
    void Case_DataSource(NpgsqlDataSource source) => source.CreateCommand("DROP TABLE orders").ExecuteNonQuery(); // expect CHK001

    void Case_NpgsqlBatch(NpgsqlConnection c)
    {
        var batch = new NpgsqlBatch(c) { BatchCommands = { new NpgsqlBatchCommand("SELECT 1"), new NpgsqlBatchCommand("DROP TABLE orders") } };
        batch.ExecuteNonQuery(); // expect CHK001
    }

    void Case_DbBatchAdd(NpgsqlConnection c)
    {
        var batch = new NpgsqlBatch(c);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("TRUNCATE audit"));
        batch.ExecuteNonQuery(); // expect CHK001
    }
}

class FollowedValues
{
    const string Purge = "DELETE FROM Sessions";
    static readonly string DropOrders = "DROP TABLE Orders";
    static readonly string Template = "TRUNCATE TABLE {0}";

    void Case_Const(IDbConnection c) => c.Execute(Purge); // expect CHK001
    void Case_StaticReadonly(IDbConnection c) => c.Execute(DropOrders); // expect CHK001
    void Case_Format(IDbConnection c, string t) => c.Execute(string.Format(Template, t)); // expect CHK001
    void Case_FormatInline(IDbConnection c, string t) => c.Execute(string.Format("DROP TABLE {0}", t)); // expect CHK001

    void Case_StringBuilder(IDbConnection c)
    {
        var sql = new StringBuilder();
        sql.Append("DELETE FROM ");
        sql.Append("Sessions");
        c.Execute(sql.ToString()); // expect CHK001
    }

    void Case_StringBuilderChain(IDbConnection c, string table)
    {
        var sql = new StringBuilder("DROP ").Append("TABLE ").Append(table);
        c.Execute(sql.ToString()); // expect CHK001
    }

    void Case_Local(IDbConnection c)
    {
        var sql = "TRUNCATE TABLE audit";
        c.Execute(sql); // expect CHK001
    }

    void Case_Concatenated(IDbConnection c, string schema) => c.Execute("DROP SCHEMA " + schema + " CASCADE"); // expect CHK001

    void Case_Handler(DbContext db, string t)
    {
        var sql = $"DROP TABLE {t}";
        db.Database.ExecuteSqlRaw(sql); // expect CHK001
    }
}

class SqlHelpers
{
    private readonly IDbConnection _connection = null!;

    int Run(string sql) => _connection.Execute(sql);

    void RunCommand(DbConnection connection, string text)
    {
        using var command = connection.CreateCommand();
        command.CommandText = text;
        command.ExecuteNonQuery();
    }

    static string Drop(string table) => "DROP TABLE " + table;

    void Case_HelperParameter() => Run("DROP TABLE Orders"); // expect CHK001
    void Case_HelperCommandText(DbConnection c) => RunCommand(c, "TRUNCATE TABLE audit"); // expect CHK001
    void Case_HelperReturnsSql(IDbConnection c) => c.Execute(Drop("orders")); // expect CHK001
    void Case_HelperHarmless() => Run("DELETE FROM Orders WHERE Id = 1");
}

class NotDestructive
{
    void Case_DeleteWithWhere(IDbConnection c) => c.Execute("DELETE FROM Orders WHERE Id = @id", new { id = 1 });
    void Case_UpdateWithWhere(IDbConnection c) => c.Execute("UPDATE Orders SET Total = 0 WHERE Id = 1");
    void Case_OnDeleteCascade(IDbConnection c) => c.Execute("CREATE TABLE Lines (Id int, OrderId int REFERENCES Orders(Id) ON DELETE CASCADE ON UPDATE CASCADE)");
    void Case_Grant(IDbConnection c) => c.Execute("GRANT SELECT, INSERT, UPDATE, DELETE ON Orders TO app");
    void Case_Revoke(IDbConnection c) => c.Execute("REVOKE DELETE ON Orders FROM app");
    void Case_Trigger(IDbConnection c) => c.Execute("CREATE TRIGGER audit_delete AFTER DELETE ON Orders FOR EACH ROW EXECUTE FUNCTION log_delete()");
    void Case_TriggerTsql(IDbConnection c) => c.Execute("CREATE TRIGGER trg ON Orders AFTER DELETE, UPDATE AS BEGIN INSERT INTO Audit SELECT * FROM deleted; DELETE FROM Staging; END");
    void Case_Procedure(IDbConnection c) => c.Execute("CREATE PROCEDURE Purge AS BEGIN DELETE FROM Sessions; END");
    void Case_FunctionDollarQuoted(IDbConnection c) => c.Execute("CREATE FUNCTION purge() RETURNS void AS $$ DELETE FROM sessions; $$ LANGUAGE sql");
    void Case_TruncateFunction(IDbConnection c) => c.Query<decimal>("SELECT TRUNCATE(Price, 2) FROM Orders");
    void Case_StringLiteral(IDbConnection c) => c.Execute("INSERT INTO Log (Message) VALUES ('DROP TABLE Orders')");
    void Case_LineComment(IDbConnection c) => c.Execute("-- DROP TABLE Orders\nSELECT 1");
    void Case_BlockComment(IDbConnection c) => c.Execute("/* TRUNCATE TABLE Orders */ SELECT 1");
    void Case_QuotedIdentifiers(IDbConnection c) => c.Query<int>("SELECT \"drop\", [delete], `truncate` FROM t");
    void Case_Identifiers(IDbConnection c) => c.Query<int>("SELECT DroppedAt, DeletedBy, UpdateCount FROM Orders");
    void Case_TempTable(IDbConnection c) => c.Execute("DROP TABLE IF EXISTS #temp");
    void Case_TempTableTruncate(IDbConnection c) => c.Execute("TRUNCATE TABLE #staging; DELETE FROM @ids");
    void Case_TemporaryKeyword(IDbConnection c) => c.Execute("DROP TEMPORARY TABLE IF EXISTS tmp_orders");
    void Case_DropIndex(IDbConnection c) => c.Execute("DROP INDEX IF EXISTS ix_orders_date");
    void Case_DropViewRecreate(IDbConnection c) => c.Execute("DROP VIEW IF EXISTS v_orders; CREATE VIEW v_orders AS SELECT * FROM Orders");
    void Case_AlterDropConstraint(IDbConnection c) => c.Execute("ALTER TABLE Orders DROP CONSTRAINT fk_customer");
    void Case_AlterDropDefault(IDbConnection c) => c.Execute("ALTER TABLE Orders ALTER COLUMN Total DROP DEFAULT");
    void Case_ForUpdate(IDbConnection c) => c.Query<int>("SELECT Id FROM Orders WHERE Id = 1 FOR UPDATE");
    void Case_OnDuplicateKey(IDbConnection c) => c.Execute("INSERT INTO t (id, n) VALUES (1, 1) ON DUPLICATE KEY UPDATE n = n + 1");
    void Case_OnConflict(IDbConnection c) => c.Execute("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = 1");
    void Case_UpdateStatistics(IDbConnection c) => c.Execute("UPDATE STATISTICS Orders");
    void Case_FilterInUnknownPart(IDbConnection c, string where) => c.Execute("DELETE FROM Orders " + where);
    void Case_DeleteWithJoin(IDbConnection c) => c.Execute("DELETE o FROM Orders o INNER JOIN Expired e ON e.Id = o.Id");
    void Case_UnknownSql(IDbConnection c, string sql) => c.Execute(sql);
    void Case_Select(IDbConnection c) => c.Query<int>("SELECT COUNT(*) FROM Orders");
    void Case_WhereOneEqualsOneWithFilter(IDbConnection c) => c.Execute("DELETE FROM Orders WHERE 1=1 AND Id = 5");
    void Case_EfFiltered(DbContext db, int id) => db.Database.ExecuteSql($"DELETE FROM Orders WHERE Id = {id}");
}
