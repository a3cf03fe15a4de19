using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>
/// Benchmark 4's subject: a git repository holding a 30-project solution that references the
/// Checkpoint.Analyzers package from the shared <see cref="PackageFeed"/>, checked out on the agent
/// branch <see cref="Branch"/> with a valid approval signed by real <c>ssh-keygen -Y sign</c>, so the
/// gate does all of its work (base, agents, digest, signature) and passes.
/// </summary>
public sealed class GatedSolution
{
    public const int ProjectCount = 30;
    public const string Branch = "copilot/bench-change";
    public const string SolutionName = "Bench";
    private const string Human = "Dev <dev@example.com>";
    private const string Agent = "Copilot <Copilot@users.noreply.github.com>";

    private GatedSolution(TestRepository repository, IReadOnlyDictionary<string, string?> environment)
    {
        Repository = repository;
        Environment = environment;
    }

    public TestRepository Repository { get; }

    public string RepositoryDirectory => Repository.Root;

    /// <summary>The changes a local (non-CI) build makes to the environment: the work area's own NuGet packages folder.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public static GatedSolution Create(TextWriter log)
    {
        log.WriteLine("Packing the Checkpoint packages (or finding them packed) ...");
        var workArea = ConsumerWorkArea.Instance;
        log.WriteLine($"Checkpoint.Analyzers {workArea.Feed.Version} from {workArea.Feed.FeedDirectory}");
        var solution = new GatedSolution(TestRepository.CreateEmpty(workArea.NewFolder("gate-bench")), workArea.Environment(ci: false));
        solution.WriteRepository(workArea.Feed);
        return solution;
    }

    /// <summary>Runs <c>dotnet build</c> of the solution at normal verbosity (the gate's evaluation line shows there).</summary>
    public ProcessResult Build(bool restore, params string[] extraArguments)
    {
        List<string> arguments = ["build", SolutionName + ".sln", "-nodeReuse:false", "-v:n"];
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        arguments.AddRange(extraArguments);
        return ProcessRunner.Run("dotnet", arguments, RepositoryDirectory, Environment, TimeSpan.FromMinutes(30));
    }

    private void WriteRepository(PackageFeed feed)
    {
        Repository.TrustSigners(SshKey.Alice);
        Repository.Write(".gitignore", "bin/\nobj/\n");
        Repository.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {feed.AnalyzersPackageReference}
              </ItemGroup>
            </Project>

            """);
        Repository.Write("Directory.Build.targets", "<Project />\n");
        var projects = new List<string>();
        for (var i = 0; i < ProjectCount; i++)
        {
            // A tree: project i depends on project (i - 1) / 2, as a layered solution does.
            var reference = i == 0 ? string.Empty
                : $"  <ItemGroup>\n    <ProjectReference Include=\"../Project{(i - 1) / 2:D2}/Project{(i - 1) / 2:D2}.csproj\" />\n  </ItemGroup>\n";
            var path = $"src/Project{i:D2}/Project{i:D2}.csproj";
            Repository.Write(path, $"<Project Sdk=\"Microsoft.NET.Sdk\">\n{reference}</Project>\n");
            Repository.Write($"src/Project{i:D2}/Service{i:D2}.cs", Service(i, generation: 0));
            projects.Add(path);
        }

        DotNet.RunChecked(RepositoryDirectory, Environment, "new", "sln", "-n", SolutionName, "--format", "sln");
        DotNet.RunChecked(RepositoryDirectory, Environment, ["sln", SolutionName + ".sln", "add", .. projects]);
        Repository.Commit("A 30-project solution that references Checkpoint.Analyzers", Human);
        Repository.PushMain().Branch(Branch);
        for (var i = 0; i < ProjectCount; i += 3)
        {
            Repository.Write($"src/Project{i:D2}/Service{i:D2}.cs", Service(i, generation: 1));
        }

        Repository.Commit("Change every third service", Agent);

        // The approval, exactly as an approver makes it: Core's manifest for this diff, signed with ssh-keygen.
        Repository.Approve(SshKey.Alice, Repository.ManifestFor(SshKey.Alice, createdAt: DateTimeOffset.UtcNow.AddMinutes(-5), validFor: TimeSpan.FromDays(7)).Serialize());
    }

    private static string Service(int index, int generation) => $$"""
        namespace Bench.Project{{index:D2}};

        public static class Service{{index:D2}}
        {
            public static int Value(int input) => input + {{generation}} + {{index}};
        }

        """;
}
