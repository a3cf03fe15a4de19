namespace Checkpoint.Testing;

/// <summary>
/// The <c>checkpoint</c> tool as users install it: packed into the <see cref="PackageFeed"/> and
/// installed from it with <c>dotnet tool install --tool-path</c>, once per state of the sources.
/// Usable as an xUnit collection fixture.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    public InstalledTool()
    {
        Executable = PackageFeed.Instance.ToolExecutable;
        CacheHome = ScratchFolder.Create("checkpoint-tool-cache-");
    }

    public string Executable { get; }

    /// <summary>The Checkpoint.Tool .nupkg it was installed from.</summary>
    public string Package { get; } = PackageFeed.Instance.ToolPackagePath;

    /// <summary>The cache folder (<c>XDG_CACHE_HOME</c>) of this fixture's runs, so tests never write to the user's.</summary>
    public string CacheHome { get; }

    /// <param name="environment">
    /// Changes to <see cref="ProcessEnvironment.Local"/>: a value sets a variable, null removes it.
    /// <c>XDG_CACHE_HOME</c> is <see cref="CacheHome"/> unless it says otherwise.
    /// </param>
    public ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var changes = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        changes.TryAdd("XDG_CACHE_HOME", CacheHome);
        return ProcessRunner.Run(Executable, arguments, workingDirectory, changes, TimeSpan.FromMinutes(3));
    }

    public void Dispose() => ScratchFolder.Delete(CacheHome);
}
