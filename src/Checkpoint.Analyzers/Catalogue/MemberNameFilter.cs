using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The cheap first question for every call: can a member of this name be in any active catalogue
/// entry? Keyed by first character, so most names are refused after one dictionary lookup.
/// </summary>
internal sealed class MemberNameFilter
{
    private readonly Dictionary<char, string[]> _prefixesByFirstChar;
    private readonly bool _matchesEverything;

    public MemberNameFilter(IEnumerable<string> prefixes)
    {
        var distinct = prefixes.Distinct(StringComparer.Ordinal).ToList();
        _matchesEverything = distinct.Any(p => p.Length == 0);
        _prefixesByFirstChar = distinct
            .Where(p => p.Length > 0)
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public bool MayMatch(string name)
    {
        if (_matchesEverything)
        {
            return true;
        }

        if (name.Length == 0 || !_prefixesByFirstChar.TryGetValue(name[0], out var prefixes))
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The symbol-name prefix of a documentation-ID member prefix: "#ctor" is ".ctor", "Get``1" is "Get".</summary>
    public static string PrefixOfDocumentationName(string documentationPrefix)
    {
        var name = documentationPrefix.Replace('#', '.');
        var arity = name.IndexOf('`');
        return arity < 0 ? name : name.Substring(0, arity);
    }
}
