using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Checkpoint.CodeFixes;

/// <summary>
/// CHK001/CHK002: adds <c>[ApprovedBy("", Reason = "")]</c> to the member that calls the operation.
/// The empty attestation does not count (CHK003 reports it) until a human fills it in.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddApprovedByCodeFixProvider)), Shared]
public sealed class AddApprovedByCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add [ApprovedBy] attestation";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.UnattestedDestructiveOperation,
        RuleIdentifiers.UnattestedDisruptiveOperation);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var target = FindTarget(root, diagnostic);
            if (target is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => AttributeInsertion.AddAsync(context.Document, [target], CreateAttestation, cancellationToken),
                    equivalenceKey: nameof(AddApprovedByCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = diagnostics.Select(d => FindTarget(root, d)).OfType<MemberDeclarationSyntax>();
        return await AttributeInsertion.AddAsync(document, targets, CreateAttestation, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null where no attestation can be added, or where one is already written and only needs completing.</summary>
    private static MemberDeclarationSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = AttestationTarget.Find(node);
        return target is null || AttestationTarget.HasAttribute(target, "ApprovedBy") ? null : target;
    }

    private static AttributeListSyntax CreateAttestation()
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
