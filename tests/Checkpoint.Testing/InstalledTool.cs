namespace Checkpoint.Testing;

/// <summary>
/// The <c>checkpoint</c> tool as users install it: packed into the <see cref="PackageFeed"/> and
/// installed from it with <c>dotnet tool install --tool-path</c>, once per state of the sources.
/// Usable as an xUnit collection fixture.
/// </summary>
public sealed class InstalledTool
{
    public InstalledTool()
    {
        Executable = PackageFeed.Instance.ToolExecutable;
    }

    public string Executable { get; }

    /// <param name="environment">Changes to <see cref="ProcessEnvironment.Local"/>: a value sets a variable, null removes it.</param>
    public ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ProcessRunner.Run(Executable, arguments, workingDirectory, environment, TimeSpan.FromMinutes(3));
}
