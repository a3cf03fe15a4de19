using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The environment of the <c>dotnet</c> processes the review starts on the merge-base's files:
/// the user's, without the variables that mark a CI run. In CI the Checkpoint gate in the
/// merge-base's packages would ignore its design-time skip and fail on a folder that is not a
/// repository; those processes only restore and evaluate, and compile nothing.
/// </summary>
internal static class DotnetEnvironment
{
    private static readonly string[] CiVariables =
    {
        "CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI",
        "BITBUCKET_BUILD_NUMBER", "TRAVIS", "APPVEYOR", "DRONE", "CI_NAME",
    };

    public static IReadOnlyDictionary<string, string?> For(IReadOnlyDictionary<string, string?> environment)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in environment.Keys.Where(n => CiVariables.Contains(n, StringComparer.OrdinalIgnoreCase) || n.StartsWith("CHECKPOINT_", StringComparison.OrdinalIgnoreCase)))
        {
            result[name] = null;
        }

        result["MSBUILDDISABLENODEREUSE"] = "1";
        result["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        result["DOTNET_NOLOGO"] = "1";
        result["DOTNET_CLI_UI_LANGUAGE"] = "en";
        result["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        return result;
    }
}
