using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Checkpoint.Tool.Output;

/// <summary>
/// Puts text the branch controls (paths, diff lines, descriptions quoting project files) into
/// GitHub-flavoured markdown as text, never as markup: a <c>&lt;NoWarn&gt;</c> line must show as
/// itself, not become an HTML tag, and a path must not close a table cell or a code block.
/// </summary>
internal static class MarkdownText
{
    private static readonly Regex BacktickRuns = new Regex("`+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Plain inline text (a paragraph or a table cell): markup characters escaped, one line.</summary>
    public static string Text(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        foreach (var c in OneLine(text))
        {
            switch (c)
            {
                case '&':
                    output.Append("&amp;");
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '@':
                    // '[' and ']' keep text from becoming a link, '@' from becoming a mention.
                    output.Append('\\').Append(c);
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// An inline code span that holds any text: delimited by one more backtick than the longest run
    /// inside it. In a table a pipe would end the cell even inside a code span, and renderers differ
    /// on whether an escaped one stays escaped there, so text with a pipe is written as plain,
    /// escaped text in a table instead.
    /// </summary>
    public static string Code(string text, bool inTable = true)
    {
        var content = OneLine(text);
        if (inTable && content.Contains('|', StringComparison.Ordinal))
        {
            return Text(text);
        }

        var fence = new string('`', LongestRun(content) + 1);
        var padding = content.StartsWith('`') || content.EndsWith('`') || content.Length == 0 ? " " : string.Empty;
        return fence + padding + content + padding + fence;
    }

    /// <summary>A fenced code block that no line of <paramref name="content"/> can close.</summary>
    public static string Fenced(string content, string info)
    {
        var fence = new string('`', Math.Max(3, LongestRun(content) + 1));
        var body = content.Length == 0 || content.EndsWith('\n') ? content : content + "\n";
        return fence + info + "\n" + body + fence + "\n";
    }

    private static int LongestRun(string text) =>
        BacktickRuns.Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();

    private static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
