using Checkpoint.EndToEnd.Tests;

namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>The real `checkpoint` tool built from this source tree, run as a child process the way a CI job runs it.</summary>
internal static class CheckpointTool
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "checkpoint.dll");

    /// <summary>Runs <c>checkpoint ARGS</c> with the machine's environment less CI markers, plus <paramref name="variables"/>.</summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> variables, params string[] arguments)
    {
        var environment = ProcessEnvironment.WithoutCiOrMSBuild();
        foreach ((var name, var value) in variables)
        {
            environment[name] = value;
        }

        return ProcessRunner.Run("dotnet", [Assembly, .. arguments], workingDirectory, environment, TimeSpan.FromMinutes(2));
    }
}
