using System.Collections.Immutable;
using System.Composition;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Checkpoint.CodeFixes;

/// <summary>
/// CHK001/CHK002: adds <c>[ApprovedBy("", Reason = "")]</c> to the member that calls the operation.
/// The empty attestation does not count (CHK003 reports it) until a human fills it in.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddApprovedByCodeFixProvider)), Shared]
public sealed class AddApprovedByCodeFixProvider : MemberAttributeCodeFixProvider
{
    /// <summary>The action's title, as the IDE lists it (and docs/rules lists it, generated).</summary>
    public const string ActionTitle = "Add [ApprovedBy] attestation";

    private protected override string Title => ActionTitle;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.UnattestedDestructiveOperation,
        RuleIdentifiers.UnattestedDisruptiveOperation);

    /// <summary>Null where no attestation can be added, or where one is already written and only needs completing.</summary>
    private protected override MemberDeclarationSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = AttestationTarget.Find(node);
        return target is null || AttestationTarget.HasAttribute(target, "ApprovedBy") ? null : target;
    }

    private protected override AttributeListSyntax CreateAttribute()
        => AttributeList(SingletonSeparatedList(
            Attribute(
                IdentifierName("ApprovedBy"),
                AttributeArgumentList(SeparatedList(new[]
                {
                    AttributeArgument(EmptyString()),
                    AttributeArgument(EmptyString()).WithNameEquals(NameEquals(IdentifierName("Reason"))),
                })))));

    private static LiteralExpressionSyntax EmptyString()
        => LiteralExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression, Literal(string.Empty));
}
