using System.Collections.Generic;
using System.Text;
using Checkpoint.Analyzers.Values;

namespace Checkpoint.Analyzers.Sql;

/// <summary>
/// Splits SQL text into tokens the way the common dialects (SQL Server, PostgreSQL, MySQL, SQLite)
/// lex it: comments (<c>--</c>, nested <c>/* */</c>, MySQL's <c>#</c>) and string literals
/// (<c>'…'</c>, <c>N'…'</c>, <c>E'…'</c> with backslash escapes, PostgreSQL dollar quoting) are never
/// read as keywords; quoted identifiers are names, never keywords.
/// </summary>
internal static class SqlTokenizer
{
    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        var lineStart = true;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\n')
            {
                lineStart = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var startsLine = lineStart;
            lineStart = false;
            if (c == OperationValues.UnknownMark)
            {
                tokens.Add(new SqlToken(SqlTokenKind.Unknown, OperationValues.Unknown));
                i++;
            }
            else if (c == '-' && Next(sql, i) == '-')
            {
                i = SkipPast(sql, i + 2, "\n");
                lineStart = true;
            }
            else if (c == '/' && Next(sql, i) == '*')
            {
                i = SkipBlockComment(sql, i + 2);
            }
            else if (c == '#' && !(IsWordStart(Next(sql, i)) || Next(sql, i) == '#'))
            {
                // MySQL's line comment; #name and ##name are SQL Server temporary tables.
                i = SkipPast(sql, i + 1, "\n");
                lineStart = true;
            }
            else if (c is '#' or '@')
            {
                var start = i;
                i++;
                while (i < sql.Length && (IsWordPart(sql[i]) || sql[i] is '#' or '@'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.TemporaryName, sql.Substring(start, i - start)));
            }
            else if (c == '\'')
            {
                i = SkipQuoted(sql, i + 1, '\'', backslashEscapes: false);
                tokens.Add(new SqlToken(SqlTokenKind.String, string.Empty));
            }
            else if (c is '"' or '`')
            {
                var end = SkipQuoted(sql, i + 1, c, backslashEscapes: false);
                tokens.Add(new SqlToken(SqlTokenKind.QuotedName, Unquote(sql, i, end)));
                i = end;
            }
            else if (c == '[')
            {
                var end = SkipPast(sql, i + 1, "]");
                tokens.Add(new SqlToken(SqlTokenKind.QuotedName, Unquote(sql, i, end)));
                i = end;
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                i = SkipPast(sql, i + tag.Length, tag);
                tokens.Add(new SqlToken(SqlTokenKind.String, string.Empty));
            }
            else if (IsWordStart(c))
            {
                var start = i;
                while (i < sql.Length && (IsWordPart(sql[i]) || sql[i] == '$'))
                {
                    i++;
                }

                var original = sql.Substring(start, i - start);
                var word = original.ToUpperInvariant();

                // N'…', E'…', X'…': a prefixed string literal, E with backslash escapes.
                if (i < sql.Length && sql[i] == '\'' && word is "N" or "E" or "X" or "B" or "U&")
                {
                    i = SkipQuoted(sql, i + 1, '\'', backslashEscapes: word == "E");
                    tokens.Add(new SqlToken(SqlTokenKind.String, string.Empty));
                }
                else if (word == "GO" && startsLine && RestOfLineIsBlank(sql, i))
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Separator, "GO"));
                }
                else
                {
                    tokens.Add(new SqlToken(SqlTokenKind.Word, word, original));
                }
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, sql.Substring(start, i - start)));
            }
            else if (c == ';')
            {
                tokens.Add(new SqlToken(SqlTokenKind.Separator, ";"));
                i++;
            }
            else
            {
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString()));
                i++;
            }
        }

        return tokens;
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static char Next(string text, int at) => at + 1 < text.Length ? text[at + 1] : '\0';

    private static bool RestOfLineIsBlank(string text, int from)
    {
        for (var i = from; i < text.Length && text[i] != '\n'; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && !(text[i] == '-' && Next(text, i) == '-'))
            {
                return false;
            }

            if (text[i] == '-')
            {
                return true;
            }
        }

        return true;
    }

    /// <summary><c>$$</c> or <c>$tag$</c> opening a PostgreSQL dollar-quoted string.</summary>
    private static string? DollarTag(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && IsWordPart(text[end]))
        {
            end++;
        }

        return end < text.Length && text[end] == '$' && (end == at + 1 || IsWordStart(text[at + 1]))
            ? text.Substring(at, end - at + 1)
            : null;
    }

    private static string Unquote(string text, int start, int end)
    {
        var inner = new StringBuilder();
        for (var i = start + 1; i < end - 1 && i < text.Length; i++)
        {
            inner.Append(text[i]);
        }

        return inner.ToString();
    }

    private static int SkipPast(string text, int from, string terminator)
    {
        var end = text.IndexOf(terminator, from, System.StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    /// <summary>PostgreSQL block comments nest.</summary>
    private static int SkipBlockComment(string text, int from)
    {
        var depth = 1;
        var i = from;
        while (i < text.Length && depth > 0)
        {
            if (text[i] == '/' && Next(text, i) == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && Next(text, i) == '/')
            {
                depth--;
                i += 2;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>Skips a quoted run where a doubled quote (and, for E'…', a backslash) escapes.</summary>
    private static int SkipQuoted(string text, int from, char quote, bool backslashEscapes)
    {
        var i = from;
        while (i < text.Length)
        {
            if (backslashEscapes && text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return text.Length;
    }
}
