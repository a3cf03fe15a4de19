using System;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// OpenSSH pattern lists (ssh_config(5), PATTERNS): comma-separated <c>*</c>/<c>?</c> globs, where a
/// matching <c>!</c>-negated entry vetoes the whole list. Matching is case-sensitive, as sshsig.c does it.
/// </summary>
internal static class SshPattern
{
    // match_pattern_list gives up (no match) on a sub-pattern this long; we do the same.
    private const int MaximumSubpatternLength = 1023;

    public static bool MatchesList(string text, string patternList)
    {
        var positive = false;
        foreach (var entry in patternList.Split(','))
        {
            var negated = entry.StartsWith("!", StringComparison.Ordinal);
            var pattern = negated ? entry.Substring(1) : entry;
            if (pattern.Length >= MaximumSubpatternLength)
            {
                return false;
            }

            if (Matches(text, pattern))
            {
                if (negated)
                {
                    return false;
                }

                positive = true;
            }
        }

        return positive;
    }

    /// <summary>Glob match in O(text × pattern), so hostile patterns full of stars cannot stall the gate.</summary>
    public static bool Matches(string text, string pattern)
    {
        var t = 0;
        var p = 0;
        var starPattern = -1;
        var starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starPattern = p++;
                starText = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                t++;
                p++;
            }
            else if (starPattern >= 0)
            {
                p = starPattern + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
