namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// Packs src/Checkpoint.Tool once per test run with a unique version into a temporary folder feed
/// and installs it with `dotnet tool install --tool-path`, so the tests drive exactly what users
/// install. Packing reuses the build the test project already did (--no-build).
/// </summary>
public sealed class InstalledTool : IDisposable
{
    // Two collections install their own copy in parallel; packs of one project share its obj/ folder.
    internal static readonly Lock PackLock = new();

    public InstalledTool()
    {
        Root = Directory.CreateTempSubdirectory("checkpoint-tool-e2e-").FullName;
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        var feed = Path.Combine(Root, "feed");
        var toolPath = Path.Combine(Root, "tools");
        Directory.CreateDirectory(feed);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

        lock (PackLock)
        {
            ProcessRun.RunChecked(
                "dotnet",
                ["pack", RepositoryLayout.PathOf("src", "Checkpoint.Tool", "Checkpoint.Tool.csproj"), "--no-build", "-c", configuration, "-p:PackageVersion=" + Version, "-o", feed, "-nologo"],
                Root);
        }

        // Only the folder feed: the install must not depend on (or be redirected by) other sources.
        var nugetConfig = Path.Combine(Root, "nuget.config");
        File.WriteAllText(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        ProcessRun.RunChecked(
            "dotnet",
            ["tool", "install", "Checkpoint.Tool", "--version", Version, "--tool-path", toolPath, "--configfile", nugetConfig],
            Root);

        Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "checkpoint.exe" : "checkpoint");
        Assert.True(File.Exists(Executable), "dotnet tool install did not create " + Executable);
    }

    public string Root { get; }

    public string Version { get; }

    public string Executable { get; }

    /// <summary>The packed Checkpoint.Tool .nupkg that was installed.</summary>
    public string Package => Directory.GetFiles(Path.Combine(Root, "feed"), "Checkpoint.Tool.*.nupkg").Single();

    /// <summary>
    /// The review cache of this installation's runs (XDG_CACHE_HOME), so tests never write to the
    /// user's. Outside <see cref="Root"/>: NuGet reads every nuget.config above the merge-base's files,
    /// and Root's allows only the tool feed.
    /// </summary>
    public string CacheHome { get; } = Directory.CreateTempSubdirectory("checkpoint-review-cache-").FullName;

    public ProcessOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var withCache = new Dictionary<string, string?>(environment ?? ProcessRun.LocalEnvironment());
        withCache.TryAdd("XDG_CACHE_HOME", CacheHome);
        return ProcessRun.Run(Executable, arguments, workingDirectory, withCache);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
            Directory.Delete(CacheHome, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
