namespace Checkpoint.EndToEnd.Tests;

/// <summary>Child environments: the machine's, without CI markers or the test host's MSBuild.</summary>
public static class ProcessEnvironment
{
    private static readonly string[] CiPrefixes = ["GITHUB_", "SYSTEM_", "BUILD_", "GITLAB_", "CI_", "CHECKPOINT_"];
    private static readonly string[] CiNames = ["CI", "TF_BUILD", "GITLAB_CI", "GITHUB_ACTIONS"];

    public static Dictionary<string, string?> WithoutCiOrMSBuild()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            var ci = CiNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                || CiPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            // dotnet test hands its own MSBuild location to the test host; a child dotnet must find its own.
            var hostMSBuild = name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("MSBUILDDISABLENODEREUSE", StringComparison.OrdinalIgnoreCase);
            if (!ci && !hostMSBuild && !name.StartsWith("GIT_", StringComparison.Ordinal))
            {
                environment[name] = entry.Value as string;
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
        return environment;
    }
}
