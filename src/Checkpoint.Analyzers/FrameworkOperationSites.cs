using System.Collections.Generic;
using System.Threading;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers;

/// <summary>
/// How a compilation whose only possible operations are the .NET-only families (recursive
/// <c>Directory.Delete</c>, <c>Process.Start</c>, <c>DbCommand.ExecuteNonQuery</c>) is checked
/// without operation actions on every method body. Every call or method group names its member, so
/// the analyzer looks at the names: a name is refused on its token alone unless the classifier's
/// name filter, built from those catalogue entries, may match it; only then is it bound, and only a
/// site whose member the classifier recognises gets its operation tree and goes through the same
/// <see cref="DestructiveOperationAnalyzer.OperationAnalysis"/> as the full path.
/// </summary>
internal sealed class FrameworkOperationSites(OperationClassifier classifier, HelperSummaries? helpers, DestructiveOperationAnalyzer.OperationAnalysis analysis)
{
    private static readonly SyntaxKind[] BareNames = [SyntaxKind.IdentifierName, SyntaxKind.GenericName];

    /// <summary>
    /// <c>x.Member</c> and <c>x?.Member</c> are looked at everywhere, as calls (their parent) or as
    /// method groups. A bare name (<c>Start(...)</c>, <c>Delete</c>) can only reach a catalogued member
    /// where that member is in scope by its simple name: under a <c>using static</c> of a type that
    /// exposes one, or inside a type that inherits one. Identifiers are the most numerous node of any
    /// project, so bare names are looked at only there: compilation-wide when a static import can
    /// bring one in, otherwise only inside the types that inherit one.
    /// </summary>
    public void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSyntaxNodeAction(AnalyzeName, SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.MemberBindingExpression);

        // A helper is usually called by its bare name from its own class; helpers are rare, so where
        // there are any, bare names are looked at everywhere.
        if (helpers is not null || ImportsOperationsStatically(context.Compilation, classifier, context.CancellationToken))
        {
            context.RegisterSyntaxNodeAction(AnalyzeName, BareNames);
        }
        else if (classifier.FrameworkOperationsMayBeInherited)
        {
            context.RegisterSymbolStartAction(OnTypeStart, SymbolKind.NamedType);
        }

        if (classifier.MayClassifyConstructors)
        {
            context.RegisterSyntaxNodeAction(AnalyzeObjectCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        }
    }

    /// <summary>
    /// A type inside which a catalogued member is in scope by its simple name (it, or a type that
    /// contains it, inherits one) gets the bare-name action for its own code. The action only takes
    /// names whose nearest type is this one, so no name is reported twice however Roslyn scopes the
    /// code of nested types.
    /// </summary>
    private void OnTypeStart(SymbolStartAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        for (var scope = type; scope is not null; scope = scope.ContainingType)
        {
            if (classifier.ExposesOperations(scope))
            {
                context.RegisterSyntaxNodeAction(
                    nodeContext =>
                    {
                        if (SymbolEqualityComparer.Default.Equals(NearestType(nodeContext.ContainingSymbol), type))
                        {
                            AnalyzeName(nodeContext);
                        }
                    },
                    BareNames);
                return;
            }
        }
    }

    private static INamedTypeSymbol? NearestType(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether any <c>using static</c> (file-level, namespace-level or global) imports a type that exposes
    /// a catalogued member. Only the directives are bound, never a method body; a directive that does
    /// not bind counts, since what it would import is unknown.
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
                if (imported is null || classifier.ExposesOperations(imported))
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

    /// <summary>
    /// A member name: <c>x.Delete</c>, <c>x?.Delete</c> or a bare <c>Delete</c>. When it is what an
    /// invocation calls, the call is the site; otherwise it is a method group (<c>Action&lt;string,
    /// bool&gt; later = Directory.Delete;</c>), which can be called later.
    /// </summary>
    public void AnalyzeName(SyntaxNodeAnalysisContext context)
    {
        var node = (ExpressionSyntax)context.Node;
        if (!IsCandidate(node, classifier, helpers))
        {
            return;
        }

        if (node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node)
        {
            if (BindsToOperation(context, invocation, out var caller)
                && context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation call)
            {
                analysis.AnalyzeInvocation(call, caller, context.ReportDiagnostic, context.CancellationToken);
            }

            return;
        }

        if (BindsToOperation(context, node, out var containingSymbol)
            && context.SemanticModel.GetOperation(node, context.CancellationToken) is IMethodReferenceOperation reference)
        {
            analysis.AnalyzeMethodReference(reference, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
        }
    }

    public void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
    {
        if (!IsCandidate(context.Node, classifier, helpers)
            || !BindsToOperation(context, context.Node, out var containingSymbol)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IObjectCreationOperation creation)
        {
            return;
        }

        analysis.AnalyzeObjectCreation(creation, containingSymbol, context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary>
    /// The syntax-only refusal that nearly every node gets: whether a member name, called or not, or a
    /// <c>new</c> can reach a catalogued member, judged from its name token alone.
    /// </summary>
    internal static bool IsCandidate(SyntaxNode node, OperationClassifier classifier, HelperSummaries? helpers = null)
    {
        var name = node switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier,
            SimpleNameSyntax simpleName when !IsPartOfLargerName(simpleName) => simpleName.Identifier,

            // Constructors have no name to pre-filter on; these nodes are only registered when a catalogue entry is a constructor.
            BaseObjectCreationExpressionSyntax => default(SyntaxToken?),
            _ => default(SyntaxToken),
        };

        return name is not { } token || (token.RawKind != 0 && (classifier.MayBeOperationNamed(token.ValueText) || helpers?.MayBeHelperNamed(token.ValueText) == true));
    }

    /// <summary>
    /// The second refusal: the bound member's classification (cached per member). A site that passes
    /// is one the operation path would also report on, so only such sites pay for an operation tree.
    /// </summary>
    private bool BindsToOperation(SyntaxNodeAnalysisContext context, SyntaxNode site, out ISymbol containingSymbol)
    {
        containingSymbol = null!;
        if (!AnyClassified(context.SemanticModel.GetSymbolInfo(site, context.CancellationToken)))
        {
            return false;
        }

        // The operation path reports against the member that owns the code block; so does this one.
        var owner = context.ContainingSymbol ?? context.SemanticModel.GetEnclosingSymbol(site.SpanStart, context.CancellationToken);
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
            return analysis.Classify(symbol) is not null;
        }

        // A method group not yet converted, or an overload the compiler could not pick: any candidate counts.
        foreach (var candidate in symbolInfo.CandidateSymbols)
        {
            if (analysis.Classify(candidate) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Delete</c> in <c>Directory.Delete</c> or <c>x?.Delete</c> is looked at with the member access; <c>A.B</c> in a type name is no call.</summary>
    private static bool IsPartOfLargerName(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name == name,
        MemberBindingExpressionSyntax => true,
        QualifiedNameSyntax => true,
        AliasQualifiedNameSyntax => true,
        _ => false,
    };
}
