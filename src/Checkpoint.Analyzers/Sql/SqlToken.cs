namespace Checkpoint.Analyzers.Sql;

/// <summary>One token of SQL text: what it is, and its text (upper-cased for words, unquoted for quoted identifiers).</summary>
internal readonly struct SqlToken(SqlTokenKind kind, string text, string? original = null)
{
    public SqlTokenKind Kind { get; } = kind;

    public string Text { get; } = text;

    /// <summary>The text as written (words keep their case), for messages.</summary>
    public string Original { get; } = original ?? text;

    public bool IsWord(string word) => Kind == SqlTokenKind.Word && Text == word;

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    /// <summary>A statement ends here: <c>;</c>, or <c>GO</c> alone on its line (SQL Server batches).</summary>
    public bool IsSeparator => Kind == SqlTokenKind.Separator;

    public override string ToString() => Text;
}
