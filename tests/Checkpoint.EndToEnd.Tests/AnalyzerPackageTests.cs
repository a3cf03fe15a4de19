namespace Checkpoint.EndToEnd.Tests;

/// <summary>End to end: the analyzers and the attributes as a consumer gets them from the package.</summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class AnalyzerPackageTests
{
    private const string Cleanup = """
        using Amazon.S3;
        using Azure.Storage.Blobs;

        namespace Consumer;

        public sealed class StagingCleanup
        {
            public async Task RetireStagingAsync(IAmazonS3 s3) => await s3.DeleteBucketAsync("staging-2019");

            public async Task DropContainerAsync(BlobContainerClient container) => await container.DeleteAsync();
        }
        """;

    private const string ApprovedCleanup = """
        using Amazon.S3;
        using Azure.Storage.Blobs;
        using Checkpoint;

        namespace Consumer;

        [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging resources", Ticket = "OPS-1432", Expires = "2099-12-31")]
        public sealed class StagingCleanup
        {
            public async Task RetireStagingAsync(IAmazonS3 s3) => await s3.DeleteBucketAsync("staging-2019");

            public async Task DropContainerAsync(BlobContainerClient container) => await container.DeleteAsync();
        }
        """;

    [Fact]
    public void DestructiveCloudCalls_FailTheBuildWithChk001_UntilAttested()
    {
        var consumer = Consumer.Create("analyzer-consumer")
            .WriteProject("Consumer.csproj", extraItems: """
                <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
                <PackageReference Include="Azure.Storage.Blobs" Version="12.30.1" />
                """)
            .Write("StagingCleanup.cs", Cleanup);
        var failing = consumer.RestoreAndBuild();

        Assert.False(failing.Succeeded, failing.ToString());
        var errors = BuildOutput.Errors(failing.Output).Select(e => (e.FileName, e.Line, e.Code)).Distinct().Order().ToList();
        Assert.Equal([("StagingCleanup.cs", 8, "CHK001"), ("StagingCleanup.cs", 10, "CHK001")], errors);
        Assert.Contains(BuildOutput.Errors(failing.Output), e => e.Line == 8 && e.Message.Contains("DeleteBucketAsync", StringComparison.Ordinal));

        consumer.Write("StagingCleanup.cs", ApprovedCleanup);
        var passing = consumer.Build();

        Assert.True(passing.Succeeded, passing.ToString());
        Assert.Empty(BuildOutput.Errors(passing.Output));
    }

    [Fact]
    public void ProjectsSharingInternals_BuildWithWarningsAsErrors_AndDestructiveCrossesTheAssemblyBoundary()
    {
        var consumer = Consumer.Create("internals-consumer")
            .WriteProject("A/A.csproj", extraItems: """<InternalsVisibleTo Include="B" />""")
            .Write("A/Tenants.cs", """
                using Checkpoint;

                namespace A;

                public static class Tenants
                {
                    [Destructive("Drops every tenant table")]
                    public static void DropTenant(string tenant) => Touch(tenant);

                    internal static void Touch(string tenant) => _ = tenant;
                }
                """)
            .WriteProject("B/B.csproj", extraItems: """<ProjectReference Include="../A/A.csproj" />""")
            .Write("B/Offboarding.cs", """
                namespace B;

                public static class Offboarding
                {
                    public static void Run(string tenant)
                    {
                        A.Tenants.Touch(tenant);
                        A.Tenants.DropTenant(tenant);
                    }
                }
                """);
        var failing = consumer.RestoreAndBuild("B/B.csproj");

        Assert.False(failing.Succeeded, failing.ToString());
        Assert.DoesNotContain(BuildOutput.Diagnostics(failing.Output), d => d.Code == "CS0436");
        var errors = BuildOutput.Errors(failing.Output).Select(e => (e.FileName, e.Line, e.Code)).Distinct().ToList();
        Assert.Equal([("Offboarding.cs", 8, "CHK001")], errors);

        consumer.Write("B/Offboarding.cs", """
            using Checkpoint;

            namespace B;

            public static class Offboarding
            {
                [ApprovedBy("alice@contoso.com", Reason = "Offboard the tenant on request", Ticket = "OPS-2001")]
                public static void Run(string tenant)
                {
                    A.Tenants.Touch(tenant);
                    A.Tenants.DropTenant(tenant);
                }
            }
            """);
        var passing = consumer.Build("B/B.csproj");

        Assert.True(passing.Succeeded, passing.ToString());
        Assert.DoesNotContain(BuildOutput.Diagnostics(passing.Output), d => d.Code.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void CatalogueFileBesideTheProject_IsPickedUpWithoutAnItem_AndNeverReadTwice()
    {
        // The second line lists the same operation through an explicit AdditionalFiles item too: the
        // package must pass the file once, or the duplicate would be a CHK006.
        var consumer = Consumer.Create("catalogue-consumer")
            .WriteProject("Catalogue.csproj", extraItems: """<AdditionalFiles Include="CheckpointOperations.Team.txt" />""")
            .Write("CheckpointOperations.txt", """
                // Our own teardown helper is as destructive as the SDK calls it wraps.
                M:Catalogue.Environments.TearDown* destructive
                """)
            .Write("CheckpointOperations.Team.txt", """
                M:Catalogue.Environments.Recycle disruptive
                """)
            .Write("Environments.cs", """
                namespace Catalogue;

                public static class Environments
                {
                    public static void TearDown(string name) => _ = name;

                    public static void Recycle(string name) => _ = name;

                    public static void Run()
                    {
                        TearDown("staging");
                        Recycle("staging");
                    }
                }
                """);
        var build = consumer.RestoreAndBuild();

        Assert.False(build.Succeeded, build.ToString());
        var diagnostics = BuildOutput.Diagnostics(build.Output)
            .Where(d => d.Code.StartsWith("CHK00", StringComparison.Ordinal))   // analyzer rules, not the gate's
            .Select(d => (d.FileName, d.Line, d.Code))
            .Distinct()
            .Order()
            .ToList();
        Assert.Equal([("Environments.cs", 11, "CHK001"), ("Environments.cs", 12, "CHK002")], diagnostics);
    }

    [Fact]
    public void AttributesOptOut_LeavesTheTypesToTheProject()
    {
        var consumer = Consumer.Create("attributes-opt-out")
            .WriteProject("OptOut.csproj", extraProperties: "<CheckpointIncludeAttributes>false</CheckpointIncludeAttributes>")
            .Write("Uses.cs", """
                namespace OptOut;

                [Checkpoint.Destructive]
                public static class Uses
                {
                }
                """);
        var build = consumer.RestoreAndBuild();

        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains(BuildOutput.Errors(build.Output), e => e.Code is "CS0234" or "CS0246");
    }
}
