using System.Xml.Linq;

namespace Checkpoint.Testing;

/// <summary>
/// Where this test process's consumers of the packed packages live: a temp folder whose nuget.config
/// puts the <see cref="PackageFeed"/> first, whose empty Directory.Build.* files fence it off from
/// anything above, and whose own packages folder (<c>NUGET_PACKAGES</c>) receives the packed
/// packages, so no global cache can serve another build of them. Every other package comes from the
/// machine's packages folder in place, or its usual source. Deleted by <see cref="Cleanup"/>, a
/// collection fixture of the tests that use it, or else when the process exits (set
/// <c>CHECKPOINT_E2E_KEEP=1</c> to keep it for a look at the consumers).
/// </summary>
public sealed class ConsumerWorkArea
{
    /// <summary>
    /// The xUnit collection of every test that builds consumers: builds are CPU-bound on a two-core
    /// machine, so running them one at a time costs little.
    /// </summary>
    public const string Collection = "Package consumers";

    private static readonly Lazy<ConsumerWorkArea> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private ConsumerWorkArea(PackageFeed feed, string root)
    {
        Feed = feed;
        Root = root;
    }

    /// <summary>Packs (or finds) the feed and makes the work area on first use.</summary>
    public static ConsumerWorkArea Instance => Shared.Value;

    public PackageFeed Feed { get; }

    public string Root { get; }

    /// <summary>The throwaway <c>NUGET_PACKAGES</c> folder of every consumer here.</summary>
    public string PackagesDirectory => Path.Combine(Root, "packages");

    /// <summary>The nuget.config every consumer here uses: the feed first, then the machine's sources and packages folder.</summary>
    public string NuGetConfig => File.ReadAllText(Path.Combine(Root, "nuget.config"));

    /// <summary>A new empty folder for one consumer.</summary>
    public string NewFolder(string name)
    {
        var directory = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The changes a consumer's restore and build make to the local environment: the throwaway packages folder, and <c>CI=true</c> when asked for.</summary>
    public Dictionary<string, string?> Environment(bool ci)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = PackagesDirectory };
        if (ci)
        {
            environment["CI"] = "true";
        }

        return environment;
    }

    /// <summary>
    /// The collection fixture that deletes the work area once the tests that build consumers are done:
    /// <c>[CollectionDefinition(ConsumerWorkArea.Collection)] class X : ICollectionFixture&lt;ConsumerWorkArea.Cleanup&gt;</c>.
    /// </summary>
    public sealed class Cleanup : IDisposable
    {
        public void Dispose() => DeleteIfCreated();
    }

    private static ConsumerWorkArea Create()
    {
        var area = new ConsumerWorkArea(PackageFeed.Instance, ScratchFolder.Create("checkpoint-consumers-"));
        Directory.CreateDirectory(area.PackagesDirectory);
        File.WriteAllText(Path.Combine(area.Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(area.Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(area.Root, "nuget.config"), area.CreateNuGetConfig());
        // A fallback only: the test host may be stopped before a slow handler finishes.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteIfCreated();
        return area;
    }

    private static void DeleteIfCreated()
    {
        if (Shared.IsValueCreated && System.Environment.GetEnvironmentVariable("CHECKPOINT_E2E_KEEP") != "1")
        {
            ScratchFolder.Delete(Shared.Value.Root);
        }
    }

    private string CreateNuGetConfig()
    {
        var sources = new XElement("packageSources", new XElement("clear"), Source("checkpoint", Feed.FeedDirectory));
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

        return new XDocument(config).ToString() + "\n";
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
}
