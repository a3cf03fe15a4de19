using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Checkpoint.Testing;

/// <summary>
/// The Checkpoint.Analyzers and Checkpoint.Tool packages packed from this source tree into a folder
/// feed, with the tool installed from it: once per state of the sources, shared by every test
/// process of a run (and by later runs while the sources stay the same).
/// </summary>
/// <remarks>
/// The feed lives in <c>$TMPDIR/checkpoint-packages/KEY</c>, where KEY is a hash of everything packing
/// reads (<c>src/</c>, <c>build/</c>, <c>nuget/</c> and the root <c>Directory.*</c>, <c>global.json</c>
/// and <c>.editorconfig</c>), and the version is <c>0.0.0-local.hKEY</c>: the same inputs give the same
/// version and the same package, so no NuGet cache can ever serve a stale build under a version.
/// A file lock makes the first process pack while the others wait. Packing builds into its own
/// artifacts folder, never the source tree's bin/ and obj/, so it cannot race a build of the tree.
/// Feeds unused for a day are deleted by the next run that packs.
/// </remarks>
public sealed class PackageFeed
{
    public const string AnalyzersPackageId = "Checkpoint.Analyzers";
    public const string ToolPackageId = "Checkpoint.Tool";

    /// <summary>Part of the key: change it when the way the feed is made changes.</summary>
    private const string LayoutVersion = "feed-v1";

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan UnusedFor = TimeSpan.FromDays(1);
    private static readonly Lazy<PackageFeed> Shared = new(Open, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackageFeed(string sourceRoot, string folder, string version)
    {
        SourceRoot = sourceRoot;
        Folder = folder;
        Version = version;
    }

    /// <summary>Packs on first use in this source state; a failed pack fails every test that asks, with the pack's output.</summary>
    public static PackageFeed Instance => Shared.Value;

    /// <summary>The Checkpoint source tree the packages are packed from.</summary>
    public string SourceRoot { get; }

    /// <summary>The shared folder: the feed, the installed tool and their markers.</summary>
    public string Folder { get; }

    public string Version { get; }

    /// <summary>The folder feed holding both packages.</summary>
    public string FeedDirectory => Path.Combine(Folder, "feed");

    public string AnalyzersPackagePath => Path.Combine(FeedDirectory, $"{AnalyzersPackageId}.{Version}.nupkg");

    public string ToolPackagePath => Path.Combine(FeedDirectory, $"{ToolPackageId}.{Version}.nupkg");

    /// <summary>The <c>checkpoint</c> executable installed from the feed with <c>dotnet tool install --tool-path</c>.</summary>
    public string ToolExecutable => Path.Combine(Folder, "tool", OperatingSystem.IsWindows() ? "checkpoint.exe" : "checkpoint");

    /// <summary>The item a consumer project adds to use the analyzers and the gate.</summary>
    public string AnalyzersPackageReference => $"<PackageReference Include=\"{AnalyzersPackageId}\" Version=\"{Version}\" PrivateAssets=\"all\" />";

    /// <summary>The hash of everything packing reads; the key of the feed's folder and its version.</summary>
    public static string InputsKey(string sourceRoot)
    {
        var files = new List<string>();
        foreach (var top in new[] { "src", "build", "nuget" })
        {
            Collect(Path.Combine(sourceRoot, top), files);
        }

        files.AddRange(Directory.GetFiles(sourceRoot, "Directory.*"));
        files.AddRange(new[] { "global.json", ".editorconfig", "nuget.config", "NuGet.config" }.Select(name => Path.Combine(sourceRoot, name)).Where(File.Exists));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(LayoutVersion + "\n"));
        foreach (var file in files.Select(f => Path.GetRelativePath(sourceRoot, f).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllBytes(Path.Combine(sourceRoot, file));
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\n{content.Length}\n"));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static PackageFeed Open()
    {
        var sourceRoot = SourceTree.Root;
        var key = InputsKey(sourceRoot);
        var parent = Path.Combine(Path.GetTempPath(), "checkpoint-packages");
        Directory.CreateDirectory(parent);
        var feed = new PackageFeed(sourceRoot, Path.Combine(parent, key), "0.0.0-local.h" + key);
        var marker = Path.Combine(feed.Folder, ".complete");
        using (AcquireLock(feed.Folder + ".lock", LockWait) ?? throw new TimeoutException($"Another test process held {feed.Folder}.lock for {LockWait}."))
        {
            if (!File.Exists(marker))
            {
                // A folder without the marker is what a killed run left behind.
                ScratchFolder.Delete(feed.Folder);
                feed.PackAndInstall();
                File.WriteAllText(marker, DateTime.UtcNow.ToString("O"));
            }

            File.SetLastWriteTimeUtc(marker, DateTime.UtcNow);
        }

        DeleteUnused(parent, except: key);
        return feed;
    }

    private void PackAndInstall()
    {
        var artifacts = Path.Combine(Folder, "artifacts");
        foreach (var project in new[] { Path.Combine("nuget", "Checkpoint.Analyzers.Package.csproj"), Path.Combine("src", "Checkpoint.Tool", "Checkpoint.Tool.csproj") })
        {
            DotNet.RunChecked(
                SourceRoot,
                null,
                "pack", Path.Combine(SourceRoot, project),
                "-c", "Release",
                "-p:Version=" + Version,
                "-o", FeedDirectory,
                "--artifacts-path", artifacts,
                "-nologo");
        }

        foreach (var package in new[] { AnalyzersPackagePath, ToolPackagePath })
        {
            if (!File.Exists(package))
            {
                throw new InvalidOperationException($"Packing succeeded but {package} is missing; the feed holds: {string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName))}");
            }
        }

        // Only this feed: the install must not depend on, or be redirected by, any other source.
        var config = Path.Combine(Folder, "tool.nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="checkpoint" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        DotNet.RunChecked(
            Folder,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(Folder, "packages") },
            "tool", "install", ToolPackageId, "--version", Version, "--tool-path", Path.Combine(Folder, "tool"), "--configfile", config);
        if (!File.Exists(ToolExecutable))
        {
            throw new InvalidOperationException("dotnet tool install did not create " + ToolExecutable);
        }

        ScratchFolder.Delete(artifacts);
    }

    private static void Collect(string directory, List<string> files)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        files.AddRange(Directory.GetFiles(directory));
        foreach (var child in Directory.GetDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (name is not ("bin" or "obj") && !name.StartsWith('.'))
            {
                Collect(child, files);
            }
        }
    }

    /// <summary>Takes the lock file, waiting up to <paramref name="wait"/>; null when another process still holds it.</summary>
    private static FileStream? AcquireLock(string path, TimeSpan wait)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: released by the OS when a holder dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (watch.Elapsed < wait)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500));
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    private static void DeleteUnused(string parent, string except)
    {
        foreach (var folder in Directory.GetDirectories(parent))
        {
            var marker = Path.Combine(folder, ".complete");
            var lastUse = File.Exists(marker) ? File.GetLastWriteTimeUtc(marker) : Directory.GetLastWriteTimeUtc(folder);
            if (Path.GetFileName(folder) == except || DateTime.UtcNow - lastUse < UnusedFor)
            {
                continue;
            }

            using var held = AcquireLock(folder + ".lock", TimeSpan.Zero);
            if (held is not null)
            {
                ScratchFolder.Delete(folder);
                File.Delete(folder + ".lock");
            }
        }
    }
}
