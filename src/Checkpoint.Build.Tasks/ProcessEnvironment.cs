using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Checkpoint.Core.Gate;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// The real environment of the MSBuild process. MSBuild properties are deliberately not used to
/// detect CI: a branch can set any property through Directory.Build.props, but it cannot change
/// the environment the CI runner started the build with.
/// </summary>
internal static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string?> Snapshot()
    {
        // Windows treats variable names case-insensitively; elsewhere they are distinct names.
        var comparer = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var snapshot = new Dictionary<string, string?>(comparer);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name)
            {
                snapshot[name] = entry.Value as string;
            }
        }

        return snapshot;
    }

    /// <summary>The same CI detection the gate itself uses (CI, GITHUB_ACTIONS, TF_BUILD, GITLAB_CI).</summary>
    public static bool IsContinuousIntegration(IReadOnlyDictionary<string, string?> environment) =>
        CiEnvironment.FromVariables(environment).IsCi;
}
