using System.Text.Json;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// The review issue 5 asks for: a change that adds TerminateInstancesAsync, removes a
/// DeleteBucketAsync, adds #pragma warning disable CHK001 and edits .checkpoint/allowed_signers
/// shows all four, weakening changes first. The operations come from real builds of the
/// merge-base and HEAD with the packed analyzers, not from the diff text.
/// </summary>
[Collection(AnalyzerPackageCollection.Name)]
public sealed class SemanticReviewTests(InstalledTool tool)
{
    [Fact]
    public void AgentChange_ShowsWeakeningFirstThenTheAddedAndRemovedOperations()
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
        var terminate = Find("ADDED CHK001 src/Cleanup.cs");
        var delete = Find("REMOVED CHK001 src/Cleanup.cs");
        Assert.True(signers >= 0 && pragma >= 0 && terminate >= 0 && delete >= 0, text.ToString());
        Assert.True(Math.Max(signers, pragma) < Math.Min(terminate, delete), "weakening changes must come first:\n" + text.StandardOutput);
        Assert.Contains("TerminateInstancesAsync", lines[terminate], StringComparison.Ordinal);
        Assert.Contains("DeleteBucketAsync", lines[delete], StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json.StandardOutput);
        var operations = document.RootElement.GetProperty("operations");
        Assert.True(operations.GetProperty("analyzed").GetBoolean(), json.StandardOutput);
        Assert.Empty(operations.GetProperty("warnings").EnumerateArray());
        var changes = operations.GetProperty("changes").EnumerateArray()
            .Select(c => (Change: c.GetProperty("change").GetString(), Operation: c.GetProperty("operation").GetString()!, Service: c.GetProperty("service").GetString(), Path: c.GetProperty("path").GetString()))
            .ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Change == "added" && c.Operation.EndsWith("IAmazonEC2.TerminateInstancesAsync", StringComparison.Ordinal) && c.Service == "Amazon.EC2" && c.Path == "src/Cleanup.cs");
        Assert.Contains(changes, c => c.Change == "removed" && c.Operation.EndsWith("IAmazonS3.DeleteBucketAsync", StringComparison.Ordinal) && c.Service == "Amazon.S3");
    }

    [Fact]
    public void ProjectWithoutTheAnalyzers_IsNotAnalyzedRatherThanClean()
    {
        using var repository = ToolScenario.OnMain();
        repository.Write("src/Service.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        repository.Commit("A project without Checkpoint", ToolScenario.Maintainer);
        repository.PushMain();
        repository.Git("checkout", "-q", "-b", "copilot/tweak");
        repository.Write("src/Service.cs", "class Service { int Answer() => 7; }\n");
        repository.Commit("Tweak", ToolScenario.Agent);

        var result = tool.Run(repository.Root, Consumers.Environment(ci: false), "review", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var operations = json.RootElement.GetProperty("operations");
        Assert.False(operations.GetProperty("analyzed").GetBoolean(), result.StandardOutput);
        Assert.Contains("no project references the Checkpoint.Analyzers package", operations.GetProperty("notAnalyzedReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Restores go to the work area's packages folder: no global cache ever holds a packed package.</summary>
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
