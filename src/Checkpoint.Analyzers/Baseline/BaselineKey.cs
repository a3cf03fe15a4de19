using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Checkpoint.Analyzers.Baseline;

/// <summary>
/// The name of one destructive call site that survives unrelated edits:
/// <c>{member documentation ID} {operation} #{n}</c>, where n counts the references to that
/// operation inside that member in source order. Line numbers are not part of it, so adding code
/// above a site, or in another member, keeps every key; a second call to the same operation in the
/// same member is a new key and therefore a new failure.
/// </summary>
internal static class BaselineKey
{
    /// <summary>The diagnostic property that carries the key, so a SARIF log can be turned into a baseline.</summary>
    public const string PropertyName = "CheckpointBaselineKey";

    /// <param name="site">The syntax of the call, method group or object creation that is reported.</param>
    /// <param name="target">The operation the site reaches (the method or property symbol as bound).</param>
    /// <param name="containingMember">The member the site counts for: lambdas and local functions count for theirs.</param>
    public static string For(SemanticModel model, SyntaxNode site, ISymbol target, ISymbol containingMember, CancellationToken cancellationToken)
    {
        var operation = OperationName(target);
        return MemberName(containingMember) + " " + operation + " #" + Occurrence(model, site, target, operation, containingMember, cancellationToken);
    }

    /// <summary>The member a site counts for: a lambda or local function counts for the member around it.</summary>
    public static ISymbol MemberOf(ISymbol symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } && symbol.ContainingSymbol is { } containing)
        {
            symbol = containing;
        }

        return symbol;
    }

    /// <summary>The operation as <c>Namespace.Type.Member</c>, without type arguments or parameters.</summary>
    public static string OperationName(ISymbol target)
    {
        var definition = target.OriginalDefinition;
        if (definition is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            definition = reducedFrom;
        }

        var type = definition.ContainingType;
        return type is null
            ? definition.Name
            : type.ToDisplayString(TypeNameFormat) + "." + definition.Name;
    }

    private static readonly SymbolDisplayFormat TypeNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    private static string MemberName(ISymbol member)
        => member.GetDocumentationCommentId() ?? member.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat).Replace(' ', '_');

    /// <summary>The 1-based position of the site among the member's references to the same operation.</summary>
    private static int Occurrence(SemanticModel model, SyntaxNode site, ISymbol target, string operation, ISymbol member, CancellationToken cancellationToken)
    {
        var isConstructor = target is IMethodSymbol { MethodKind: MethodKind.Constructor };
        var sitePosition = isConstructor ? site.SpanStart : NamePosition(site, target.Name);
        var occurrence = 1;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var declarationModel = declaration.SyntaxTree == model.SyntaxTree
                ? model
                : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
            var earlierTree = declaration.SyntaxTree != site.SyntaxTree &&
                string.CompareOrdinal(declaration.SyntaxTree.FilePath, site.SyntaxTree.FilePath) < 0;
            foreach (var node in declaration.DescendantNodes())
            {
                var isCandidate = isConstructor
                    ? node is BaseObjectCreationExpressionSyntax
                    : node is SimpleNameSyntax name && name.Identifier.ValueText == target.Name;
                if (!isCandidate)
                {
                    continue;
                }

                var isEarlier = earlierTree || (node.SyntaxTree == site.SyntaxTree && node.SpanStart < sitePosition);
                if (isEarlier && declarationModel.GetSymbolInfo(node, cancellationToken).Symbol is { } symbol &&
                    OperationName(symbol) == operation)
                {
                    occurrence++;
                }
            }
        }

        return occurrence;
    }

    /// <summary>Where the operation's name is written in the site, so nested calls order by their names.</summary>
    private static int NamePosition(SyntaxNode site, string name)
    {
        foreach (var node in site.DescendantNodesAndSelf())
        {
            if (node is SimpleNameSyntax simpleName && simpleName.Identifier.ValueText == name)
            {
                return simpleName.SpanStart;
            }
        }

        return site.SpanStart;
    }
}
