using System;
using System.Collections.Generic;
using System.Text;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Reads SQL text that the analyzer can see as a constant (or the constant parts of an
/// interpolated string) and says whether it destroys data: <c>DROP</c>, <c>TRUNCATE</c>, or a
/// <c>DELETE</c> with no <c>WHERE</c> in the same statement.
/// </summary>
/// <remarks>
/// This is a lexer, not a parser: it only has to tell keywords from comments, string literals
/// and quoted identifiers, so that <c>-- DROP TABLE</c> or <c>'drop'</c> never count. A word
/// that only looks like a keyword in an unquoted identifier (a column named <c>drop</c>) would
/// count; SQL dialects forbid that without quoting, so the cost is negligible.
/// </remarks>
internal static class DestructiveSql
{
    /// <summary>Returns what the SQL does, such as <c>DROP TABLE</c>, or null when it destroys nothing.</summary>
    public static string? Find(string sql)
    {
        if (sql.IndexOf("drop", StringComparison.OrdinalIgnoreCase) < 0 &&
            sql.IndexOf("truncate", StringComparison.OrdinalIgnoreCase) < 0 &&
            sql.IndexOf("delete", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        foreach (var statement in Statements(sql))
        {
            var finding = FindInStatement(statement);
            if (finding is not null)
            {
                return finding;
            }
        }

        return null;
    }

    private static string? FindInStatement(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (Is(word, "DROP") || Is(word, "TRUNCATE"))
            {
                var verb = word.ToUpperInvariant();
                return i + 1 < words.Count ? verb + " " + words[i + 1].ToUpperInvariant() : verb;
            }

            if (Is(word, "DELETE"))
            {
                var hasWhere = false;
                for (var j = i + 1; j < words.Count && !hasWhere; j++)
                {
                    hasWhere = Is(words[j], "WHERE");
                }

                if (!hasWhere)
                {
                    return "DELETE without WHERE";
                }
            }
        }

        return null;
    }

    private static bool Is(string word, string keyword) => string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits the text into statements of bare words, skipping comments, literals and quoted identifiers.</summary>
    private static IEnumerable<List<string>> Statements(string sql)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(c);
                i++;
                continue;
            }

            Flush();
            if (c == '-' && Next(i) == '-')
            {
                i = SkipPast(sql, i + 2, "\n");
            }
            else if (c == '/' && Next(i) == '*')
            {
                i = SkipPast(sql, i + 2, "*/");
            }
            else if (c == '\'' || c == '"' || c == '`')
            {
                i = SkipQuoted(sql, i + 1, c);
                words.Add("?");
            }
            else if (c == '[')
            {
                i = SkipPast(sql, i + 1, "]");
                words.Add("?");
            }
            else if (c == ';')
            {
                yield return words;
                words = new List<string>();
                i++;
            }
            else
            {
                i++;
            }
        }

        Flush();
        yield return words;

        char Next(int at) => at + 1 < sql.Length ? sql[at + 1] : '\0';

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    private static int SkipPast(string text, int from, string terminator)
    {
        var end = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    /// <summary>Skips a quoted run where a doubled quote is an escaped quote.</summary>
    private static int SkipQuoted(string text, int from, char quote)
    {
        var i = from;
        while (i < text.Length)
        {
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
