namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// `checkpoint baseline` on a real solution that references the packed Checkpoint.Analyzers: the
/// tool builds it with `dotnet build`, reads each compilation's SARIF log and writes the baselines
/// the analyzers then read, so the same build passes.
/// </summary>
[Collection(AnalyzerPackageCollection.Name)]
public sealed class BaselineTests(InstalledTool tool)
{
    private const string Purge = "M:Ops.Jobs.PurgeAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync";

    [Fact]
    public void Solution_GetsABaselinePerProjectThatNeedsOne_AndThenBuilds()
    {
        using var repository = Shop();

        var baseline = tool.Run(repository.Root, Consumers.Environment(ci: false), "baseline", "Shop.slnx");

        Assert.True(baseline.ExitCode == 0, baseline.ToString());
        Assert.Contains("src/Ops/CheckpointBaseline.txt created: 2 new, 0 kept, 0 stale", baseline.Output, StringComparison.Ordinal);
        Assert.Contains("Web.csproj: no unattested sites, no baseline needed", baseline.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Root, "src", "Web", "CheckpointBaseline.txt")));
        var lines = repository.Read("src/Ops/CheckpointBaseline.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([Purge + " #1", Purge + " #2"], lines.Where(l => !l.StartsWith("//", StringComparison.Ordinal)));
        var build = Build(repository);
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public void SitesAddedAndRemovedLater_AreReportedNewAndStale_AndDryRunWritesNothing()
    {
        using var repository = Shop();
        Assert.Equal(0, tool.Run(repository.Root, Consumers.Environment(ci: false), "baseline", "Shop.slnx").ExitCode);
        repository.Write("src/Ops/Jobs.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;

            namespace Ops;

            public static class Jobs
            {
                public static async Task PurgeAsync(IAmazonS3 s3) => await s3.DeleteBucketAsync("a");

                public static Task DropAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("b");
            }
            """);
        var before = repository.Read("src/Ops/CheckpointBaseline.txt");

        var dryRun = tool.Run(repository.Root, Consumers.Environment(ci: false), "baseline", "Shop.slnx", "--dry-run");
        var written = before == repository.Read("src/Ops/CheckpointBaseline.txt");
        var update = tool.Run(repository.Root, Consumers.Environment(ci: false), "baseline", "Shop.slnx");

        Assert.True(dryRun.ExitCode == 1, dryRun.ToString());
        Assert.Contains("would change: 1 new, 1 kept, 1 stale (would be removed)", dryRun.Output, StringComparison.Ordinal);
        Assert.True(written, "--dry-run changed the baseline");
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("updated: 1 new, 1 kept, 1 stale (removed)", update.Output, StringComparison.Ordinal);
        Assert.Contains("- " + Purge + " #2", update.Output, StringComparison.Ordinal);
        var entries = repository.Read("src/Ops/CheckpointBaseline.txt").Split('\n').Where(l => l.StartsWith("M:", StringComparison.Ordinal));
        Assert.Equal([Purge + " #1", "M:Ops.Jobs.DropAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync #1"], entries);
    }

    [Fact]
    public void AProjectThatDoesNotCompile_IsNamedAndLeftAlone()
    {
        using var repository = Shop();
        repository.Write("src/Ops/Broken.cs", "namespace Ops; public static class Broken { public static int X() => Missing.Value; }\n");

        var baseline = tool.Run(repository.Root, Consumers.Environment(ci: false), "baseline", "Shop.slnx");

        Assert.Equal(2, baseline.ExitCode);
        Assert.Contains("Ops.csproj: not baselined, it does not compile", baseline.Output, StringComparison.Ordinal);
        Assert.Contains("CS0103", baseline.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Root, "src", "Ops", "CheckpointBaseline.txt")));
    }

    private static ProcessResult Build(TestRepository repository) =>
        ProcessRunner.Run("dotnet", ["build", "Shop.slnx", "-nologo", "-v:q"], repository.Root, Consumers.Environment(ci: false), TimeSpan.FromMinutes(6));

    /// <summary>Restores of the packed analyzers go to the work area's packages folder: no global cache ever holds one.</summary>
    private static ConsumerWorkArea Consumers => ConsumerWorkArea.Instance;

    /// <summary>main of a repository with two projects: Ops deletes two buckets in one method, Web deletes nothing.</summary>
    private static TestRepository Shop()
    {
        var repository = ToolScenario.OnMain();
        repository.Write("nuget.config", Consumers.NuGetConfig);
        repository.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Checkpoint.Analyzers" Version="{Consumers.Feed.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        repository.Write("Shop.slnx", """
            <Solution>
              <Project Path="src/Ops/Ops.csproj" />
              <Project Path="src/Web/Web.csproj" />
            </Solution>
            """);
        repository.Write("src/Ops/Ops.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
              </ItemGroup>
            </Project>
            """);
        repository.Write("src/Ops/Jobs.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;

            namespace Ops;

            public static class Jobs
            {
                public static async Task PurgeAsync(IAmazonS3 s3)
                {
                    await s3.DeleteBucketAsync("staging");
                    await s3.DeleteBucketAsync("staging-logs");
                }
            }
            """);
        repository.Write("src/Web/Web.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""" + "\n");
        repository.Write("src/Web/Home.cs", "namespace Web; public static class Home { public static string Hello() => \"hi\"; }\n");
        repository.Commit("The shop, before Checkpoint", ToolScenario.Maintainer);
        repository.PushMain();
        return repository;
    }
}
