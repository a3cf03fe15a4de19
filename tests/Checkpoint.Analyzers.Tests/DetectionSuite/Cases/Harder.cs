using System;
using System.Collections.Generic;
using System.Data;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Amazon.S3;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Suite.Harder;

/// <summary>Shapes that are easy to get wrong either way.</summary>
class Harder
{
    private const string Verb = "destroy";
    private static readonly string[] TeardownArguments = ["destroy", "-auto-approve"];

    void Case_ConstVerbInInterpolation() => Process.Start("terraform", $"{Verb} -auto-approve"); // expect CHK001
    void Case_StaticReadonlyArray() => Process.Start("terraform", TeardownArguments); // expect CHK001
    void Case_Verbatim() => Process.Start(@"C:\tools\terraform.exe", "destroy"); // expect CHK001
    void Case_RawStringSql(IDbConnection c)
    {
        const string Sql = """
            DELETE FROM Sessions;
            """;
        c.Execute(Sql); // expect CHK001
    }
    void Case_MultiStatementLaterDrop(IDbConnection c) => c.Execute("UPDATE Orders SET Total = 1 WHERE Id = 2; DROP TABLE Audit;"); // expect CHK001
    void Case_CteDelete(IDbConnection c) => c.Execute("WITH old AS (SELECT Id FROM Orders WHERE Year < 2019) DELETE FROM Orders"); // expect CHK001
    void Case_LowerCase(IDbConnection c) => c.Execute("truncate table audit"); // expect CHK001
    void Case_CommentThenDrop(IDbConnection c) => c.Execute("/* cleanup */ DROP TABLE Orders -- done"); // expect CHK001
    void Case_QualifiedDrop(IDbConnection c) => c.Execute("DROP TABLE [dbo].[Orders]"); // expect CHK001

    void Case_StringBuilderAppendLine(IDbConnection c)
    {
        var sql = new StringBuilder();
        sql.AppendLine("BEGIN TRANSACTION;");
        sql.AppendLine("TRUNCATE TABLE Audit;");
        sql.AppendLine("COMMIT;");
        c.Execute(sql.ToString()); // expect CHK001
    }

    void Case_ReassignedLocal(IDbConnection c)
    {
        var sql = "SELECT 1";
        sql = "DROP TABLE Orders";
        c.Execute(sql); // expect CHK001
    }

    void Case_ReassignedToHarmless(IDbConnection c)
    {
        var sql = "DROP TABLE Orders";
        sql = "SELECT 1";
        c.Execute(sql);
    }

    Task Case_InsideLambda(IAmazonS3 s3) => Task.Run(() => s3.DeleteBucketAsync("logs")); // expect CHK001

    void Case_Ternary(bool all) => Process.Start("kubectl", all ? "delete ns prod" : "get ns"); // expect CHK001

    void Case_PsqlHarmless() => Process.Start("psql", "-c \"SELECT count(*) FROM orders\"");
    void Case_StringContainingDropInLiteral(IDbConnection c) => c.Execute("UPDATE Notes SET Text = 'DROP TABLE x' WHERE Id = 1");
    void Case_DollarQuotedBodyOnly(IDbConnection c) => c.Execute("DO $$ BEGIN RAISE NOTICE 'DROP TABLE x'; END $$");
    void Case_TriggerInsteadOf(IDbConnection c) => c.Execute("CREATE TRIGGER t INSTEAD OF DELETE ON v FOR EACH ROW EXECUTE FUNCTION f()");
    void Case_DeleteWhereSubquery(IDbConnection c) => c.Execute("DELETE FROM Orders WHERE CustomerId IN (SELECT Id FROM Customers WHERE Closed = 1)");
    void Case_EfWhereFilter(DbContext db) => db.Database.ExecuteSqlRaw("UPDATE Orders SET Archived = 1 WHERE Year < 2019");
    void Case_KubectlDescribe() => Process.Start("kubectl", "describe pod delete-me");
    void Case_AwsDescribe() => Process.Start("aws", "ec2 describe-instances");
    void Case_NotSqlExecute(IDbConnection c) => c.Query<int>("SELECT Deleted FROM Orders WHERE Dropped = 0");
}
