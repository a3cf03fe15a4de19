using System;
using System.Data;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Amazon.S3;
using Azure.Storage.Blobs;
using Dapper;
using FakeItEasy;
using Microsoft.EntityFrameworkCore.Migrations;
using Moq;
using NSubstitute;

namespace Suite.Ordinary;

/// <summary>What an EF Core migration generator writes: Down drops what Up created.</summary>
class CreateShop : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(name: "shop");
        migrationBuilder.CreateTable(name: "Customers", schema: "shop", columns: table => new { Id = table.Column<int>(nullable: false) });
        migrationBuilder.CreateTable(name: "Orders", schema: "shop", columns: table => new { Id = table.Column<int>(nullable: false) });
        migrationBuilder.AddColumn<string>(name: "Notes", table: "Orders", schema: "shop", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Orders_Customer", table: "Orders", column: "CustomerId");
        migrationBuilder.Sql("CREATE VIEW shop.v_orders AS SELECT * FROM shop.Orders");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP VIEW shop.v_orders");
        migrationBuilder.DropIndex(name: "IX_Orders_Customer", table: "Orders");
        migrationBuilder.DropColumn(name: "Notes", table: "Orders", schema: "shop");
        migrationBuilder.DropTable(name: "Orders", schema: "shop");
        migrationBuilder.DropTable(name: "Customers", schema: "shop");
        migrationBuilder.DropSchema(name: "shop");
    }
}

class SchemaScripts
{
    const string Schema = """
        CREATE TABLE Orders (Id int PRIMARY KEY, CustomerId int REFERENCES Customers(Id) ON DELETE CASCADE ON UPDATE NO ACTION);
        CREATE INDEX ix_orders ON Orders (CustomerId);
        GRANT SELECT, INSERT, UPDATE, DELETE ON Orders TO app_role;
        CREATE TRIGGER orders_audit AFTER DELETE OR UPDATE ON Orders FOR EACH ROW EXECUTE FUNCTION audit();
        """;

    void Case_Schema(IDbConnection c) => c.Execute(Schema);
    void Case_TempTables(IDbConnection c) => c.Execute("SELECT * INTO #work FROM Orders; UPDATE #work SET Total = 0; DROP TABLE #work;");
    void Case_RecreateView(IDbConnection c) => c.Execute("DROP VIEW IF EXISTS v_totals; CREATE VIEW v_totals AS SELECT SUM(Total) AS Total FROM Orders");
    void Case_RecreateProcedure(IDbConnection c) => c.Execute("DROP PROCEDURE IF EXISTS archive_orders; CREATE PROCEDURE archive_orders AS BEGIN DELETE FROM Orders WHERE Archived = 1; END");
    void Case_RowDelete(IDbConnection c, int id) => c.Execute("DELETE FROM Orders WHERE Id = @id", new { id });
    void Case_Rounding(IDbConnection c) => c.Query<decimal>("SELECT TRUNCATE(Total, 2) FROM Orders");
    void Case_Cleanup(IDbConnection c) => c.Execute("DELETE FROM Sessions WHERE ExpiresAt < CURRENT_TIMESTAMP");
}

public class JanitorTests
{
    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly BlobContainerClient _container = A.Fake<BlobContainerClient>();
    private readonly Mock<IAmazonS3> _mock = new();

    async Task Case_RetireCallsDeleteBucket()
    {
        await _s3.DeleteBucketAsync("staging");
        await _s3.Received(1).DeleteBucketAsync("staging");
        _s3.DeleteObjectAsync("logs", "a").Returns(new Amazon.S3.Model.DeleteObjectResponse());
        await _container.DeleteAsync();
        A.CallTo(() => _container.DeleteAsync(default, default)).MustHaveHappened();
        _mock.Setup(s => s.DeleteBucketAsync("x", default)).ReturnsAsync(new Amazon.S3.Model.DeleteBucketResponse());
        await _mock.Object.DeleteBucketAsync("x");
        _mock.Verify(s => s.DeleteBucketAsync("x", default));
    }

    void Case_WhenDo()
    {
        _s3.When(s => s.DeleteBucketAsync("b")).Do(_ => Console.WriteLine("called"));
    }

    void Case_BuildAndTestTools()
    {
        Process.Start("dotnet", "test --no-build");
        Process.Start("git", "clean -fdx --dry-run");
        var scratch = Path.Combine(Path.GetTempPath(), "x");
        Directory.CreateDirectory(scratch);
        File.Delete(Path.Combine(scratch, "a.txt"));
        Directory.Delete(scratch);
    }
}
