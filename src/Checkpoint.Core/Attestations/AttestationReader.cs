using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Checkpoint.Core.Attestations;

/// <summary>
/// Finds <c>[ApprovedBy]</c> attestations in C# source text without a compiler, in exactly the form
/// docs/policy.md defines (the analyzer's CHK009 enforces the same form). Anything in attribute
/// position named <c>ApprovedBy</c> or <c>ApprovedByAttribute</c>, or any reference to
/// <c>Checkpoint.ApprovedBy…</c> elsewhere (a <c>using</c> alias, say), that is not in that form is
/// returned with its <see cref="SourceAttestation.Problem"/>, so that the gate can fail closed on it.
/// </summary>
public static class AttestationReader
{
    private const string Namespace = "Checkpoint";
    private const int MaxKeyTokens = 400;

    /// <summary>Every attestation in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<SourceAttestation> Read(string path, string text)
    {
        var tokens = CSharpTokenizer.Tokenize(text ?? throw new ArgumentNullException(nameof(text)));
        var found = new List<SourceAttestation>();
        var brackets = new Stack<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == CSharpTokenKind.Punctuation)
            {
                Track(brackets, token);
                continue;
            }

            if (token.Kind != CSharpTokenKind.Identifier || !IsAttestationName(token.Value))
            {
                continue;
            }

            var qualifierStart = QualifierStart(tokens, i);
            var before = qualifierStart > 0 ? tokens[qualifierStart - 1] : null;
            if (before != null && before.Is(":") && qualifierStart >= 3 && tokens[qualifierStart - 2].Kind == CSharpTokenKind.Identifier && tokens[qualifierStart - 3].Is("["))
            {
                // An attribute target: [method: ApprovedBy(...)].
                before = tokens[qualifierStart - 3];
            }

            var inAttribute = before != null && (before.Is("[") || (before.Is(",") && brackets.Count > 0 && brackets.Peek() == "["));
            var qualifier = string.Concat(tokens.Skip(qualifierStart).Take(i - qualifierStart).Select(t => t.Text));
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (inAttribute && next != null && next.Is("("))
            {
                found.Add(Attestation(path, tokens, qualifierStart, i, qualifier));
            }
            else if (!inAttribute && IsCheckpointQualifier(qualifier))
            {
                // Checkpoint.ApprovedByAttribute outside an attribute: an alias or a reference the
                // gate cannot follow to the attributes it names.
                found.Add(new SourceAttestation(path, token.Line + 1, null, $"'{qualifier}{token.Text}' is referred to outside an attribute (a using alias, say); the gate reads only [ApprovedBy(\"...\")] written out", KeyOf(tokens, qualifierStart, i + 1)));
            }
        }

        return found;
    }

    private static SourceAttestation Attestation(string path, IReadOnlyList<CSharpToken> tokens, int qualifierStart, int nameIndex, string qualifier)
    {
        var name = tokens[nameIndex];
        var key = KeyOf(tokens, qualifierStart, nameIndex + 1);
        var line = name.Line + 1;
        SourceAttestation Unreadable(string problem) => new SourceAttestation(path, line, null, problem, key);

        if (qualifier.Length > 0 && !IsCheckpointQualifier(qualifier))
        {
            return Unreadable($"the attribute is named '{qualifier}{name.Text}'; only Checkpoint. or global::Checkpoint. may qualify it");
        }

        if (name.Text != name.Value)
        {
            return Unreadable($"the attribute's name is written '{name.Text}'; write it ApprovedBy, without '@' or escapes");
        }

        var first = nameIndex + 2 < tokens.Count ? tokens[nameIndex + 2] : null;
        var after = nameIndex + 3 < tokens.Count ? tokens[nameIndex + 3] : null;
        if (first is null || first.Is(")"))
        {
            return Unreadable("the attribute names no approver");
        }

        if (first.Kind == CSharpTokenKind.Identifier && after != null && after.Is(":"))
        {
            return Unreadable($"the approver is passed by name ('{first.Text}:')");
        }

        if (first.Kind == CSharpTokenKind.OtherString)
        {
            return Unreadable("the approver is an interpolated or raw string literal, or a character");
        }

        if (first.Kind != CSharpTokenKind.RegularString && first.Kind != CSharpTokenKind.VerbatimString)
        {
            return Unreadable($"the approver is not a string literal ('{first.Text}')");
        }

        if (after is null || !(after.Is(",") || after.Is(")")))
        {
            return Unreadable($"the approver is an expression ('{first.Text} {after?.Text}'), not a plain string literal");
        }

        var escaped = first.Kind == CSharpTokenKind.VerbatimString ? first.Value.Contains("\"\"") : first.Value.IndexOf('\\') >= 0;
        if (escaped)
        {
            return Unreadable("the approver contains an escape sequence");
        }

        if (first.Line != name.Line || first.EndLine != name.Line)
        {
            return Unreadable("the approver is not on the line of the attribute name");
        }

        return new SourceAttestation(path, line, first.Value, null, key);
    }

    /// <summary>The index where a qualified name ending at <paramref name="nameIndex"/> starts (<c>global::Checkpoint.</c>).</summary>
    private static int QualifierStart(IReadOnlyList<CSharpToken> tokens, int nameIndex)
    {
        var start = nameIndex;
        while (start >= 2 && (tokens[start - 1].Is(".") || tokens[start - 1].Is("::")) && tokens[start - 2].Kind == CSharpTokenKind.Identifier)
        {
            start -= 2;
        }

        return start;
    }

    private static bool IsCheckpointQualifier(string qualifier) =>
        qualifier == Namespace + "." || qualifier == "global::" + Namespace + ".";

    private static bool IsAttestationName(string name) => name == "ApprovedBy" || name == "ApprovedByAttribute";

    /// <summary>The tokens from <paramref name="start"/> to the parenthesis closing the argument list (if one follows <paramref name="afterName"/>).</summary>
    private static string KeyOf(IReadOnlyList<CSharpToken> tokens, int start, int afterName)
    {
        var key = new StringBuilder();
        var end = afterName;
        if (afterName < tokens.Count && tokens[afterName].Is("("))
        {
            var depth = 0;
            for (end = afterName; end < tokens.Count && end - start < MaxKeyTokens; end++)
            {
                if (tokens[end].Is("("))
                {
                    depth++;
                }
                else if (tokens[end].Is(")") && --depth == 0)
                {
                    end++;
                    break;
                }
            }
        }

        for (var i = start; i < end && i < tokens.Count; i++)
        {
            key.Append(i == start ? string.Empty : " ").Append(tokens[i].Text);
        }

        return key.ToString();
    }

    private static void Track(Stack<string> brackets, CSharpToken token)
    {
        switch (token.Text)
        {
            case "[":
            case "(":
            case "{":
                brackets.Push(token.Text);
                break;
            case "]":
            case ")":
            case "}":
                if (brackets.Count > 0)
                {
                    brackets.Pop();
                }

                break;
        }
    }
}
