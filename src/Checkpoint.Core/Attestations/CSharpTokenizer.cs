using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Checkpoint.Core.Attestations;

/// <summary>
/// A small C# lexer for the gate, which has no compiler: it skips comments, preprocessor lines and
/// the insides of every kind of string and character literal, so that text in them is never taken
/// for code, and it hands back identifiers, punctuation and literals with their lines.
/// </summary>
/// <remarks>
/// Code under <c>#if</c> is read whatever the symbols are: the gate does not know which are defined,
/// so an attestation in an inactive region is read as if it were compiled (it needs a signature all
/// the same). Unterminated literals and comments end at the end of the text.
/// </remarks>
internal sealed class CSharpTokenizer
{
    private readonly string _text;
    private readonly List<int> _lineStarts = new List<int> { 0 };
    private int _at;

    private CSharpTokenizer(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static IReadOnlyList<CSharpToken> Tokenize(string text)
    {
        var tokenizer = new CSharpTokenizer(text ?? throw new ArgumentNullException(nameof(text)));
        var tokens = new List<CSharpToken>();
        while (tokenizer.Next() is { } token)
        {
            tokens.Add(token);
        }

        return tokens;
    }

    private char this[int index] => index < _text.Length ? _text[index] : '\0';

    private CSharpToken? Next()
    {
        while (true)
        {
            SkipTrivia();
            if (_at >= _text.Length)
            {
                return null;
            }

            if (this[_at] == '#' && AtLineStart(_at))
            {
                // #if, #region, #pragma ...: the directive's line is not code.
                SkipToEndOfLine();
                continue;
            }

            return Token();
        }
    }

    private CSharpToken Token()
    {
        var start = _at;
        var c = this[_at];
        if (c == '"' || c == '\'' || ((c == '@' || c == '$') && StartsString(_at)))
        {
            return StringLiteral(start);
        }

        if (IsIdentifierStart(c) || (c == '@' && IsIdentifierStart(this[_at + 1])) || (c == '\\' && IsUnicodeEscape(_at)))
        {
            return Identifier(start);
        }

        if (c == ':' && this[_at + 1] == ':')
        {
            _at += 2;
            return Make(CSharpTokenKind.Punctuation, start, null);
        }

        if ("[](){},.:;=".IndexOf(c) >= 0)
        {
            _at++;
            return Make(CSharpTokenKind.Punctuation, start, null);
        }

        if (char.IsDigit(c))
        {
            while (char.IsLetterOrDigit(this[_at]) || this[_at] == '_' || (this[_at] == '.' && char.IsDigit(this[_at + 1])))
            {
                _at++;
            }

            return Make(CSharpTokenKind.Other, start, null);
        }

        _at++;
        return Make(CSharpTokenKind.Other, start, null);
    }

    private CSharpToken Identifier(int start)
    {
        var name = new StringBuilder();
        if (this[_at] == '@')
        {
            _at++;
        }

        while (_at < _text.Length)
        {
            var c = this[_at];
            if (c == '\\' && IsUnicodeEscape(_at))
            {
                var length = this[_at + 1] == 'u' ? 4 : 8;
                var code = int.Parse(_text.Substring(_at + 2, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                name.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(Math.Min(code, 0x10FFFF)));
                _at += 2 + length;
            }
            else if (IsIdentifierPart(c))
            {
                name.Append(c);
                _at++;
            }
            else
            {
                break;
            }
        }

        return Make(CSharpTokenKind.Identifier, start, name.ToString());
    }

    private CSharpToken StringLiteral(int start)
    {
        var interpolated = 0;
        var verbatim = false;
        while (this[_at] == '$' || this[_at] == '@')
        {
            if (this[_at] == '$')
            {
                interpolated++;
            }
            else
            {
                verbatim = true;
            }

            _at++;
        }

        if (this[_at] == '\'')
        {
            _at++;
            SkipQuoted('\'', interpolated: false);
            return Make(CSharpTokenKind.OtherString, start, null);
        }

        var quotes = 0;
        while (this[_at + quotes] == '"')
        {
            quotes++;
        }

        if (!verbatim && quotes >= 3)
        {
            // A raw string literal: it ends at the next run of as many quotes as opened it.
            _at += quotes;
            var close = _text.IndexOf(new string('"', quotes), _at, StringComparison.Ordinal);
            _at = close < 0 ? _text.Length : close + quotes;
            while (this[_at] == '"')
            {
                _at++;
            }

            return Make(CSharpTokenKind.OtherString, start, null);
        }

        _at++;
        var contentStart = _at;
        if (verbatim)
        {
            SkipVerbatim(interpolated > 0);
        }
        else
        {
            SkipQuoted('"', interpolated > 0);
        }

        var contentEnd = Math.Max(contentStart, _at - 1);
        var kind = interpolated > 0 ? CSharpTokenKind.OtherString : verbatim ? CSharpTokenKind.VerbatimString : CSharpTokenKind.RegularString;
        return Make(kind, start, kind == CSharpTokenKind.OtherString ? null : _text.Substring(contentStart, contentEnd - contentStart));
    }

    /// <summary>Skips a regular string or character literal's content and its closing quote; a line break ends it.</summary>
    private void SkipQuoted(char quote, bool interpolated)
    {
        while (_at < _text.Length)
        {
            var c = this[_at];
            if (c == '\n')
            {
                return;
            }

            if (c == '\\')
            {
                _at += this[_at + 1] == '\n' ? 1 : 2;
                continue;
            }

            _at++;
            if (c == quote)
            {
                return;
            }

            if (interpolated && c == '{')
            {
                SkipHoleOrBrace();
            }
        }
    }

    private void SkipVerbatim(bool interpolated)
    {
        while (_at < _text.Length)
        {
            var c = this[_at++];
            if (c == '"')
            {
                if (this[_at] == '"')
                {
                    _at++;
                    continue;
                }

                return;
            }

            if (interpolated && c == '{')
            {
                SkipHoleOrBrace();
            }
        }
    }

    /// <summary>After a <c>{</c> in an interpolated string: <c>{{</c> is text, anything else is code up to its matching <c>}</c>.</summary>
    private void SkipHoleOrBrace()
    {
        if (this[_at] == '{')
        {
            _at++;
            return;
        }

        var depth = 0;
        while (Next() is { } token)
        {
            if (token.Is("{"))
            {
                depth++;
            }
            else if (token.Is("}"))
            {
                if (depth == 0)
                {
                    return;
                }

                depth--;
            }
        }
    }

    private void SkipTrivia()
    {
        while (_at < _text.Length)
        {
            var c = this[_at];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _at++;
            }
            else if (c == '/' && this[_at + 1] == '/')
            {
                SkipToEndOfLine();
            }
            else if (c == '/' && this[_at + 1] == '*')
            {
                var end = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                _at = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipToEndOfLine()
    {
        var end = _text.IndexOf('\n', _at);
        _at = end < 0 ? _text.Length : end;
    }

    private bool AtLineStart(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (_text[i] == '\n')
            {
                return true;
            }

            if (_text[i] != ' ' && _text[i] != '\t' && _text[i] != '\r' && _text[i] != '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    private bool StartsString(int index)
    {
        while (this[index] == '$' || this[index] == '@')
        {
            index++;
        }

        return this[index] == '"';
    }

    private bool IsUnicodeEscape(int index)
    {
        var length = this[index + 1] switch
        {
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        if (this[index] != '\\' || length == 0 || index + 2 + length > _text.Length)
        {
            return false;
        }

        for (var i = index + 2; i < index + 2 + length; i++)
        {
            if (!Uri.IsHexDigit(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;

    private CSharpToken Make(CSharpTokenKind kind, int start, string? value)
    {
        var text = _text.Substring(start, _at - start);
        return new CSharpToken(kind, text, value ?? text, LineOf(start), LineOf(Math.Max(start, _at - 1)));
    }

    private int LineOf(int index)
    {
        var found = _lineStarts.BinarySearch(index);
        return found >= 0 ? found : ~found - 1;
    }
}
