namespace Checkpoint.Core.Attestations;

/// <summary>One token of C# source text, with the lines (0-based) it starts and ends on.</summary>
internal sealed class CSharpToken
{
    public CSharpToken(CSharpTokenKind kind, string text, string value, int line, int endLine)
    {
        Kind = kind;
        Text = text;
        Value = value;
        Line = line;
        EndLine = endLine;
    }

    public CSharpTokenKind Kind { get; }

    /// <summary>The token as written.</summary>
    public string Text { get; }

    /// <summary>
    /// For an identifier, its name (<c>@</c> and <c>\uXXXX</c> decoded); for a regular or verbatim
    /// string, the characters between the quotes as written; otherwise the text.
    /// </summary>
    public string Value { get; }

    public int Line { get; }

    public int EndLine { get; }

    public bool Is(string punctuation) => Kind == CSharpTokenKind.Punctuation && Text == punctuation;

    public override string ToString() => Text;
}
