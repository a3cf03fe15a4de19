using Checkpoint.Benchmarks.Gate;
using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Review;

/// <summary>
/// The repository demo.sh builds, at the moment Alice runs <c>checkpoint review</c>: main holds a
/// service with AWSSDK.S3 and Azure.ResourceManager and the trust configuration; the agent branch
/// <see cref="Branch"/> deletes an S3 bucket and a resource group under an [ApprovedBy] it wrote.
/// The service does not reference the Checkpoint.Analyzers package here (the demo's does): the
/// review runs the tool's own analyzers either way, and the package only adds to the cold restore.
/// </summary>
public sealed class DemoRepository
{
    public const string Branch = "copilot/retire-staging";

    private DemoRepository(string workRoot, IReadOnlyDictionary<string, string?> environment)
    {
        WorkRoot = workRoot;
        Environment = environment;
    }

    public string WorkRoot { get; }

    public string RepositoryDirectory => Path.Combine(WorkRoot, "repo");

    /// <summary>The tool built from this source tree (Release).</summary>
    public static string Tool => SourceTree.Path("src", "Checkpoint.Tool", "bin", "Release", "net8.0", "checkpoint.dll");

    /// <summary>A local environment whose review cache (XDG_CACHE_HOME) lives in the work folder.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public static DemoRepository Create(TextWriter log)
    {
        var workRoot = Path.Combine(Path.GetTempPath(), "checkpoint-bench", "review-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(workRoot);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!(name is "CI" or "TF_BUILD" or "GITLAB_CI" or "GITHUB_ACTIONS") && !name.StartsWith("GIT_", StringComparison.Ordinal) && !name.StartsWith("CHECKPOINT_", StringComparison.Ordinal))
            {
                environment[name] = entry.Value as string;
            }
        }

        environment["XDG_CACHE_HOME"] = Path.Combine(workRoot, "cache");
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = Path.Combine(workRoot, "gitconfig");
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        File.WriteAllText(Path.Combine(workRoot, "gitconfig"), "[user]\n\tname = Alice\n\temail = alice@contoso.com\n[init]\n\tdefaultBranch = main\n");
        var demo = new DemoRepository(workRoot, environment);

        log.WriteLine("Building the checkpoint tool (Release) ...");
        ChildProcess.RunChecked("dotnet", SourceTree.Root, environment, "build", SourceTree.Path("src", "Checkpoint.Tool", "Checkpoint.Tool.csproj"), "-c", "Release", "-nologo", "-v:q", "-nodeReuse:false");
        demo.WriteRepository();
        return demo;
    }

    public ChildResult Review(params string[] arguments) =>
        ChildProcess.Run("dotnet", RepositoryDirectory, Environment, [Tool, "review", .. arguments]);

    private void WriteRepository()
    {
        var repo = RepositoryDirectory;
        Directory.CreateDirectory(repo);
        Git(WorkRoot, "init", "-q", "--bare", Path.Combine(WorkRoot, "origin.git"));
        Git(WorkRoot, "init", "-q", "-b", "main", repo);
        Git(repo, "remote", "add", "origin", Path.Combine(WorkRoot, "origin.git"));
        Write(".gitignore", "bin/\nobj/\n");
        Write("Service/Service.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
                <PackageReference Include="Azure.ResourceManager" Version="1.7.0" />
              </ItemGroup>
            </Project>
            """);
        Write("Service/Cleanup.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Azure.ResourceManager.Resources;

            public sealed class Cleanup
            {
                public Task<int> CountAsync() => Task.FromResult(0);
            }
            """);
        ChildProcess.RunChecked("ssh-keygen", WorkRoot, Environment, "-q", "-t", "ed25519", "-N", string.Empty, "-C", "alice@contoso.com", "-f", Path.Combine(WorkRoot, "alice_ed25519"));
        var publicKey = string.Join(' ', File.ReadAllText(Path.Combine(WorkRoot, "alice_ed25519.pub")).Split(' ').Take(2));
        Write(".checkpoint/allowed_signers", $"alice@contoso.com namespaces=\"checkpoint-approval\" {publicKey}\n");
        Write(".checkpoint/policy.json", """{ "repository": "github.com/contoso/cleanup-service", "protectedBranches": [ "main" ], "scope": "agent-branches", "requiredApprovers": 1 }""");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "Sample service with Checkpoint");
        Git(repo, "push", "-q", "-u", "origin", "main");
        Git(repo, "checkout", "-q", "-b", Branch);
        Write("Service/Cleanup.cs", """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Azure.ResourceManager.Resources;
            using Checkpoint;

            public sealed class Cleanup
            {
                [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging environment", Ticket = "OPS-1432", Expires = "2099-12-31")]
                public async Task RetireStagingAsync(IAmazonS3 s3, ResourceGroupResource staging)
                {
                    await s3.DeleteBucketAsync("staging-2019");
                    await staging.DeleteAsync(Azure.WaitUntil.Completed);
                }
            }
            """);
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=Copilot", "-c", "user.email=198982749+Copilot@users.noreply.github.com", "commit", "-q", "-m", "Retire the 2019 staging environment");
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(RepositoryDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void Git(string directory, params string[] arguments) => ChildProcess.RunChecked("git", directory, Environment, arguments);
}
