using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
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
