namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// The Checkpoint.Analyzers package packed once from nuget/ with a unique version into a folder
/// feed, so a consumer repository's build runs the same analyzers users get. The version is
/// unique per run because restore caches packages by version.
/// </summary>
public sealed class AnalyzerPackage : IDisposable
{
    public AnalyzerPackage()
    {
        Feed = Directory.CreateTempSubdirectory("checkpoint-analyzers-feed-").FullName;
        Version = "0.0.0-review." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        Tool = new InstalledTool();

        // PackageVersion, not Version: assemblies keep their version, so the pack reuses up-to-date
        // builds instead of rewriting Checkpoint.Core.dll while the other collection packs the tool.
        lock (InstalledTool.PackLock)
        {
            ProcessRun.RunChecked(
                "dotnet",
                ["pack", RepositoryLayout.PathOf("nuget", "Checkpoint.Analyzers.Package.csproj"), "-p:PackageVersion=" + Version, "-o", Feed, "-nologo", "-v:q"],
                RepositoryLayout.Root,
                timeout: TimeSpan.FromMinutes(8));
        }
    }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>This collection's own installed checkpoint, so it can run beside the other end-to-end tests.</summary>
    public InstalledTool Tool { get; }

    public void Dispose()
    {
        Tool.Dispose();
        try
        {
            Directory.Delete(Feed, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
