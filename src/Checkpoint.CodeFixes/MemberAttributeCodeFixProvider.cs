using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Checkpoint.CodeFixes;

/// <summary>
/// The shape both Checkpoint fixes share: find the member a diagnostic belongs to and add one
/// attribute to it, one diagnostic at a time or all of a document's at once (Fix All).
/// </summary>
public abstract class MemberAttributeCodeFixProvider : CodeFixProvider
{
    private protected MemberAttributeCodeFixProvider()
    {
    }

    /// <summary>The code action's title, also its equivalence key for Fix All.</summary>
    private protected abstract string Title { get; }

    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
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
                    cancellationToken => AttributeInsertion.AddAsync(context.Document, [target], CreateAttribute, cancellationToken),
                    equivalenceKey: GetType().Name),
                diagnostic);
        }
    }

    /// <summary>The member that gets the attribute, or null where the fix does not apply.</summary>
    private protected abstract MemberDeclarationSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic);

    private protected abstract AttributeListSyntax CreateAttribute();

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = diagnostics.Select(d => FindTarget(root, d)).OfType<MemberDeclarationSyntax>();
        return await AttributeInsertion.AddAsync(document, targets, CreateAttribute, context.CancellationToken).ConfigureAwait(false);
    }
}
