using System.Text.RegularExpressions;
using Checkpoint.Tool.Tests.Release;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// The README's "Adopt Checkpoint in an existing repository", followed literally on an existing
/// repository: each shell line of steps 1 to 5 run with bash as written, each file it shows written as
/// shown. Only where packages come from differs (the packed ones, through the repository's
/// nuget.config) and so their versions; the home folder is a fresh one with an SSH key, as a new
/// user's would be. If the README needs a script of this source tree, or a step is missing, this fails.
/// </summary>
[Collection(AnalyzerPackageCollection.Name)]
public sealed partial class ReadmeAdoptionTests
{
    [GeneratedRegex(@"^```(?<language>\S*)[ \t]*(?<file>\S*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void ReadmeAdoptionSteps_TakeAnExistingRepositoryToAGateThatHoldsAgentBranches()
    {
        using var repository = ExistingRepository();
        var home = ScratchFolder.Create("checkpoint-adopter-home-");
        try
        {
            FollowTheReadme(repository, home);
        }
        finally
        {
            ScratchFolder.Delete(home);
        }
    }

    private static void FollowTheReadme(TestRepository repository, string home)
    {
        Directory.CreateDirectory(Path.Combine(home, ".ssh"));
        ProcessRunner.RunChecked("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "maria", "-f", Path.Combine(home, ".ssh", "id_ed25519")], home);
        var environment = ProcessEnvironment.Local(new Dictionary<string, string?>(Consumers.Environment(ci: false))
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
        });

        var steps = AdoptionSteps();
        Assert.Contains(steps, s => s.Language == "sh" && s.Body.Contains("checkpoint baseline", StringComparison.Ordinal));
        foreach (var step in steps)
        {
            if (step.Language == "sh")
            {
                foreach (var line in step.Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    var command = line.Replace("--version " + VersionPinTests.VersionPrefix, "--version " + Consumers.Feed.Version, StringComparison.Ordinal);
                    var run = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], repository.Root, environment, TimeSpan.FromMinutes(8));
                    Assert.True(run.ExitCode == 0, $"README step `{line}` failed:\n{run}");
                }
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(step.File), $"a ```{step.Language} block of the adoption steps names no file to write");
                repository.Write(step.File, step.Body.Replace($"Version=\"{VersionPinTests.VersionPrefix}\"", $"Version=\"{Consumers.Feed.Version}\"", StringComparison.Ordinal));
            }
        }

        // The SDK writes the manifest at the root (.NET 10) or in .config/ (earlier SDKs).
        var manifest = new[] { "dotnet-tools.json", ".config/dotnet-tools.json" }.Single(f => File.Exists(Path.Combine(repository.Root, f)));
        Assert.Contains("\"checkpoint.tool\"", repository.Read(manifest), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("maria@example.com namespaces=\"checkpoint-approval\" ssh-ed25519 ", repository.Read(".checkpoint/allowed_signers"), StringComparison.Ordinal);
        Assert.Contains("Amazon.S3.IAmazonS3.DeleteBucketAsync #1", repository.Read("src/Ops/CheckpointBaseline.txt"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, repository.Git("status", "--porcelain"));

        // The adoption merges; then an agent's branch adds a delete: the build and the check stop it.
        repository.Git("push", "-q", "origin", "HEAD:main");
        repository.Git("fetch", "-q", "origin");
        repository.Git("checkout", "-q", "-b", "copilot/drop-archive");
        repository.Write("src/Ops/Archive.cs", "namespace Ops; public static class Archive { public static System.Threading.Tasks.Task DropAsync(Amazon.S3.IAmazonS3 s3) => s3.DeleteBucketAsync(\"archive\"); }\n");
        repository.Commit("Drop the archive", ToolScenario.Agent);
        var build = ProcessRunner.Run("dotnet", ["build", "-nologo", "-v:q"], repository.Root, environment, TimeSpan.FromMinutes(6));
        var verify = ProcessRunner.Run("dotnet", ["checkpoint", "verify"], repository.Root, environment);
        var unlisted = ProcessRunner.Run("dotnet", ["checkpoint", "baseline", "--dry-run"], repository.Root, environment, TimeSpan.FromMinutes(6));

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error CHK100", build.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("error CHK100", verify.Output, StringComparison.Ordinal);
        Assert.True(unlisted.ExitCode == 1, unlisted.ToString());
        Assert.Contains("would change: 1 new, 1 kept, 0 stale", unlisted.Output, StringComparison.Ordinal);
    }

    /// <summary>The code blocks of README steps 1 to 5 (step 6 is configuration of the CI service), in order.</summary>
    private static List<(string Language, string File, string Body)> AdoptionSteps()
    {
        var readme = SourceTree.ReadText("README.md").ReplaceLineEndings("\n");
        var start = readme.IndexOf("## Adopt Checkpoint in an existing repository", StringComparison.Ordinal);
        var end = readme.IndexOf("**6. ", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the README has no adoption steps 1 to 5");
        return CodeBlock().Matches(readme[start..end])
            .Select(m => (m.Groups["language"].Value, m.Groups["file"].Value, m.Groups["body"].Value))
            .ToList();
    }

    /// <summary>An existing repository without Checkpoint: a solution whose Ops project deletes a bucket, pushed to origin.</summary>
    private static TestRepository ExistingRepository()
    {
        var repository = ToolScenario.OnMain();
        repository.Git("rm", "-q", "-r", ".checkpoint");
        repository.Write("nuget.config", Consumers.NuGetConfig);
        repository.Write(".gitignore", "bin/\nobj/\n");
        repository.Write("Shop.slnx", "<Solution>\n  <Project Path=\"src/Ops/Ops.csproj\" />\n</Solution>\n");
        repository.Write("src/Ops/Ops.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
              </ItemGroup>
            </Project>
            """);
        repository.Write("src/Ops/Jobs.cs", "namespace Ops; public static class Jobs { public static System.Threading.Tasks.Task PurgeAsync(Amazon.S3.IAmazonS3 s3) => s3.DeleteBucketAsync(\"staging\"); }\n");
        repository.Commit("The shop, before Checkpoint", ToolScenario.Maintainer);
        repository.PushMain();
        repository.Git("checkout", "-q", "-b", "adopt-checkpoint");
        return repository;
    }

    /// <summary>Restores of the packed packages go to the work area's packages folder: no global cache ever holds one.</summary>
    private static ConsumerWorkArea Consumers => ConsumerWorkArea.Instance;
}
