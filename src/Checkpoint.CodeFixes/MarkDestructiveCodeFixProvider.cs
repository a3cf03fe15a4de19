using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Checkpoint.CodeFixes;

/// <summary>
/// CHK001: marks the calling method, constructor or property <c>[Destructive]</c>, which moves the
/// need for an attestation to its callers.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(MarkDestructiveCodeFixProvider)), Shared]
public sealed class MarkDestructiveCodeFixProvider : CodeFixProvider
{
    private const string Title = "Mark as [Destructive]";

    // Only destructive operations: marking a method [Destructive] because it stops a VM would turn its
    // callers' warnings into errors with a wrong description.
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnattestedDestructiveOperation);

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
                    cancellationToken => AttributeInsertion.AddAsync(context.Document, [target], CreateMarker, cancellationToken),
                    equivalenceKey: nameof(MarkDestructiveCodeFixProvider)),
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
        return await AttributeInsertion.AddAsync(document, targets, CreateMarker, context.CancellationToken).ConfigureAwait(false);
    }

    private static MemberDeclarationSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = AttestationTarget.Find(node);

        // [Destructive] applies to methods, constructors and properties, not to fields or events.
        return target is MethodDeclarationSyntax or ConstructorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax
               && !AttestationTarget.HasAttribute(target, "Destructive")
            ? target
            : null;
    }

    private static AttributeListSyntax CreateMarker()
        => AttributeList(SingletonSeparatedList(Attribute(IdentifierName("Destructive"))));
}
