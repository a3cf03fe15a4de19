using System;
using System.Text;
using Checkpoint.Core.Basics;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// OpenSSH pattern lists (ssh_config(5), PATTERNS; match.c <c>match_pattern_list</c>): comma-separated
/// globs (<see cref="Glob"/>), where a matching <c>!</c>-negated entry vetoes the whole list.
/// Matching is case-sensitive, as sshsig.c asks for it.
/// </summary>
internal static class SshPattern
{
    // match_pattern_list gives up (no match) on a sub-pattern of this many bytes; we do the same.
    private const int MaximumSubpatternLength = 1023;

    public static bool MatchesList(string text, string patternList)
    {
        var positive = false;
        foreach (var entry in patternList.Split(','))
        {
            var negated = entry.StartsWith("!", StringComparison.Ordinal);
            var pattern = negated ? entry.Substring(1) : entry;
            if (Encoding.UTF8.GetByteCount(pattern) >= MaximumSubpatternLength)
            {
                return false;
            }

            if (Glob.IsMatch(pattern, text))
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
}
