namespace Checkpoint.Testing;

/// <summary>Runs the dotnet CLI the way CI would: one build at a time, no lingering nodes or compiler servers.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <param name="environment">Changes to <see cref="ProcessEnvironment.Local"/>: a value sets a variable, null removes it.</param>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        List<string> all = [.. arguments];
        if (arguments.Length > 0 && arguments[0] is "build" or "pack" or "restore")
        {
            all.AddRange(["-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"]);
        }

        return ProcessRunner.Run("dotnet", all, workingDirectory, environment, Timeout);
    }

    /// <summary>Like <see cref="Run"/>, and throws with the command and its output when it fails.</summary>
    public static ProcessResult RunChecked(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        Run(workingDirectory, environment, arguments).EnsureSucceeded();
}
