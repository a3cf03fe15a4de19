using System.Text.Json;
using Checkpoint.Tool.Tests.Output;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// The operations part of `checkpoint review`, through the installed tool on real repositories:
/// the merge-base's projects restored and evaluated in the review cache, both sides compiled in
/// the tool's process with its own analyzers, real SDK packages as references.
/// </summary>
[Collection(AnalyzerPackageCollection.Name)]
public sealed class SemanticReviewTests(InstalledTool tool)
{
    [Fact]
    public void AgentChange_ShowsWeakeningFirstThenTheOperationsWithWhoAttestedThem()
    {
        using var repository = ConsumerRepository();

        var text = tool.Run(repository.Root, Consumers.Environment(ci: false), "review");
        var json = tool.Run(repository.Root, Consumers.Environment(ci: false), "review", "--format", "json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);

        var lines = text.StandardOutput.Split('\n');
        int Find(string fragment) => Array.FindIndex(lines, line => line.Contains(fragment, StringComparison.Ordinal));
        var signers = Find("! .checkpoint/allowed_signers");
        var pragma = Find("#pragma warning disable CHK001");
        var terminate = Find("ADDED destructive src/Cleanup.cs");
        var delete = Find("REMOVED destructive src/Cleanup.cs");
        Assert.True(signers >= 0 && pragma >= 0 && terminate >= 0 && delete >= 0, text.ToString());
        Assert.True(Math.Max(signers, pragma) < Math.Min(terminate, delete), "weakening changes must come first:\n" + text.StandardOutput);
        Assert.Contains("TerminateInstancesAsync", lines[terminate], StringComparison.Ordinal);
        Assert.Contains("attested by agent@example.com", lines[terminate], StringComparison.Ordinal);
        Assert.Contains("DeleteBucketAsync", lines[delete], StringComparison.Ordinal);
        Assert.Contains("attested by maria@example.com", lines[delete], StringComparison.Ordinal);

        DocumentSchemas.AssertValid(DocumentSchemas.Review, json.StandardOutput);
        var sarif = tool.Run(repository.Root, Consumers.Environment(ci: false), "review", "--format", "sarif");
        var results = SarifShape.AssertValid(sarif.StandardOutput).GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() is "CHK008" && r.GetProperty("message").GetProperty("text").GetString()!.Contains("TerminateInstancesAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(results, r => r.GetProperty("message").GetProperty("text").GetString()!.Contains("DeleteBucketAsync", StringComparison.Ordinal));

        using var document = JsonDocument.Parse(json.StandardOutput);
        var operations = document.RootElement.GetProperty("operations");
        Assert.True(operations.GetProperty("analyzed").GetBoolean(), json.StandardOutput);
        Assert.Empty(operations.GetProperty("notAnalyzed").EnumerateArray());
        var changes = operations.GetProperty("changes").EnumerateArray()
            .Select(c => (
                Change: c.GetProperty("change").GetString(),
                Operation: c.GetProperty("operation").GetString()!,
                Service: c.GetProperty("service").GetString(),
                Path: c.GetProperty("path").GetString(),
                Attested: c.GetProperty("attested").GetBoolean(),
                Approvers: string.Join(",", c.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()))))
            .ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Change == "added" && c.Operation.EndsWith("IAmazonEC2.TerminateInstancesAsync", StringComparison.Ordinal) && c.Service == "Amazon.EC2" && c.Path == "src/Cleanup.cs" && c.Attested && c.Approvers == "agent@example.com");
        Assert.Contains(changes, c => c.Change == "removed" && c.Operation.EndsWith("IAmazonS3.DeleteBucketAsync", StringComparison.Ordinal) && c.Service == "Amazon.S3");
    }

    /// <summary>
    /// The most common agent change: add an SDK package and call its delete. The project does not
    /// reference Checkpoint.Analyzers; the review runs its own analyzers, and the package the branch
    /// adds is restored (without build assets) from the merge-base's sources as a reference. The
    /// #pragma that would hide the call from a build does not hide it from the review.
    /// </summary>
    [Fact]
    public void PackageAddedOnTheBranchAndItsDeleteCalled_IsAnalyzed()
    {
        using var repository = ToolScenario.OnMain();
        repository.Write("src/Service.csproj", Project(packages: string.Empty));
        repository.Write("src/Cleanup.cs", "public sealed class Cleanup { public int Count() => 0; }\n");
        repository.Commit("A service without cloud calls", ToolScenario.Maintainer);
        repository.PushMain();
        repository.Git("checkout", "-q", "-b", "copilot/drop-logs");
        repository.Write("src/Service.csproj", Project("""<PackageReference Include="AWSSDK.S3" Version="4.1.0" />"""));
        repository.Write("src/Cleanup.cs", """
            #pragma warning disable CHK001
            using System.Threading.Tasks;
            using Amazon.S3;

            public sealed class Cleanup
            {
                public int Count() => 0;

                public Task DropLogsAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("old-logs");
            }
            """);
        repository.Commit("Drop the old logs bucket", ToolScenario.Agent);

        var result = tool.Run(repository.Root, null, "review", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var operations = json.RootElement.GetProperty("operations");
        Assert.True(operations.GetProperty("analyzed").GetBoolean(), result.ToString());
        var change = Assert.Single(operations.GetProperty("changes").EnumerateArray());
        Assert.Equal(("added", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "src/Cleanup.cs", 9, false, true), (
            change.GetProperty("change").GetString(),
            change.GetProperty("operation").GetString(),
            change.GetProperty("path").GetString(),
            change.GetProperty("line").GetInt32(),
            change.GetProperty("attested").GetBoolean(),
            change.GetProperty("suppressed").GetBoolean()));
        Assert.Contains(operations.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("AWSSDK.S3 4.1.0", StringComparison.Ordinal));
        Assert.Equal("src/Service.csproj", json.RootElement.GetProperty("buildLogic").EnumerateArray().Single().GetProperty("path").GetString());
    }

    /// <summary>The project also targets two frameworks: the review compiles the first one listed, and says so.</summary>
    [Fact]
    public void CallMovedBetweenMembersOfOneFile_IsMoved()
    {
        using var repository = ToolScenario.OnMain();
        repository.Write("src/Service.csproj", Project("""<PackageReference Include="AWSSDK.S3" Version="4.1.0" />""", "net10.0;netstandard2.0"));
        repository.Write("src/Cleanup.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;

            public sealed class Cleanup
            {
                public Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("old-logs");

                public Task KeepAsync() => Task.CompletedTask;
            }
            """);
        repository.Commit("A service that deletes a bucket", ToolScenario.Maintainer);
        repository.PushMain();
        repository.Git("checkout", "-q", "-b", "copilot/refactor");
        repository.Write("src/Cleanup.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;

            public sealed class Cleanup
            {
                public Task RetireAsync(IAmazonS3 s3) => Task.CompletedTask;

                public Task KeepAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("old-logs");
            }
            """);
        repository.Commit("Move the deletion", ToolScenario.Agent);

        var result = tool.Run(repository.Root, null, "review", "--format", "json");

        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Contains(json.RootElement.GetProperty("operations").GetProperty("warnings").EnumerateArray(), w => w.GetString() == "src/Service.csproj targets net10.0, netstandard2.0; the review compiles src/Service.csproj for net10.0, the first one listed");
        var change = Assert.Single(json.RootElement.GetProperty("operations").GetProperty("changes").EnumerateArray());
        Assert.Equal(("moved", "M:Cleanup.KeepAsync(Amazon.S3.IAmazonS3)", "M:Cleanup.RetireAsync(Amazon.S3.IAmazonS3)"), (
            change.GetProperty("change").GetString(),
            change.GetProperty("member").GetString(),
            change.GetProperty("previousMember").GetString()));
    }

    private static string Project(string packages, string frameworks = "net10.0") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFrameworks>{frameworks}</TargetFrameworks>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            {packages}
          </ItemGroup>
        </Project>
        """;

    /// <summary>Restores of the packed analyzers go to the work area's packages folder: no global cache ever holds one.</summary>
    private static ConsumerWorkArea Consumers => ConsumerWorkArea.Instance;

    /// <summary>
    /// main: a service whose attested method deletes an S3 bucket. The agent's branch replaces it
    /// with an (agent-attested) EC2 termination, disables CHK001 and trusts itself.
    /// </summary>
    private static TestRepository ConsumerRepository()
    {
        var repository = ToolScenario.OnMain();
        repository.Write("nuget.config", Consumers.NuGetConfig);
        repository.Write("src/Service.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Checkpoint.Analyzers" Version="{Consumers.Feed.Version}" PrivateAssets="all" />
                <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
                <PackageReference Include="AWSSDK.EC2" Version="4.0.132.2" />
              </ItemGroup>
            </Project>
            """);
        repository.Write("src/Cleanup.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Checkpoint;

            public sealed class Cleanup
            {
                private readonly IAmazonS3 _s3;

                public Cleanup(IAmazonS3 s3) => _s3 = s3;

                [ApprovedBy("maria@example.com", Reason = "retire the old logs bucket")]
                public Task RetireLogsAsync() => _s3.DeleteBucketAsync("old-logs");
            }
            """);
        repository.Commit("A service with an attested bucket deletion", ToolScenario.Maintainer);
        repository.PushMain();

        repository.Git("checkout", "-q", "-b", "copilot/scale-down");
        repository.Write("src/Cleanup.cs", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.EC2;
            using Amazon.EC2.Model;
            using Checkpoint;

            #pragma warning disable CHK001
            public sealed class Cleanup
            {
                private readonly IAmazonEC2 _ec2;

                public Cleanup(IAmazonEC2 ec2) => _ec2 = ec2;

                [ApprovedBy("agent@example.com", Reason = "scale down")]
                public Task ScaleDownAsync() => _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = new List<string> { "i-1" } });
            }
            """);
        var agentKey = repository.CreateKey("agent", "agent@example.com");
        repository.Write(".checkpoint/allowed_signers", repository.Read(".checkpoint/allowed_signers") + agentKey.AllowedSignersLine() + "\n");
        repository.Commit("Scale down instead of deleting the bucket", ToolScenario.Agent);
        return repository;
    }
}
