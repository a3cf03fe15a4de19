using Checkpoint.Testing.Analyzers;

namespace Checkpoint.Analyzers.Tests;

/// <summary>CheckpointOperations.txt and CheckpointOperations.*.txt: the user's additions and exclusions.</summary>
public sealed class CatalogueFileTests
{
    private const string Cluster = """
        namespace Contoso.Infra
        {
            public class Cluster
            {
                public void Destroy() { }
                public void DrainNodes(int count) { }
                public void DrainNodes(string pool) { }
                public void DropDatabase() { }
                public void DropCache() { }
                public void Describe() { }
                public bool Locked { get; set; }
                public static void Create() { }
            }
        }

        """;

    [Fact]
    public Task DestructiveAndDisruptiveLines_FlagTheNamedMembers() => RunAsync(
        """
        // Operations our own platform code performs.
        M:Contoso.Infra.Cluster.Destroy destructive

        M:Contoso.Infra.Cluster.DrainNodes(System.Int32) disruptive   // only the count overload
        P:Contoso.Infra.Cluster.Locked disruptive
        """,
        """
        class Admin
        {
            void Run(Contoso.Infra.Cluster cluster)
            {
                cluster.{|#0:Destroy|}();
                cluster.{|#1:DrainNodes|}(3);
                cluster.DrainNodes("blue");
                cluster.{|#2:Locked|} = false;
                cluster.Describe();
            }
        }
        """,
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Contoso.Infra.Cluster.Destroy", "is listed as destructive in CheckpointOperations.txt", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(1)
            .WithArguments("Call to", "Contoso.Infra.Cluster.DrainNodes", "is listed as disruptive in CheckpointOperations.txt", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(2)
            .WithArguments("Access to", "Contoso.Infra.Cluster.Locked", "is listed as disruptive in CheckpointOperations.txt", ""));

    [Fact]
    public Task WildcardInMemberName_MatchesEveryMemberWithThatShape() => RunAsync(
        "M:Contoso.Infra.Cluster.Drop* destructive",
        """
        class Admin
        {
            void Run(Contoso.Infra.Cluster cluster)
            {
                cluster.{|CHK001:DropDatabase|}();
                cluster.{|CHK001:DropCache|}();
                cluster.Destroy();
            }
        }
        """);

    [Fact]
    public Task IgnoreLine_SwitchesOffABuiltInEntry_ForInterfaceAndConcreteCalls() => RunAsync(
        """
        M:Amazon.S3.IAmazonS3.DeleteObject* ignore
        """,
        """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Uploads
        {
            async Task RunAsync(IAmazonS3 s3, AmazonS3Client client)
            {
                await s3.DeleteObjectAsync("uploads", "tmp/1");
                await client.DeleteObjectAsync("uploads", "tmp/2");
                await s3.{|CHK001:DeleteBucketAsync|}("uploads");
            }
        }
        """);

    [Fact]
    public Task MoreSpecificLine_Wins_OverAWildcard() => RunAsync(
        """
        M:Contoso.Infra.Cluster.Drop* ignore
        M:Contoso.Infra.Cluster.DropDatabase destructive
        """,
        """
        class Admin
        {
            void Run(Contoso.Infra.Cluster cluster)
            {
                cluster.{|CHK001:DropDatabase|}();
                cluster.DropCache();
            }
        }
        """);

    [Fact]
    public Task SeveralCatalogueFiles_AreAllRead_AndOtherFilesAreNot() => CheckpointProject.WithSdks()
        .WithSourceCode(Cluster + """
                class Admin
                {
                    void Run(Contoso.Infra.Cluster cluster)
                    {
                        cluster.{|#0:Destroy|}();
                        cluster.{|#1:DropCache|}();
                        cluster.Describe();
                    }
                }
                """)
        .WithAdditionalFile("CheckpointOperations.txt", "M:Contoso.Infra.Cluster.Destroy destructive")
        .WithAdditionalFile("CheckpointOperations.cache.txt", "M:Contoso.Infra.Cluster.DropCache disruptive")
        .WithAdditionalFile("Operations.txt", "M:Contoso.Infra.Cluster.Describe destructive")
        .ShouldReportDiagnostic(
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
                .WithArguments("Call to", "Contoso.Infra.Cluster.Destroy", "is listed as destructive in CheckpointOperations.txt", ""),
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDisruptiveOperation).WithLocation(1)
                .WithArguments("Call to", "Contoso.Infra.Cluster.DropCache", "is listed as disruptive in CheckpointOperations.cache.txt", ""))
        .ValidateAsync();

    [Fact]
    public Task CatalogueAlone_ActivatesTheAnalyzer_InAProjectWithoutCloudSdks() => RunAsync(
        "M:Contoso.Infra.Cluster.#ctor destructive",
        """
        class Admin
        {
            object Run() => new {|CHK001:Contoso.Infra.Cluster|}();
        }
        """);

    [Fact]
    public Task UnreadableLines_AreCHK006_NamingFileAndLine_AndTheRestStillApplies() => RunAsync(
        """
        // header
        M:Contoso.Infra.Cluster.Destroy destructive
        M:Contoso.Infra.Cluster.Describe
        M:Contoso.Infra.Cluster.Describe catastrophic
        T:Contoso.Infra.Cluster destructive
        M:Contoso.Infra.*.Destroy destructive
        M:Contoso.Infra.Cluster.Destroy destructive
        Destroy destructive
        M:Contoso.Infra.Cluster.DrainNodes(System.Int32 disruptive
        """,
        """
        class Admin
        {
            void Run(Contoso.Infra.Cluster cluster) => cluster.{|CHK001:Destroy|}();
        }
        """,
        CatalogueProblem(3, "expected '<documentation comment ID> <tier>', for example 'M:Contoso.Cluster.Destroy destructive'"),
        CatalogueProblem(4, "unknown tier 'catastrophic': use destructive, disruptive or ignore"),
        CatalogueProblem(5, "'T:Contoso.Infra.Cluster' is not a method (M:) or property (P:) documentation comment ID"),
        CatalogueProblem(6, "'M:Contoso.Infra.*.Destroy' has a * outside the member name; a wildcard is allowed only in the member name"),
        CatalogueProblem(7, "duplicate of line 2"),
        CatalogueProblem(8, "'Destroy' is not a method (M:) or property (P:) documentation comment ID"),
        CatalogueProblem(9, "'M:Contoso.Infra.Cluster.DrainNodes(System.Int32' has an unclosed parameter list"));

    private static ExpectedDiagnostic CatalogueProblem(int line, string message)
        => CheckpointProject.Diagnostic(RuleDescriptors.UnreadableCatalogueLine)
            .WithLocation("CheckpointOperations.txt", line, 1)
            .WithArguments("CheckpointOperations.txt", line, message);

    private static readonly string[] CatalogueLines =
    [
        "// header",
        "M:Contoso.Infra.Cluster.Destroy destructive",
        "M:Contoso.Infra.Cluster.Describe",
        "M:Contoso.Infra.Cluster.Describe catastrophic",
        "T:Contoso.Infra.Cluster destructive",
        "M:Contoso.Infra.*.Destroy destructive",
        "M:Contoso.Infra.Cluster.Destroy destructive",
        "Destroy destructive",
        "M:Contoso.Infra.Cluster.DrainNodes(System.Int32 disruptive",
    ];

    private static Task RunAsync(string catalogue, string source, params ExpectedDiagnostic[] expected)
        => CheckpointProject.WithSdks()
            .WithSourceCode(source + Environment.NewLine + Cluster)
            .WithAdditionalFile("CheckpointOperations.txt", catalogue)
            .ShouldReportDiagnostic(expected)
            .ValidateAsync();
}
