using Checkpoint.Analyzers.Sql;

namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>Raw SQL through EF Core 10, ADO.NET (DbCommand) and Dapper 2.1.86, all real assemblies.</summary>
public sealed class RawSqlTests
{
    [Theory]
    [InlineData("DROP TABLE Orders", "DROP TABLE")]
    [InlineData("drop database shop", "DROP DATABASE")]
    [InlineData("TRUNCATE TABLE Orders", "TRUNCATE TABLE")]
    [InlineData("DELETE FROM Orders", "DELETE without WHERE")]
    [InlineData("delete Orders; SELECT 1", "DELETE without WHERE")]
    [InlineData("DELETE FROM Orders WHERE Id = 1; DELETE FROM Lines", "DELETE without WHERE")]
    [InlineData("ALTER TABLE Orders DROP COLUMN Notes", "ALTER TABLE … DROP COLUMN")]
    [InlineData("UPDATE Orders SET Total = 0 /* harmless */; DROP TABLE [Audit]", "DROP TABLE")]
    public void DestructiveSql_IsRecognised(string sql, string expected)
        => Assert.Equal(expected, SqlStatements.Find(sql)?.Statement);

    [Theory]
    [InlineData("DELETE FROM Orders WHERE Id = @id")]
    [InlineData("SELECT * FROM Orders")]
    [InlineData("INSERT INTO Log (Message) VALUES ('DROP TABLE Orders')")]
    [InlineData("UPDATE Orders SET Status = 'deleted' WHERE Id = 1")]
    [InlineData("-- DROP TABLE Orders\nSELECT 1")]
    [InlineData("/* TRUNCATE TABLE Orders */ SELECT 1")]
    [InlineData("SELECT \"drop\" FROM [delete]")]
    [InlineData("SELECT DroppedAt, DeletedBy FROM Orders")]
    public void HarmlessSql_IsNotRecognised(string sql)
        => Assert.Null(SqlStatements.Find(sql)?.Statement);

    [Fact]
    public async Task EfCoreRawSqlThatDropsOrDeletesEverything_IsFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            class Migrations
            {
                async Task RunAsync(DbContext db, string table, int id)
                {
                    db.Database.[|ExecuteSqlRaw|]("DROP TABLE Orders");
                    await db.Database.[|ExecuteSqlRawAsync|]("TRUNCATE TABLE " + table);
                    db.Database.[|ExecuteSql|]($"DELETE FROM Orders");
                    await db.Database.[|ExecuteSqlInterpolatedAsync|]($"DROP TABLE {table}");
                    const string purge = "DELETE FROM Sessions";
                    db.Database.[|ExecuteSqlRaw|](purge);
                    var cleanup = "DROP SCHEMA staging";
                    db.Database.[|ExecuteSqlRaw|](cleanup);

                    db.Database.ExecuteSqlRaw("DELETE FROM Orders WHERE Id = {0}", id);
                    db.Database.ExecuteSql($"DELETE FROM Orders WHERE Id = {id}");
                    db.Database.ExecuteSqlRaw("UPDATE Orders SET Total = 0 WHERE Id = 1");
                    db.Database.ExecuteSqlRaw(table);
                }
            }
            """)
        .ValidateAsync();

        Assert.Equal("Call to 'Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRaw' runs SQL that destroys data (DROP TABLE) (target 'Orders') and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[0].GetMessage());
    }

    [Fact]
    public async Task DbCommandWithDestructiveCommandText_IsFlaggedAtExecuteNonQuery()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Data.Common;
            using System.Threading.Tasks;

            class Ado
            {
                async Task RunAsync(DbConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "TRUNCATE TABLE Audit";
                    command.[|ExecuteNonQuery|]();

                    var select = connection.CreateCommand();
                    select.CommandText = "SELECT COUNT(*) FROM Audit";
                    await select.ExecuteNonQueryAsync();

                    var reused = connection.CreateCommand();
                    reused.CommandText = "DELETE FROM Audit WHERE Id = 1";
                    reused.ExecuteNonQuery();
                    reused.CommandText = "DELETE FROM Audit";
                    await reused.[|ExecuteNonQueryAsync|]();
                }

                void RunOnACommandPassedIn(DbCommand given, DbCommand other)
                {
                    given.CommandText = "DROP TABLE Audit";
                    given.[|ExecuteNonQuery|]();
                    other.ExecuteNonQuery();
                }

                void RunThroughInterface(System.Data.IDbConnection connection)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "DROP TABLE Audit";
                    command.[|ExecuteNonQuery|]();
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task DapperExecuteWithDestructiveSql_IsFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;

            class Repository
            {
                async Task RunAsync(IDbConnection connection, int id)
                {
                    connection.[|Execute|]("DROP TABLE Orders");
                    await connection.[|ExecuteAsync|](new CommandDefinition("DELETE FROM Orders"));
                    await connection.ExecuteAsync("DELETE FROM Orders WHERE Id = @id", new { id });
                    connection.Query<int>("SELECT Id FROM Orders");
                }
            }
            """)
        .ValidateAsync();
    }
}
