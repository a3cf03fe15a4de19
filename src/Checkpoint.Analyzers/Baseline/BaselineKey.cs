using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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

    /// <param name="site">The call, method group, property reference or object creation that is reported.</param>
    /// <param name="target">The operation the site reaches (the method, constructor or property as bound).</param>
    /// <param name="containingMember">The member the site counts for: lambdas and local functions count for theirs.</param>
    /// <param name="operationName">
    /// <see cref="OperationName"/> through the caller's cache: the same few operations are named for every site.
    /// </param>
    public static string For(IOperation site, ISymbol target, ISymbol containingMember, Func<ISymbol, string> operationName)
    {
        var operation = operationName(target);
        return MemberName(containingMember) + " " + operation + " #" + Occurrence(site, target, operation, operationName);
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

    /// <summary>
    /// The 1-based position of the site among the references to the same operation in the code block
    /// that contains it, in source order of the operation's name (for a constructor, of the <c>new</c>).
    /// </summary>
    /// <remarks>
    /// Counted on the block's operation tree, which the analyzer already has, rather than by binding
    /// every same-named identifier of the member again: the tree holds exactly the member's bound
    /// calls, method groups, property accesses and object creations, including those in its lambdas
    /// and local functions, and a C# member has at most one declaration with a body.
    /// </remarks>
    private static int Occurrence(IOperation site, ISymbol target, string operation, Func<ISymbol, string> operationName)
    {
        var isConstructor = target is IMethodSymbol { MethodKind: MethodKind.Constructor };
        var sitePosition = Position(site, isConstructor);
        var root = site;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var occurrence = 1;
        foreach (var candidate in root.Descendants())
        {
            var member = ReferencedMember(candidate, isConstructor);
            if (member is not null
                && member.Name == target.Name
                && candidate != site
                && Position(candidate, isConstructor) < sitePosition
                && operationName(member) == operation)
            {
                occurrence++;
            }
        }

        return occurrence;
    }

    private static ISymbol? ReferencedMember(IOperation operation, bool constructors) => operation switch
    {
        IObjectCreationOperation creation => constructors ? creation.Constructor : null,
        _ when constructors => null,
        IInvocationOperation invocation => invocation.TargetMethod,
        IMethodReferenceOperation reference => reference.Method,
        IPropertyReferenceOperation reference => reference.Property,
        _ => null,
    };

    /// <summary>Where the site's member name is written (nested calls order by their names); for <c>new</c>, the start.</summary>
    private static int Position(IOperation operation, bool isConstructor)
    {
        var syntax = operation.Syntax;
        if (isConstructor)
        {
            return syntax.SpanStart;
        }

        var expression = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
        return expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.SpanStart,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.SpanStart,
            _ => expression.SpanStart,
        };
    }
}
