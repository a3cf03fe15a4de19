using System.Collections.Generic;
using System.Threading;
using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers;

/// <summary>
/// How a compilation whose only possible operations are the .NET-only families (recursive
/// <c>Directory.Delete</c>, <c>Process.Start</c>, <c>DbCommand.ExecuteNonQuery</c>) is checked
/// without operation actions on every method body: a syntax node is refused on its name token alone
/// unless the classifier's name filter, built from those catalogue entries, may match it; only then
/// is it bound, and only a site whose member the classifier recognises gets its operation tree and
/// goes through the same <see cref="DestructiveOperationAnalyzer.OperationAnalysis"/> as the full path.
/// </summary>
internal sealed class FrameworkOperationSites(OperationClassifier classifier, DestructiveOperationAnalyzer.OperationAnalysis analysis)
{
    /// <summary>
    /// Calls and <c>X.Member</c> method groups are looked at everywhere. A bare identifier can only be a
    /// method group of a catalogued member where that member is in scope by its simple name: under a
    /// <c>using static</c> of a type that exposes one, or inside a type that inherits one. Identifiers
    /// are the most numerous node of any project, so they are looked at only when one of those can
    /// happen here (see <see cref="OperationClassifier.FrameworkMethodGroupsMayBeInherited"/>).
    /// </summary>
    public void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
        if (classifier.FrameworkMethodGroupsMayBeInherited || ImportsOperationsStatically(context.Compilation, classifier, context.CancellationToken))
        {
            context.RegisterSyntaxNodeAction(AnalyzeMethodGroup, SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.IdentifierName);
        }
        else
        {
            context.RegisterSyntaxNodeAction(AnalyzeMethodGroup, SyntaxKind.SimpleMemberAccessExpression);
        }

        if (classifier.MayClassifyConstructors)
        {
            context.RegisterSyntaxNodeAction(AnalyzeObjectCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        }
    }

    /// <summary>
    /// Whether any <c>using static</c> (file-level, namespace-level or global) imports a type that exposes
    /// a catalogued member reported as a method group. Only the directives are bound, never a method
    /// body; a directive that does not bind counts, since what it would import is unknown.
    /// </summary>
    internal static bool ImportsOperationsStatically(Compilation compilation, OperationClassifier classifier, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var directive in StaticUsings(root.Usings, root.Members))
            {
                model ??= compilation.GetSemanticModel(tree);
                var imported = model.GetSymbolInfo(directive.Name!, cancellationToken).Symbol as INamedTypeSymbol;
                if (imported is null || classifier.ExposesMethodGroupOperations(imported))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<UsingDirectiveSyntax> StaticUsings(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var directive in usings)
        {
            if (directive.StaticKeyword.RawKind != 0 && directive.Name is not null)
            {
                yield return directive;
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax nested)
            {
                foreach (var directive in StaticUsings(nested.Usings, nested.Members))
                {
                    yield return directive;
                }
            }
        }
    }

    public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        if (!IsCandidate(context.Node, classifier)
            || !BindsToOperation(context, out var containingSymbol)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation operation)
        {
            return;
        }

        analysis.AnalyzeInvocation(operation, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary><c>Action&lt;string, bool&gt; later = Directory.Delete;</c>: a method group can be called later.</summary>
    public void AnalyzeMethodGroup(SyntaxNodeAnalysisContext context)
    {
        if (!IsCandidate(context.Node, classifier)
            || !BindsToOperation(context, out var containingSymbol)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IMethodReferenceOperation reference)
        {
            return;
        }

        analysis.AnalyzeMethodReference(reference, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    public void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
    {
        if (!IsCandidate(context.Node, classifier)
            || !BindsToOperation(context, out var containingSymbol)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectCreationOperation creation)
        {
            return;
        }

        analysis.AnalyzeObjectCreation(creation, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary>
    /// The syntax-only refusal that nearly every node gets: whether a call, method group or
    /// <c>new</c> can reach a catalogued member, judged from its name token alone.
    /// </summary>
    internal static bool IsCandidate(SyntaxNode node, OperationClassifier classifier)
    {
        var name = node switch
        {
            InvocationExpressionSyntax invocation => InvokedName(invocation.Expression),
            MemberAccessExpressionSyntax memberAccess when !IsInvoked(memberAccess) => memberAccess.Name.Identifier,
            IdentifierNameSyntax identifier when !IsInvoked(identifier) && !IsPartOfLargerName(identifier) => identifier.Identifier,

            // Constructors have no name to pre-filter on; these nodes are only registered when a catalogue entry is a constructor.
            BaseObjectCreationExpressionSyntax => default(SyntaxToken?),
            _ => default(SyntaxToken),
        };

        return name is not { } token || (token.RawKind != 0 && classifier.MayBeOperationNamed(token.ValueText));
    }

    /// <summary>
    /// The second refusal: the bound member's classification (cached per member). A site that passes
    /// is one the operation path would also report on, so only such sites pay for an operation tree.
    /// </summary>
    private bool BindsToOperation(SyntaxNodeAnalysisContext context, out ISymbol containingSymbol)
    {
        containingSymbol = null!;
        if (!AnyClassified(context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken)))
        {
            return false;
        }

        // The operation path reports against the member that owns the code block; so does this one.
        var owner = context.ContainingSymbol ?? context.SemanticModel.GetEnclosingSymbol(context.Node.SpanStart, context.CancellationToken);
        if (owner is null)
        {
            return false;
        }

        containingSymbol = owner;
        return true;
    }

    private bool AnyClassified(SymbolInfo symbolInfo)
    {
        if (symbolInfo.Symbol is { } symbol)
        {
            return classifier.Classify(symbol) is not null;
        }

        // A method group not yet converted, or an overload the compiler could not pick: any candidate counts.
        foreach (var candidate in symbolInfo.CandidateSymbols)
        {
            if (classifier.Classify(candidate) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxToken InvokedName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier,
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier,
        _ => default,
    };

    /// <summary>The target of a call is analysed with the call, not as a method group.</summary>
    private static bool IsInvoked(ExpressionSyntax node)
        => node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node;

    /// <summary><c>Delete</c> in <c>Directory.Delete</c> is handled with its member access.</summary>
    private static bool IsPartOfLargerName(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name == identifier,
        MemberBindingExpressionSyntax => true,
        QualifiedNameSyntax => true,
        _ => false,
    };
}
