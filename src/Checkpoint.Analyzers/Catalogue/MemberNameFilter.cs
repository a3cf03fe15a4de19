using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The cheap first question for every call: can a member of this name be in any active catalogue
/// entry? Names without a wildcard are looked up exactly (so the user's <c>DeleteAsync</c> is not a
/// candidate for <c>Directory.Delete</c>); patterns with one are keyed by first character, so most
/// names are refused after two hash lookups.
/// </summary>
internal sealed class MemberNameFilter
{
    private readonly HashSet<string> _exactNames;
    private readonly Dictionary<char, string[]> _prefixesByFirstChar;
    private readonly bool _matchesEverything;

    /// <param name="exactNames">Member names that match only themselves.</param>
    /// <param name="prefixes">The literal text before the first wildcard of each pattern that has one.</param>
    public MemberNameFilter(IEnumerable<string> exactNames, IEnumerable<string> prefixes)
    {
        _exactNames = new HashSet<string>(exactNames, StringComparer.Ordinal);
        var distinct = prefixes.Distinct(StringComparer.Ordinal).ToList();
        _matchesEverything = distinct.Any(p => p.Length == 0);
        _prefixesByFirstChar = distinct
            .Where(p => p.Length > 0)
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public bool MayMatch(string name)
    {
        if (_matchesEverything || _exactNames.Contains(name))
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
