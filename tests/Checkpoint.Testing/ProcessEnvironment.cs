using System.Collections;

namespace Checkpoint.Testing;

/// <summary>
/// The environment every child process starts from: the machine's, less anything that would make
/// it CI, point git at another repository, carry the test host's MSBuild into a child dotnet, or
/// read the user's git configuration. A test that needs CI says so (<c>CI=true</c>) in the changes
/// it hands to <see cref="ProcessRunner"/>.
/// </summary>
public static class ProcessEnvironment
{
    private static readonly string[] RemovedPrefixes = ["GITHUB_", "SYSTEM_", "BUILD_", "GITLAB_", "CI_", "TF_", "RUNNER_", "CHECKPOINT_", "GIT_"];

    private static readonly string[] RemovedNames = ["CI", "TF_BUILD", "GITLAB_CI", "GITHUB_ACTIONS", "NO_COLOR"];

    /// <summary>The local (non-CI) environment of a child, with <paramref name="changes"/> on top: a value sets a variable, null removes it.</summary>
    public static Dictionary<string, string?> Local(IReadOnlyDictionary<string, string?>? changes = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!IsRemoved(name))
            {
                environment[name] = entry.Value as string;
            }
        }

        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        // No build node or compiler server outlives the command that started it.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
        foreach ((var name, var value) in changes ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static bool IsRemoved(string name) =>
        RemovedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || RemovedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        // dotnet test hands its own MSBuild location to the test host; a child dotnet must find its own.
        || (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !name.Equals("MSBUILDDISABLENODEREUSE", StringComparison.OrdinalIgnoreCase));
}
