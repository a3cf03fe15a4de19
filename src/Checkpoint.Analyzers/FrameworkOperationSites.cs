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
    public void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (!MayBeOperation(InvokedName(invocation.Expression), invocation, context, out var containingSymbol)
            || context.SemanticModel.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation)
        {
            return;
        }

        analysis.AnalyzeInvocation(operation, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary><c>Action&lt;string, bool&gt; later = Directory.Delete;</c>: a method group can be called later.</summary>
    public void AnalyzeMethodGroup(SyntaxNodeAnalysisContext context)
    {
        var node = (ExpressionSyntax)context.Node;
        var name = node switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
            IdentifierNameSyntax identifier when !IsPartOfLargerName(identifier) => identifier.Identifier,
            _ => default,
        };

        if (IsInvoked(node)
            || !MayBeOperation(name, node, context, out var containingSymbol)
            || context.SemanticModel.GetOperation(node, context.CancellationToken) is not IMethodReferenceOperation reference)
        {
            return;
        }

        analysis.AnalyzeMethodReference(reference, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    public void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
    {
        // Constructors have no name to pre-filter on; this runs only when a framework entry is a constructor.
        if (!MayBeOperation(default, context.Node, context, out var containingSymbol)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectCreationOperation creation)
        {
            return;
        }

        analysis.AnalyzeObjectCreation(creation, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary>
    /// The cheap refusals, in order of cost: the name token, then the bound symbol's classification
    /// (cached per member). A site that passes is one the full path would also look at.
    /// </summary>
    private bool MayBeOperation(SyntaxToken name, SyntaxNode node, SyntaxNodeAnalysisContext context, out ISymbol containingSymbol)
    {
        containingSymbol = null!;
        var isConstructor = node is BaseObjectCreationExpressionSyntax;
        if (!isConstructor && (name.RawKind == 0 || !classifier.MayBeOperationNamed(name.ValueText)))
        {
            return false;
        }

        var symbolInfo = context.SemanticModel.GetSymbolInfo(node, context.CancellationToken);
        if (!AnyClassified(symbolInfo))
        {
            return false;
        }

        // The operation path reports against the member that owns the code block; so does this one.
        var owner = context.ContainingSymbol ?? context.SemanticModel.GetEnclosingSymbol(node.SpanStart, context.CancellationToken);
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
