using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>
/// Benchmark 4's subject: a git repository holding a 30-project solution that references the
/// Checkpoint.Analyzers package packed from this source tree (a unique version in a folder feed),
/// checked out on the agent branch <see cref="Branch"/> with a valid approval signed by real
/// <c>ssh-keygen -Y sign</c>, so the gate does all of its work (base, agents, digest, signature)
/// and passes.
/// </summary>
public sealed class GatedSolution
{
    public const int ProjectCount = 30;
    public const string Branch = "copilot/bench-change";
    public const string SolutionName = "Bench";
    private const string Approver = "alice@example.com";
    private const string Human = "Dev <dev@example.com>";
    private const string Agent = "Copilot <Copilot@users.noreply.github.com>";

    private GatedSolution(string workRoot, string version, IReadOnlyDictionary<string, string?> environment)
    {
        WorkRoot = workRoot;
        Version = version;
        Environment = environment;
    }

    public string WorkRoot { get; }

    public string Version { get; }

    public string RepositoryDirectory => Path.Combine(WorkRoot, "repo");

    /// <summary>A local (non-CI) build environment with its own NuGet packages folder and git config.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public static GatedSolution Create(TextWriter log)
    {
        var sourceRoot = FindSourceRoot();
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var workRoot = Path.Combine(Path.GetTempPath(), "checkpoint-bench", "gate-" + stamp);
        var version = "0.0.0-bench." + stamp;
        Directory.CreateDirectory(workRoot);
        var environment = BuildEnvironment(workRoot);
        var solution = new GatedSolution(workRoot, version, environment);

        log.WriteLine($"Packing Checkpoint.Analyzers {version} into {workRoot}/feed ...");
        ChildProcess.RunChecked("dotnet", sourceRoot, environment,
            "pack", Path.Combine(sourceRoot, "nuget", "Checkpoint.Analyzers.Package.csproj"),
            "-c", "Release", "-p:Version=" + version, "-o", Path.Combine(workRoot, "feed"),
            "--artifacts-path", Path.Combine(workRoot, "artifacts"), "-nodeReuse:false");

        File.WriteAllText(Path.Combine(workRoot, "gitconfig"), "[user]\n\tname = Dev\n\temail = dev@example.com\n[init]\n\tdefaultBranch = main\n");
        solution.WriteRepository(sourceRoot);
        return solution;
    }

    /// <summary>Runs <c>dotnet build</c> of the solution at normal verbosity (the gate's evaluation line shows there).</summary>
    public ChildResult Build(bool restore, params string[] extraArguments)
    {
        var arguments = new List<string> { "build", SolutionName + ".sln", "-nodeReuse:false", "-v:n" };
        if (!restore)
        {
            arguments.Add("--no-restore");
        }

        arguments.AddRange(extraArguments);
        return ChildProcess.Run("dotnet", RepositoryDirectory, Environment, arguments.ToArray());
    }

    private void WriteRepository(string sourceRoot)
    {
        var repo = RepositoryDirectory;
        var origin = Path.Combine(WorkRoot, "origin.git");
        Directory.CreateDirectory(repo);
        Git(WorkRoot, Human, "init", "-q", "--bare", "-b", "main", origin);
        Git(repo, Human, "init", "-q", "-b", "main");
        Git(repo, Human, "remote", "add", "origin", origin);

        var keyDirectory = Path.Combine(WorkRoot, "keys");
        Directory.CreateDirectory(keyDirectory);
        var key = Path.Combine(keyDirectory, "alice");
        ChildProcess.RunChecked("ssh-keygen", keyDirectory, Environment, "-q", "-t", "ed25519", "-N", "", "-C", Approver, "-f", key);
        var publicKey = string.Join(' ', File.ReadAllText(key + ".pub").Split(' ').Take(2));
        Write(".checkpoint/allowed_signers", $"{Approver} namespaces=\"{ApprovalManifest.SignatureNamespace}\" {publicKey}\n");

        Write(".gitignore", "bin/\nobj/\n");
        Write("nuget.config", NuGetConfig());
        Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Checkpoint.Analyzers" Version="{Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>

            """);
        Write("Directory.Build.targets", "<Project />\n");
        var projects = new List<string>();
        for (var i = 0; i < ProjectCount; i++)
        {
            // A tree: project i depends on project (i - 1) / 2, as a layered solution does.
            var reference = i == 0 ? string.Empty
                : $"  <ItemGroup>\n    <ProjectReference Include=\"../Project{(i - 1) / 2:D2}/Project{(i - 1) / 2:D2}.csproj\" />\n  </ItemGroup>\n";
            var path = $"src/Project{i:D2}/Project{i:D2}.csproj";
            Write(path, $"<Project Sdk=\"Microsoft.NET.Sdk\">\n{reference}</Project>\n");
            Write($"src/Project{i:D2}/Service{i:D2}.cs", Service(i, generation: 0));
            projects.Add(path);
        }

        ChildProcess.RunChecked("dotnet", repo, Environment, "new", "sln", "-n", SolutionName, "--format", "sln");
        ChildProcess.RunChecked("dotnet", repo, Environment, ["sln", SolutionName + ".sln", "add", .. projects]);
        Commit(repo, Human, "A 30-project solution that references Checkpoint.Analyzers");
        Git(repo, Human, "push", "-q", "origin", "main");
        Git(repo, Human, "fetch", "-q", "origin");
        Git(repo, Human, "remote", "set-head", "origin", "main");

        Git(repo, Human, "checkout", "-q", "-b", Branch);
        for (var i = 0; i < ProjectCount; i += 3)
        {
            Write($"src/Project{i:D2}/Service{i:D2}.cs", Service(i, generation: 1));
        }

        Commit(repo, Agent, "Change every third service");

        // The approval, exactly as an approver makes it: the manifest for this diff, signed with ssh-keygen.
        using var resolution = ChangeResolver.Resolve(new ChangeRequest(repo, CiEnvironment.FromVariables(Environment)));
        var change = resolution.Change ?? throw new InvalidOperationException(resolution.Failure!.ToString());
        var manifest = change.CreateManifest(Approver, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(7)).Serialize();
        var manifestPath = Path.Combine(repo, ".checkpoint", "approvals", "alice.json");
        Directory.CreateDirectory(Path.GetDirectoryName(manifestPath)!);
        File.WriteAllBytes(manifestPath, manifest);
        ChildProcess.RunChecked("ssh-keygen", repo, Environment, "-q", "-Y", "sign", "-f", key, "-n", ApprovalManifest.SignatureNamespace, manifestPath);
        Commit(repo, "Alice <alice@example.com>", "Approve the change");
    }

    private static string Service(int index, int generation) => $$"""
        namespace Bench.Project{{index:D2}};

        public static class Service{{index:D2}}
        {
            public static int Value(int input) => input + {{generation}} + {{index}};
        }

        """;

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(RepositoryDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private void Commit(string repo, string who, string message)
    {
        Git(repo, who, "add", "-A");
        Git(repo, who, "commit", "-q", "--no-verify", "-m", message);
    }

    private void Git(string directory, string who, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(Environment);
        var name = who[..who.IndexOf(" <", StringComparison.Ordinal)];
        var email = who[(who.IndexOf('<', StringComparison.Ordinal) + 1)..^1];
        environment["GIT_AUTHOR_NAME"] = environment["GIT_COMMITTER_NAME"] = name;
        environment["GIT_AUTHOR_EMAIL"] = environment["GIT_COMMITTER_EMAIL"] = email;
        ChildProcess.RunChecked("git", directory, environment, arguments);
    }

    private string NuGetConfig()
    {
        var sources = new XElement("packageSources", new XElement("clear"), Source("checkpoint-bench", Path.Combine(WorkRoot, "feed")));
        var userConfig = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(userConfig))
        {
            foreach (var source in XDocument.Load(userConfig).Root?.Element("packageSources")?.Elements("add") ?? [])
            {
                sources.Add(new XElement(source));
            }
        }

        var config = new XElement("configuration", sources);
        var machinePackages = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (Directory.Exists(machinePackages))
        {
            config.Add(new XElement("fallbackPackageFolders", new XElement("clear"), Source("machine", machinePackages)));
        }

        return new XDocument(config).ToString() + "\n";
    }

    private static XElement Source(string key, string value) =>
        new("add", new XAttribute("key", key), new XAttribute("value", value));

    // The machine's environment less CI markers, so this is a local developer build where
    // CheckpointGateEnabled=false is honoured; its own packages folder so no stale package is used.
    private static Dictionary<string, string?> BuildEnvironment(string workRoot)
    {
        string[] ciPrefixes = ["GITHUB_", "SYSTEM_", "BUILD_", "GITLAB_", "CI_", "CHECKPOINT_", "GIT_"];
        string[] ciNames = ["CI", "TF_BUILD", "GITLAB_CI", "GITHUB_ACTIONS"];
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            var excluded = ciNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                || ciPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                || (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !name.Equals("MSBUILDDISABLENODEREUSE", StringComparison.OrdinalIgnoreCase));
            if (!excluded)
            {
                environment[name] = entry.Value as string;
            }
        }

        environment["NUGET_PACKAGES"] = Path.Combine(workRoot, "packages");
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = Path.Combine(workRoot, "gitconfig");
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        return environment;
    }

    private static string FindSourceRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Checkpoint.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Checkpoint.Analyzers.sln not found above " + AppContext.BaseDirectory + ": run the benchmarks from the source tree.");
    }
}
