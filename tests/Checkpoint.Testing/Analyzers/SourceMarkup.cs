using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Testing.Analyzers;

/// <summary>
/// Source code with its expectations written inline, in the markup Microsoft.CodeAnalysis.Testing
/// made familiar: <c>[|span|]</c> (one of the project's default diagnostic IDs),
/// <c>{|CHK001:span|}</c> (that ID) and <c>{|#0:span|}</c> (location 0, for an
/// <see cref="ExpectedDiagnostic"/> that says the rest).
/// </summary>
public sealed class SourceMarkup
{
    private SourceMarkup(string text, IReadOnlyList<MarkedSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source without the markup.</summary>
    public string Text { get; }

    /// <summary>Every marked span, in order of its start.</summary>
    public IReadOnlyList<MarkedSpan> Spans { get; }

    /// <summary>Text with no markup: whatever it contains is source.</summary>
    public static SourceMarkup Plain(string text) => new(text, []);

    public static SourceMarkup Parse(string markup)
    {
        var builder = new System.Text.StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(int Start, string? Tag)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                open.Push((builder.Length, null));
                i++;
            }
            else if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0 && markup.IndexOf(':', i + 2) is var colon and > 0 && IsTag(markup, i + 2, colon))
            {
                open.Push((builder.Length, markup.Substring(i + 2, colon - i - 2)));
                i = colon;
            }
            else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0 && open.Count > 0 && open.Peek().Tag is null)
            {
                var (start, _) = open.Pop();
                spans.Add(new MarkedSpan(TextSpan.FromBounds(start, builder.Length), Id: null, Location: null));
                i++;
            }
            else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0 && open.Count > 0 && open.Peek().Tag is not null)
            {
                var (start, tag) = open.Pop();
                var span = TextSpan.FromBounds(start, builder.Length);
                spans.Add(tag!.StartsWith('#')
                    ? new MarkedSpan(span, Id: null, Location: int.Parse(tag.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture))
                    : new MarkedSpan(span, Id: tag, Location: null));
                i++;
            }
            else
            {
                builder.Append(markup[i]);
            }
        }

        if (open.Count != 0)
        {
            throw new ArgumentException("The markup has an unclosed span.", nameof(markup));
        }

        spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new SourceMarkup(builder.ToString(), spans);
    }

    /// <summary>"{|CHK001:" or "{|#0:": an ID or a location number, nothing else, before the colon.</summary>
    private static bool IsTag(string markup, int start, int colon)
    {
        if (colon == start)
        {
            return false;
        }

        for (var i = start; i < colon; i++)
        {
            if (!(char.IsLetterOrDigit(markup[i]) || markup[i] == '#'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A span of the source and what is expected there.</summary>
    /// <param name="Id">The diagnostic ID written in the markup, or null.</param>
    /// <param name="Location">The location number of <c>{|#n:...|}</c>, or null.</param>
    public sealed record MarkedSpan(TextSpan Span, string? Id, int? Location);
}
