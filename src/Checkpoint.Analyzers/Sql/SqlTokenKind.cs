namespace Checkpoint.Analyzers.Sql;

internal enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted identifier, upper-cased.</summary>
    Word,

    /// <summary>A quoted identifier (<c>"x"</c>, <c>[x]</c>, <c>`x`</c>), its text without quotes.</summary>
    QuotedName,

    /// <summary>A temporary table or a table variable: <c>#t</c>, <c>##t</c>, <c>@t</c>.</summary>
    TemporaryName,

    /// <summary>A string literal (its content is never looked at).</summary>
    String,

    Number,

    /// <summary>Punctuation and operators, one character each.</summary>
    Symbol,

    /// <summary>A part of the text the analyzer could not see (an interpolation hole, a variable).</summary>
    Unknown,

    Separator,
}
