using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>
/// The one way of writing <c>[ApprovedBy]</c> that the gate can read from a file's text, without a
/// compiler (docs/rules/CHK009.md): the gate binds each approver an attestation names to a human's
/// signature, so an attestation it cannot read would be a claim nobody checks.
/// </summary>
/// <remarks>
/// The form, exactly: the attribute's name is written <c>ApprovedBy</c> or <c>ApprovedByAttribute</c> (no <c>@</c>, no unicode escape), alone or
/// qualified <c>Checkpoint.</c> or <c>global::Checkpoint.</c> (never a <c>using</c> alias); its first
/// argument is a regular (<c>"…"</c>) or verbatim (<c>@"…"</c>) string literal with no escape sequence
/// (no <c>\</c> in a regular literal, no <c>""</c> in a verbatim one) and no name (<c>approver:</c>); the
/// literal starts and ends on the line where the attribute's name starts.
/// </remarks>
internal static class AttestationForm
{
    /// <summary>What is wrong with how the attribute is written, or null when the gate can read it.</summary>
    public static string? Problem(AttributeSyntax attribute)
    {
        if (NameProblem(attribute.Name) is { } nameProblem)
        {
            return nameProblem;
        }

        var arguments = attribute.ArgumentList?.Arguments;
        if (arguments is not { Count: > 0 } list || list[0].NameEquals is not null)
        {
            // No approver at all: the compiler reports the missing argument and CHK003 the blank approver.
            return null;
        }

        var first = list[0];
        if (first.Expression is LiteralExpressionSyntax { Token: var notString } && !notString.IsKind(SyntaxKind.StringLiteralToken)
            && !notString.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !notString.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            // null or a number: not even a string; the compiler or CHK003 says so.
            return null;
        }

        if (first.NameColon is not null)
        {
            return "the approver is passed by name ('" + first.NameColon.Name.Identifier.ValueText + ":')";
        }

        if (first.Expression is not LiteralExpressionSyntax { Token: var token } || !token.IsKind(SyntaxKind.StringLiteralToken))
        {
            return first.Expression switch
            {
                InterpolatedStringExpressionSyntax => "the approver is an interpolated string",
                BinaryExpressionSyntax => "the approver is a concatenation",
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => "the approver is a nameof expression",
                LiteralExpressionSyntax { Token: var other } when other.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || other.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) => "the approver is a raw string literal",
                IdentifierNameSyntax or MemberAccessExpressionSyntax => "the approver is a constant ('" + first.Expression + "'), not a literal",
                _ => "the approver is not a string literal",
            };
        }

        var text = token.Text;
        var verbatim = text.StartsWith("@", System.StringComparison.Ordinal);
        if (verbatim ? text.Substring(2, text.Length - 3).Contains("\"\"") : text.IndexOf('\\') >= 0)
        {
            return "the approver contains an escape sequence";
        }

        var nameLine = attribute.Name.GetLocation().GetLineSpan().StartLinePosition.Line;
        var literal = token.GetLocation().GetLineSpan();
        return literal.StartLinePosition.Line != nameLine || literal.EndLinePosition.Line != nameLine
            ? "the approver is not on the line of the attribute name"
            : null;
    }

    private static string? NameProblem(NameSyntax name)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier when IsShortName(identifier.Identifier.ValueText) && !IsShortName(identifier.Identifier.Text):
                return "the attribute's name is written '" + identifier.Identifier.Text + "', with '@' or an escape";
            case IdentifierNameSyntax identifier:
                return IsShortName(identifier.Identifier.ValueText) ? null : "the attribute is named through a using alias ('" + identifier.Identifier.ValueText + "')";
            case QualifiedNameSyntax { Left: var left, Right: IdentifierNameSyntax right }:
                var isCheckpoint = left switch
                {
                    IdentifierNameSyntax { Identifier.Text: CheckpointAttributes.Namespace } => true,
                    AliasQualifiedNameSyntax { Alias.Identifier.Text: "global", Name.Identifier.Text: CheckpointAttributes.Namespace } => true,
                    _ => false,
                };
                return isCheckpoint && IsShortName(right.Identifier.Text)
                    ? null
                    : "the attribute is named '" + name + "'; only Checkpoint. or global::Checkpoint. may qualify it";
            default:
                return "the attribute is named '" + name + "'";
        }
    }

    private static bool IsShortName(string name) => name is "ApprovedBy" or CheckpointAttributes.ApprovedByName;
}
