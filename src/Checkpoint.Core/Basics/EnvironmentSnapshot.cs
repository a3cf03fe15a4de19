using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Checkpoint.Core.Basics;

/// <summary>
/// A copy of the real process environment: where CI variables and <c>CHECKPOINT_ENFORCE</c> come
/// from. MSBuild properties and files never become process environment variables, so the branch
/// under review cannot write into it.
/// </summary>
public static class EnvironmentSnapshot
{
    public static IReadOnlyDictionary<string, string?> Current()
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
}
