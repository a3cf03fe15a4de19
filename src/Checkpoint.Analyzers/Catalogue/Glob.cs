using System;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>A name pattern in which <c>*</c> stands for any run of characters, compared ordinally.</summary>
internal sealed class Glob
{
    private readonly string[] _parts;

    public Glob(string pattern)
    {
        Pattern = pattern;
        _parts = pattern.Split('*');
        var star = pattern.IndexOf('*');
        LiteralPrefix = star < 0 ? pattern : pattern.Substring(0, star);
    }

    public string Pattern { get; }

    /// <summary>The text every match starts with: the key of the cheap name pre-filter.</summary>
    public string LiteralPrefix { get; }

    public bool HasWildcard => _parts.Length > 1;

    public bool Matches(string value)
    {
        if (_parts.Length == 1)
        {
            return string.Equals(value, Pattern, StringComparison.Ordinal);
        }

        var first = _parts[0];
        var last = _parts[_parts.Length - 1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.Ordinal)
            || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            var found = value.IndexOf(part, position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }

    public override string ToString() => Pattern;
}
