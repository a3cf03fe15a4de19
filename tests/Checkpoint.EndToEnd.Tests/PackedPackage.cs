using System.Xml.Linq;

namespace Checkpoint.EndToEnd.Tests;

/// <summary>
/// The Checkpoint.Analyzers package, packed once per test run from this source tree with a unique
/// version into a throwaway folder feed, plus a work area whose nuget.config puts that feed first.
/// Consumers restore into a throwaway packages folder (so no global cache can serve a stale build of
/// the package) and find everything else in the machine's packages folder or its usual source.
/// </summary>
public sealed class PackedPackage
{
    public const string PackageId = "Checkpoint.Analyzers";

    private static readonly Lazy<PackedPackage> Shared = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackedPackage(string sourceRoot, string workRoot, string version)
    {
        SourceRoot = sourceRoot;
        WorkRoot = workRoot;
        Version = version;
        FeedDirectory = Path.Combine(workRoot, "feed");
        PackagesDirectory = Path.Combine(workRoot, "packages");
    }

    /// <summary>Packs on first use; a failed pack fails every test with the pack's output.</summary>
    public static PackedPackage Instance => Shared.Value;

    /// <summary>The Checkpoint source tree (the folder holding Checkpoint.Analyzers.sln).</summary>
    public string SourceRoot { get; }

    /// <summary>Where consumers live: nuget.config and empty Directory.Build.* files fence it off.</summary>
    public string WorkRoot { get; }

    public string Version { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    public string PackageReference => $"<PackageReference Include=\"{PackageId}\" Version=\"{Version}\" PrivateAssets=\"all\" />";

    /// <summary>A new empty folder under the work area for one consumer.</summary>
    public string NewConsumerDirectory(string name)
    {
        var directory = Path.Combine(WorkRoot, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// The environment of a consumer build: the machine's, less anything that would make it CI or
    /// carry this test host's MSBuild into the child, plus <c>CI=true</c> when asked for.
    /// </summary>
    public Dictionary<string, string?> Environment(bool ci)
    {
        var environment = ProcessEnvironment.WithoutCiOrMSBuild();
        environment["NUGET_PACKAGES"] = PackagesDirectory;
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = Path.Combine(WorkRoot, "gitconfig");
        if (ci)
        {
            environment["CI"] = "true";
        }

        return environment;
    }

    /// <summary>
    /// Deletes the work area once every test that uses it has run (set CHECKPOINT_E2E_KEEP=1 to
    /// keep it for a look at the consumers).
    /// </summary>
    public static void DeleteWorkArea()
    {
        if (Shared.IsValueCreated && System.Environment.GetEnvironmentVariable("CHECKPOINT_E2E_KEEP") != "1")
        {
            TryDelete(Shared.Value.WorkRoot);
        }
    }

    private static PackedPackage Pack()
    {
        var sourceRoot = FindSourceRoot();
        var workRoot = Path.Combine(Path.GetTempPath(), "checkpoint-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        var version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(100000, 999999)}";
        var package = new PackedPackage(sourceRoot, workRoot, version);
        Directory.CreateDirectory(package.FeedDirectory);
        Directory.CreateDirectory(package.PackagesDirectory);
        // Consumers must not pick up a Directory.Build.* or Directory.Packages.props from above.
        File.WriteAllText(Path.Combine(workRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(workRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(workRoot, "nuget.config"), package.NuGetConfig());
        File.WriteAllText(Path.Combine(workRoot, "gitconfig"), "[user]\n\tname = Test Runner\n\temail = runner@example.com\n[init]\n\tdefaultBranch = main\n");

        var pack = DotNet.Run(
            sourceRoot,
            ProcessEnvironment.WithoutCiOrMSBuild(),
            "pack",
            Path.Combine(sourceRoot, "nuget", "Checkpoint.Analyzers.Package.csproj"),
            "-c", "Release",
            "-p:Version=" + version,
            "-o", package.FeedDirectory,
            // Its own artifacts folder: packing never races a build of the source tree's bin/obj.
            "--artifacts-path", Path.Combine(workRoot, "artifacts"));
        if (!pack.Succeeded || !File.Exists(package.PackagePath))
        {
            throw new InvalidOperationException("Packing Checkpoint.Analyzers failed.\n" + pack);
        }

        return package;
    }

    private string NuGetConfig()
    {
        var sources = new XElement("packageSources", new XElement("clear"), Source("checkpoint-e2e", FeedDirectory));
        foreach (var source in MachineSources())
        {
            sources.Add(source);
        }

        var config = new XElement("configuration", sources);
        var machinePackages = MachinePackagesDirectory();
        if (Directory.Exists(machinePackages))
        {
            // Every other package comes from the machine's cache in place: no copy, no network.
            config.Add(new XElement("fallbackPackageFolders", new XElement("clear"), Source("machine", machinePackages)));
        }

        return new XDocument(config).ToString();
    }

    private static XElement Source(string key, string value) =>
        new("add", new XAttribute("key", key), new XAttribute("value", value));

    private static IEnumerable<XElement> MachineSources()
    {
        var userConfig = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        var found = new List<XElement>();
        if (File.Exists(userConfig))
        {
            var sources = XDocument.Load(userConfig).Root?.Element("packageSources");
            found.AddRange(sources?.Elements("add") ?? []);
        }

        if (found.Count == 0)
        {
            found.Add(Source("nuget.org", "https://api.nuget.org/v3/index.json"));
        }

        return found.Select(source => new XElement(source));
    }

    private static string MachinePackagesDirectory() =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string FindSourceRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Checkpoint.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Checkpoint.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
