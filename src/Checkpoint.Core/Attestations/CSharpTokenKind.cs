namespace Checkpoint.Core.Attestations;

/// <summary>What <see cref="CSharpTokenizer"/> tells apart: just enough to find attributes.</summary>
internal enum CSharpTokenKind
{
    /// <summary>A name; its <see cref="CSharpToken.Value"/> has <c>@</c> and unicode escapes decoded.</summary>
    Identifier,

    /// <summary>One of <c>[ ] ( ) { } , . : ; =</c> or <c>::</c>.</summary>
    Punctuation,

    /// <summary><c>"…"</c>, not interpolated.</summary>
    RegularString,

    /// <summary><c>@"…"</c>, not interpolated.</summary>
    VerbatimString,

    /// <summary>Interpolated or raw string literals, and character literals.</summary>
    OtherString,

    /// <summary>Numbers, operators and anything else.</summary>
    Other,
}
