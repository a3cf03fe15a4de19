namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// `checkpoint baseline` on a real solution that references the packed Checkpoint.Analyzers: the
/// tool builds it with `dotnet build`, reads each compilation's SARIF log and writes the baselines
/// the analyzers then read, so the same build passes.
/// </summary>
[Collection(AnalyzerPackageCollection.Name)]
public sealed class BaselineTests(AnalyzerPackage package)
{
    private const string Purge = "M:Ops.Jobs.PurgeAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync";

    [Fact]
    public void Solution_GetsABaselinePerProjectThatNeedsOne_AndThenBuilds()
    {
        using var repository = Shop();

        var baseline = package.Tool.Run(repository.Work, null, "baseline", "Shop.slnx");

        Assert.True(baseline.ExitCode == 0, baseline.ToString());
        Assert.Contains("src/Ops/CheckpointBaseline.txt created: 2 new, 0 kept, 0 stale", baseline.Output, StringComparison.Ordinal);
        Assert.Contains("Web.csproj: no unattested sites, no baseline needed", baseline.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Work, "src", "Web", "CheckpointBaseline.txt")));
        var lines = repository.Read("src/Ops/CheckpointBaseline.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([Purge + " #1", Purge + " #2"], lines.Where(l => !l.StartsWith("//", StringComparison.Ordinal)));
        var build = Build(repository);
        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public void SitesAddedAndRemovedLater_AreReportedNewAndStale_AndDryRunWritesNothing()
    {
        using var repository = Shop();
        Assert.Equal(0, package.Tool.Run(repository.Work, null, "baseline", "Shop.slnx").ExitCode);
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

        var dryRun = package.Tool.Run(repository.Work, null, "baseline", "Shop.slnx", "--dry-run");
        var written = before == repository.Read("src/Ops/CheckpointBaseline.txt");
        var update = package.Tool.Run(repository.Work, null, "baseline", "Shop.slnx");

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

        var baseline = package.Tool.Run(repository.Work, null, "baseline", "Shop.slnx");

        Assert.Equal(2, baseline.ExitCode);
        Assert.Contains("Ops.csproj: not baselined, it does not compile", baseline.Output, StringComparison.Ordinal);
        Assert.Contains("CS0103", baseline.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Work, "src", "Ops", "CheckpointBaseline.txt")));
    }

    private ProcessOutcome Build(TestRepository repository) =>
        ProcessRun.Run("dotnet", ["build", "Shop.slnx", "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false"], repository.Work, timeout: TimeSpan.FromMinutes(6));

    /// <summary>main of a repository with two projects: Ops deletes two buckets in one method, Web deletes nothing.</summary>
    private TestRepository Shop()
    {
        var repository = TestRepository.OnMain();
        repository.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="checkpoint" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        repository.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Checkpoint.Analyzers" Version="{package.Version}" PrivateAssets="all" />
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
        repository.CommitAsMaintainer("The shop, before Checkpoint");
        repository.PublishMain();
        return repository;
    }
}
