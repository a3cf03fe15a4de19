using System.Globalization;
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
    private const string Alice = "Alice <alice@contoso.com>";

    private DemoRepository(TestRepository repository)
    {
        Repository = repository;
        CacheHome = Path.Combine(repository.Folder, "cache");
    }

    public TestRepository Repository { get; }

    public string RepositoryDirectory => Repository.Root;

    /// <summary>The tool built from this source tree (Release).</summary>
    public static string Tool => SourceTree.Path("src", "Checkpoint.Tool", "bin", "Release", "net8.0", "checkpoint.dll");

    /// <summary>The review cache (XDG_CACHE_HOME) of every run, in the work folder.</summary>
    public string CacheHome { get; }

    public static DemoRepository Create(TextWriter log)
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkpoint-bench", "review-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        log.WriteLine("Building the checkpoint tool (Release) ...");
        DotNet.RunChecked(SourceTree.Root, null, "build", SourceTree.Path("src", "Checkpoint.Tool", "Checkpoint.Tool.csproj"), "-c", "Release", "-nologo", "-v:q");
        var demo = new DemoRepository(TestRepository.CreateEmpty(folder));
        demo.WriteRepository();
        return demo;
    }

    /// <summary>One <c>checkpoint review</c> in a fresh process of the tool, as a user runs it.</summary>
    public ProcessResult Review(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Tool, "review", .. arguments], RepositoryDirectory, new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = CacheHome });

    private void WriteRepository()
    {
        var alice = SshKey.Create(Repository.Folder, "alice_ed25519", "alice@contoso.com");
        Repository.ActAs(Alice)
            .Write(".gitignore", "bin/\nobj/\n")
            .Write("Service/Service.csproj", """
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
                """)
            .Write("Service/Cleanup.cs", """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Azure.ResourceManager.Resources;

                public sealed class Cleanup
                {
                    public Task<int> CountAsync() => Task.FromResult(0);
                }
                """)
            .TrustSigners(alice)
            .WritePolicy("""{ "repository": "github.com/contoso/cleanup-service", "protectedBranches": [ "main" ], "scope": "agent-branches", "requiredApprovers": 1 }""")
            .Commit("Sample service with Checkpoint", Alice);
        Repository.PushMain().Branch(Branch).Write("Service/Cleanup.cs", """
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
        Repository.Commit("Retire the 2019 staging environment", TestRepository.CopilotAuthor);
    }
}
