using System.Text;

namespace Checkpoint.Core.Basics;

/// <summary>
/// The one wildcard matcher of Checkpoint, with OpenSSH's <c>match_pattern</c> semantics (match.c):
/// <c>*</c> matches any run of bytes, <c>?</c> exactly one byte, every other character only itself.
/// There is no escape: a <c>*</c> or <c>?</c> in the pattern is always a wildcard, also where the
/// text holds the same character. Text and pattern are compared as UTF-8 bytes, as OpenSSH compares
/// C strings, so <c>?</c> matches one byte of a multi-byte character, not the character.
/// allowed_signers principals and namespaces use it case-sensitively, as <c>sshsig.c</c> does;
/// policy branch patterns case-sensitively; agent identities case-insensitively (docs/policy.md).
/// </summary>
public static class Glob
{
    /// <summary>True when <paramref name="pattern"/> matches all of <paramref name="text"/>.</summary>
    /// <param name="pattern">The pattern, <c>*</c> and <c>?</c> wildcards.</param>
    /// <param name="text">The text to match.</param>
    /// <param name="ignoreCase">Compare both after upper-casing them with the invariant culture.</param>
    public static bool IsMatch(string pattern, string text, bool ignoreCase = false)
    {
        if (pattern is null || text is null)
        {
            return false;
        }

        if (ignoreCase)
        {
            pattern = pattern.ToUpperInvariant();
            text = text.ToUpperInvariant();
        }

        return IsMatch(Encoding.UTF8.GetBytes(pattern), Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// The matching loop: a star remembers where it started, and a mismatch retries from one byte
    /// further. That is equivalent to match_pattern's recursion for <c>*</c>/<c>?</c> globs but takes
    /// at most text × pattern steps, so a hostile pattern full of stars cannot stall the gate.
    /// </summary>
    private static bool IsMatch(byte[] pattern, byte[] text)
    {
        var t = 0;
        var p = 0;
        var starPattern = -1;
        var starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == (byte)'*')
            {
                starPattern = p++;
                starText = t;
            }
            else if (p < pattern.Length && (pattern[p] == (byte)'?' || pattern[p] == text[t]))
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

        while (p < pattern.Length && pattern[p] == (byte)'*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
