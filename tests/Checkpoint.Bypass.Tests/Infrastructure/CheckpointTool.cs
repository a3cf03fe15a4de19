namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>The real `checkpoint` tool built from this source tree, run as a child process the way a CI job runs it.</summary>
internal static class CheckpointTool
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "checkpoint.dll");

    /// <summary>Runs <c>checkpoint ARGS</c> in the local environment (no CI markers) changed by <paramref name="variables"/>.</summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> variables, params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Assembly, .. arguments], workingDirectory, variables, TimeSpan.FromMinutes(2));
}
