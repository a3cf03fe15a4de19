namespace Checkpoint.Core.Policy;

/// <summary>Matches <c>*</c> (any run of characters) and <c>?</c> (one character); everything else is literal.</summary>
public static class Wildcard
{
    public static bool IsMatch(string pattern, string text, bool ignoreCase)
    {
        if (pattern is null || text is null)
        {
            return false;
        }

        // Iterative matcher with single backtrack point: linear in practice, no regex, no blow-up.
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
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

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
