using System.Collections.Immutable;
using System.Composition;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Checkpoint.CodeFixes;

/// <summary>
/// CHK001: marks the calling method, constructor or property <c>[Destructive]</c>, which moves the
/// need for an attestation to its callers.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(MarkDestructiveCodeFixProvider)), Shared]
public sealed class MarkDestructiveCodeFixProvider : MemberAttributeCodeFixProvider
{
    /// <summary>The action's title, as the IDE lists it (and docs/rules lists it, generated).</summary>
    public const string ActionTitle = "Mark as [Destructive]";

    private protected override string Title => ActionTitle;

    // Only destructive operations: marking a method [Destructive] because it stops a VM would turn its
    // callers' warnings into errors with a wrong description.
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnattestedDestructiveOperation);

    private protected override MemberDeclarationSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = AttestationTarget.Find(node);

        // [Destructive] applies to methods, constructors and properties, not to fields or events.
        return target is MethodDeclarationSyntax or ConstructorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax
               && !AttestationTarget.HasAttribute(target, "Destructive")
            ? target
            : null;
    }

    private protected override AttributeListSyntax CreateAttribute()
        => AttributeList(SingletonSeparatedList(Attribute(IdentifierName("Destructive"))));
}
