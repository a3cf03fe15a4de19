using System;
using System.Collections.Generic;
using Checkpoint.Analyzers.Catalogue;

namespace Checkpoint.Analyzers.Sql;

/// <summary>
/// Classifies SQL text statement by statement (docs/rules/CHK001.md, "Raw SQL"). Destructive:
/// <c>DROP TABLE|DATABASE|SCHEMA|…</c>, <c>TRUNCATE [TABLE]</c>, <c>DELETE</c> without <c>WHERE</c> (or
/// with only <c>WHERE 1=1</c>/<c>WHERE TRUE</c>), <c>ALTER TABLE … DROP [COLUMN]</c> or <c>DROP|TRUNCATE
/// PARTITION</c>, <c>MERGE … WHEN NOT MATCHED BY SOURCE THEN DELETE</c>. Disruptive: <c>UPDATE</c>
/// without <c>WHERE</c>, <c>DROP USER|ROLE|LOGIN</c>.
/// </summary>
/// <remarks>
/// A keyword counts only where a statement can start. It does not count inside another statement
/// (<c>ON DELETE CASCADE</c>, <c>GRANT SELECT, DELETE</c>, <c>AFTER DELETE</c>, <c>FOR UPDATE</c>,
/// <c>ON DUPLICATE KEY UPDATE</c>), as a function (<c>TRUNCATE(x, 2)</c>), in a literal, a comment or a
/// quoted identifier, nor in the body of a <c>CREATE PROCEDURE|FUNCTION|TRIGGER</c>, which defines code
/// rather than running it. Temporary tables and table variables (<c>#t</c>, <c>@t</c>,
/// <c>DROP TEMPORARY TABLE</c>) hold nothing that outlives the session. A statement whose filter could be
/// in a part the analyzer cannot see (<c>"DELETE FROM Orders " + where</c>) is not reported; one whose
/// table name is unknown is (<c>$"DROP TABLE {name}"</c>).
/// </remarks>
internal static class SqlStatements
{
    private static readonly HashSet<string> DestructiveDropTargets = new(StringComparer.Ordinal)
    {
        "TABLE", "DATABASE", "SCHEMA", "KEYSPACE", "TABLESPACE", "COLLECTION", "OWNED",
    };

    private static readonly HashSet<string> DisruptiveDropTargets = new(StringComparer.Ordinal) { "USER", "ROLE", "LOGIN" };

    // A DELETE, UPDATE, DROP or TRUNCATE right after one of these is part of another statement.
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "ON", "AFTER", "BEFORE", "FOR", "OF", "OR", "GRANT", "REVOKE", "DENY", "DO", "KEY", "THEN", "INSTEAD", "EACH", "ALL",
    };

    // Where the next statement starts when a dialect lets statements run on without a semicolon.
    private static readonly HashSet<string> StatementWords = new(StringComparer.Ordinal)
    {
        "DELETE", "UPDATE", "INSERT", "DROP", "TRUNCATE", "CREATE", "ALTER", "MERGE", "SELECT", "IF", "EXEC", "EXECUTE",
        "DECLARE", "BEGIN", "END", "RETURN", "PRINT", "GRANT", "REVOKE", "COMMIT", "ROLLBACK", "WHILE",
    };

    private static readonly HashSet<string> RoutineWords = new(StringComparer.Ordinal) { "PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "RULE" };

    /// <summary>The first destructive statement of the text; else the first disruptive one; else null.</summary>
    /// <param name="anyDelete">Report every <c>DELETE</c>, filtered or not (DynamoDB PartiQL deletes items by key).</param>
    public static SqlFinding? Find(string sql, bool anyDelete = false)
    {
        if (!MayContainOperation(sql))
        {
            return null;
        }

        var tokens = SqlTokenizer.Tokenize(sql);
        SqlFinding? disruptive = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (token.Text is "CREATE" or "ALTER" && IsRoutineDefinition(tokens, i))
            {
                i = SkipRoutine(tokens, i);
                continue;
            }

            if (!IsStatementStart(tokens, i))
            {
                if (token.Text == "DELETE" && IsMergeDeleteOfUnmatched(tokens, i))
                {
                    return new SqlFinding("MERGE … WHEN NOT MATCHED BY SOURCE THEN DELETE", OperationTier.Destructive, null);
                }

                continue;
            }

            var finding = token.Text switch
            {
                "DROP" => Drop(tokens, i),
                "TRUNCATE" => Truncate(tokens, i),
                "DELETE" => Delete(tokens, i, anyDelete),
                "UPDATE" => Update(tokens, i),
                "ALTER" => AlterTable(tokens, i),
                _ => null,
            };

            if (finding?.Tier == OperationTier.Destructive)
            {
                return finding;
            }

            disruptive ??= finding;
            if (token.Text == "ALTER")
            {
                i = StatementEnd(tokens, i, "ALTER") - 1;
            }
        }

        return disruptive;
    }

    private static bool MayContainOperation(string sql)
        => sql.IndexOf("drop", StringComparison.OrdinalIgnoreCase) >= 0
           || sql.IndexOf("truncate", StringComparison.OrdinalIgnoreCase) >= 0
           || sql.IndexOf("delete", StringComparison.OrdinalIgnoreCase) >= 0
           || sql.IndexOf("update", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsStatementStart(List<SqlToken> tokens, int at)
    {
        if (at + 1 < tokens.Count && tokens[at + 1].IsSymbol('('))
        {
            // TRUNCATE(x, 2), a function.
            return false;
        }

        if (at == 0)
        {
            return true;
        }

        var previous = tokens[at - 1];
        return previous.Kind switch
        {
            SqlTokenKind.Separator => true,
            SqlTokenKind.Word => !ClauseWords.Contains(previous.Text),
            SqlTokenKind.Symbol => previous.Text is "(" or ")",
            _ => true,
        };
    }

    private static SqlFinding? Drop(List<SqlToken> tokens, int at)
    {
        var i = at + 1;
        var temporary = false;
        if (Word(tokens, i) is "TEMPORARY" or "TEMP")
        {
            temporary = true;
            i++;
        }

        var kind = Word(tokens, i);
        if (kind is null)
        {
            return tokens.Count > i && tokens[i].Kind == SqlTokenKind.Unknown ? new SqlFinding("DROP", OperationTier.Destructive, null) : null;
        }

        if (DisruptiveDropTargets.Contains(kind))
        {
            return new SqlFinding("DROP " + kind, OperationTier.Disruptive, Name(tokens, i + 1, out _));
        }

        if (!DestructiveDropTargets.Contains(kind) || temporary)
        {
            return null;
        }

        i++;
        if (Word(tokens, i) == "IF" && Word(tokens, i + 1) == "EXISTS")
        {
            i += 2;
        }

        var target = Name(tokens, i, out var allTemporary);
        return allTemporary ? null : new SqlFinding("DROP " + kind, OperationTier.Destructive, target);
    }

    private static SqlFinding? Truncate(List<SqlToken> tokens, int at)
    {
        var i = at + 1;
        if (Word(tokens, i) == "TABLE")
        {
            i++;
        }

        if (Word(tokens, i) is "ONLY" or "IF")
        {
            i += Word(tokens, i) == "IF" ? 2 : 1;
        }

        var target = Name(tokens, i, out var allTemporary);
        return allTemporary ? null : new SqlFinding("TRUNCATE TABLE", OperationTier.Destructive, target);
    }

    private static SqlFinding? Delete(List<SqlToken> tokens, int at, bool anyDelete)
    {
        var end = StatementEnd(tokens, at, "DELETE");
        var i = at + 1;
        if (Word(tokens, i) == "TOP")
        {
            i = SkipParentheses(tokens, i + 1);
        }

        if (Word(tokens, i) == "FROM")
        {
            i++;
        }

        var target = Name(tokens, i, out var allTemporary);
        if (allTemporary)
        {
            return null;
        }

        if (anyDelete)
        {
            return new SqlFinding("DELETE", OperationTier.Destructive, target);
        }

        return Unfiltered(tokens, i, end) ? new SqlFinding(IsTautology(tokens, i, end) ? "DELETE with WHERE 1=1" : "DELETE without WHERE", OperationTier.Destructive, target) : null;
    }

    private static SqlFinding? Update(List<SqlToken> tokens, int at)
    {
        if (Word(tokens, at + 1) == "STATISTICS")
        {
            return null;
        }

        var end = StatementEnd(tokens, at, "UPDATE");
        var target = Name(tokens, at + 1, out var allTemporary);
        return !allTemporary && Unfiltered(tokens, at + 1, end)
            ? new SqlFinding("UPDATE without WHERE", OperationTier.Disruptive, target)
            : null;
    }

    private static SqlFinding? AlterTable(List<SqlToken> tokens, int at)
    {
        if (Word(tokens, at + 1) != "TABLE")
        {
            return null;
        }

        var i = at + 2;
        while (Word(tokens, i) is "IF" or "EXISTS" or "ONLY")
        {
            i++;
        }

        var target = Name(tokens, i, out var allTemporary);
        if (allTemporary)
        {
            return null;
        }

        var end = StatementEnd(tokens, at, "ALTER");
        var depth = 0;
        for (var j = i; j < end; j++)
        {
            depth += tokens[j].IsSymbol('(') ? 1 : tokens[j].IsSymbol(')') ? -1 : 0;
            if (depth != 0 || tokens[j].Kind != SqlTokenKind.Word || tokens[j].Text is not ("DROP" or "TRUNCATE"))
            {
                continue;
            }

            var what = Word(tokens, j + 1);
            if (what == "PARTITION")
            {
                return new SqlFinding("ALTER TABLE … " + tokens[j].Text + " PARTITION", OperationTier.Destructive, target);
            }

            if (tokens[j].Text == "DROP" && (what == "COLUMN" || (what is not ("CONSTRAINT" or "INDEX" or "KEY" or "PRIMARY" or "FOREIGN" or "DEFAULT" or "NOT" or "CHECK" or "IDENTITY" or "EXPRESSION" or "PERIOD" or "SYSTEM" or "UNIQUE") && tokens.Count > j + 1 && tokens[j + 1].Kind != SqlTokenKind.Symbol)))
            {
                return new SqlFinding("ALTER TABLE … DROP COLUMN", OperationTier.Destructive, target);
            }
        }

        return null;
    }

    /// <summary>
    /// No <c>WHERE</c> (nor a <c>JOIN</c>/<c>USING</c> that limits the rows) at the statement's own
    /// level, or only a tautology; and no unknown part after the table that could hold the filter.
    /// </summary>
    private static bool Unfiltered(List<SqlToken> tokens, int from, int end)
    {
        var depth = 0;
        for (var i = from; i < end; i++)
        {
            var token = tokens[i];
            depth += token.IsSymbol('(') ? 1 : token.IsSymbol(')') ? -1 : 0;
            if (token.Kind == SqlTokenKind.Unknown && i > from)
            {
                return false;
            }

            if (depth == 0 && token.Kind == SqlTokenKind.Word && token.Text is "WHERE" or "JOIN" or "USING")
            {
                return token.Text == "WHERE" && IsTautology(tokens, from, end);
            }
        }

        return true;
    }

    /// <summary><c>WHERE 1=1</c>, <c>WHERE TRUE</c> or <c>WHERE 1</c>, with nothing after it but the end of the statement.</summary>
    private static bool IsTautology(List<SqlToken> tokens, int from, int end)
    {
        var where = -1;
        for (var i = from; i < end && where < 0; i++)
        {
            where = tokens[i].IsWord("WHERE") ? i : -1;
        }

        if (where < 0)
        {
            return false;
        }

        var rest = tokens.GetRange(where + 1, end - where - 1);
        if (rest.Count == 1)
        {
            return rest[0].IsWord("TRUE") || (rest[0].Kind == SqlTokenKind.Number && rest[0].Text != "0");
        }

        return rest.Count == 3 && rest[1].IsSymbol('=') && rest[0].Kind == rest[2].Kind
               && rest[0].Kind is SqlTokenKind.Number or SqlTokenKind.String && rest[0].Text == rest[2].Text;
    }

    /// <summary>The index just past the statement that starts at <paramref name="at"/>.</summary>
    private static int StatementEnd(List<SqlToken> tokens, int at, string verb)
    {
        var depth = 0;
        for (var i = at + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            depth += token.IsSymbol('(') ? 1 : token.IsSymbol(')') ? -1 : 0;
            if (token.IsSeparator)
            {
                return i;
            }

            if (depth <= 0 && token.Kind == SqlTokenKind.Word && StatementWords.Contains(token.Text) && IsStatementStart(tokens, i)
                && !(verb == "UPDATE" && token.Text == "SELECT")
                && !(verb == "ALTER" && token.Text is "DROP" or "TRUNCATE" or "ALTER" or "DELETE" or "UPDATE"))
            {
                return i;
            }
        }

        return tokens.Count;
    }

    /// <summary>The first name at <paramref name="at"/> (qualified names read as their last part), and whether every name of the list is temporary.</summary>
    private static string? Name(List<SqlToken> tokens, int at, out bool allTemporary)
    {
        allTemporary = false;
        string? first = null;
        var sawName = false;
        var sawPermanent = false;
        for (var i = at; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName or SqlTokenKind.TemporaryName or SqlTokenKind.Unknown)
            {
                if (token.Kind == SqlTokenKind.Word && sawName && !tokens[i - 1].IsSymbol('.') && !tokens[i - 1].IsSymbol(','))
                {
                    break;
                }

                sawName = true;
                var isTemporary = token.Kind == SqlTokenKind.TemporaryName;
                if (!tokens[i - 1].IsSymbol('.'))
                {
                    sawPermanent |= !isTemporary;
                }

                if (!(i + 1 < tokens.Count && tokens[i + 1].IsSymbol('.')))
                {
                    // An unknown part stands for a name the text does not say: no target, but still a name.
                    first ??= token.Kind == SqlTokenKind.Unknown ? string.Empty : token.Original;
                }

                continue;
            }

            if (!(token.IsSymbol('.') || token.IsSymbol(',')))
            {
                break;
            }
        }

        allTemporary = sawName && !sawPermanent;
        return string.IsNullOrEmpty(first) ? null : first;
    }

    private static string? Word(List<SqlToken> tokens, int at)
        => at < tokens.Count && tokens[at].Kind == SqlTokenKind.Word ? tokens[at].Text : null;

    private static int SkipParentheses(List<SqlToken> tokens, int at)
    {
        if (at >= tokens.Count || !tokens[at].IsSymbol('('))
        {
            return at + 1;
        }

        var depth = 0;
        for (var i = at; i < tokens.Count; i++)
        {
            depth += tokens[i].IsSymbol('(') ? 1 : tokens[i].IsSymbol(')') ? -1 : 0;
            if (depth == 0)
            {
                return i + 1;
            }
        }

        return tokens.Count;
    }

    /// <summary><c>CREATE [OR REPLACE|OR ALTER] [DEFINER=…] PROCEDURE|FUNCTION|TRIGGER|RULE</c>.</summary>
    private static bool IsRoutineDefinition(List<SqlToken> tokens, int at)
    {
        for (var i = at + 1; i < tokens.Count && i < at + 8; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Word && RoutineWords.Contains(tokens[i].Text))
            {
                return true;
            }

            if (tokens[i].Kind == SqlTokenKind.Word && tokens[i].Text is "TABLE" or "VIEW" or "INDEX" or "DATABASE" or "SCHEMA")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The body of a routine defines code and runs nothing now: a <c>BEGIN … END</c> block is skipped
    /// whole; a body without one (SQL Server's <c>AS …</c>) runs to the end of its batch; otherwise
    /// (a trigger that calls a function) the definition ends at its semicolon.
    /// </summary>
    private static int SkipRoutine(List<SqlToken> tokens, int at)
    {
        for (var i = at + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsSeparator && token.Text == ";")
            {
                return i;
            }

            if (token.IsWord("BEGIN"))
            {
                var depth = 0;
                for (var j = i; j < tokens.Count; j++)
                {
                    if (tokens[j].IsWord("BEGIN") || tokens[j].IsWord("CASE"))
                    {
                        depth++;
                    }
                    else if (tokens[j].IsWord("END"))
                    {
                        depth--;
                        if (depth == 0)
                        {
                            return j;
                        }
                    }
                }

                return tokens.Count;
            }

            if (token.IsWord("AS") && !(i + 1 < tokens.Count && (tokens[i + 1].Kind == SqlTokenKind.String || tokens[i + 1].IsWord("BEGIN"))))
            {
                for (var j = i; j < tokens.Count; j++)
                {
                    if (tokens[j].IsSeparator && tokens[j].Text == "GO")
                    {
                        return j;
                    }
                }

                return tokens.Count;
            }
        }

        return tokens.Count;
    }

    private static bool IsMergeDeleteOfUnmatched(List<SqlToken> tokens, int at)
        => at >= 5 && tokens[at - 1].IsWord("THEN") && tokens[at - 2].IsWord("SOURCE") && tokens[at - 3].IsWord("BY")
           && tokens[at - 4].IsWord("MATCHED") && tokens[at - 5].IsWord("NOT");
}
