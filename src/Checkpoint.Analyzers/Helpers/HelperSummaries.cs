using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Checkpoint.Analyzers.Attestations;
using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Helpers;

/// <summary>
/// The helpers of a compilation: its own methods that pass a parameter to a member whose harm depends
/// on its arguments (<c>Process.Start</c>, <c>ExecuteNonQuery</c>, <c>ExecuteSqlRaw</c>, CliWrap ...), such as
/// <c>void Run(string program, string arguments) =&gt; Process.Start(program, arguments);</c>. Each helper
/// is summarised once per compilation ("its call to Process.Start reads parameters 0 and 1"); a call
/// to it is then an operation when the helper's call, read with the caller's arguments, is one
/// (<see cref="HelperCondition"/>). Helpers may call helpers, up to <see cref="Values.ValueScope.MaximumDepth"/> deep.
/// </summary>
/// <remarks>
/// Finding the helpers must not cost a project without any. Where every call is analysed (a cloud SDK
/// is referenced), a method of the compilation is summarised the first time a call reaches it, and only
/// when its body calls something named like a sink or like a method of the compilation. Where only the
/// .NET-only families can match (no cloud SDK), calls are refused on their names, so the helpers' names
/// must be known first: only files whose text names such a sink (one shared scan,
/// <see cref="AttributeUsageProbe"/>) are parsed for methods that call one.
/// </remarks>
internal sealed class HelperSummaries
{
    private const int Rounds = 3;

    private readonly Compilation _compilation;
    private readonly OperationClassifier _classifier;
    private readonly HashSet<string>? _names;
    private readonly ConcurrentDictionary<ISymbol, OperationClassification?> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, bool> _declaredNames = new(System.StringComparer.Ordinal);

    private HelperSummaries(Compilation compilation, OperationClassifier classifier, HashSet<string>? names)
    {
        _compilation = compilation;
        _classifier = classifier;
        _names = names;
    }

    /// <summary>Null when no method of the compilation can be a helper.</summary>
    public static HelperSummaries? Create(Compilation compilation, OperationClassifier classifier, CancellationToken cancellationToken)
    {
        if (!classifier.OnlyFrameworkOperations)
        {
            return new HelperSummaries(compilation, classifier, names: null);
        }

        var trees = AttributeUsageProbe.TreesWithSinkWords(compilation, cancellationToken).ToList();
        if (trees.Count == 0)
        {
            return null;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var round = NamesOfMethodsCalling(trees, name => classifier.MayBeOperationNamed(name), cancellationToken);
        for (var i = 0; i < Rounds && round.Count > 0; i++)
        {
            names.UnionWith(round);
            var known = new HashSet<string>(round, System.StringComparer.Ordinal);
            var callers = compilation.SyntaxTrees.Where(tree => known.Any(name => tree.GetText(cancellationToken).ToString().Contains(name)));
            round = NamesOfMethodsCalling(callers, known.Contains, cancellationToken);
            round.ExceptWith(names);
        }

        return names.Count == 0 ? null : new HelperSummaries(compilation, classifier, names);
    }

    /// <summary>Whether a call of this name can reach a helper: the pre-filter for calls that bind nothing else.</summary>
    public bool MayBeHelperNamed(string name) => _names?.Contains(name) != false;

    /// <summary>The classification of a call to a helper, or null when the method is none.</summary>
    public OperationClassification? Classify(ISymbol member)
    {
        if (member is not IMethodSymbol method || method.Parameters.IsEmpty || _names?.Contains(method.Name) == false
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
        {
            return null;
        }

        var definition = method.OriginalDefinition;
        if (_summaries.TryGetValue(definition, out var known))
        {
            return known;
        }

        if (_names is null && !MayCallSink(definition))
        {
            _summaries.TryAdd(definition, null);
            return null;
        }

        // A helper that calls itself (or a cycle of them) is summarised without that call.
        _summaries.TryAdd(definition, null);
        var summary = Summarise(definition);
        _summaries[definition] = summary;
        return summary;
    }

    private OperationClassification? Summarise(IMethodSymbol method)
    {
        var sinks = new List<(IInvocationOperation Call, OperationClassification Classification)>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            if (body is null)
            {
                continue;
            }

#pragma warning disable RS1030 // Once per helper, a method that already names a sink: the summary the callers share.
            var operation = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(body);
#pragma warning restore RS1030
            if (operation is null)
            {
                continue;
            }

            foreach (var call in operation.DescendantsAndSelf().OfType<IInvocationOperation>())
            {
                var classification = _classifier.Classify(call.TargetMethod) is { IsConditional: true } sink ? sink : Classify(call.TargetMethod);
                if (classification is not null && ReadsParameter(call))
                {
                    sinks.Add((call, classification));
                }
            }
        }

        if (sinks.Count == 0)
        {
            return null;
        }

        var tier = sinks.Max(s => s.Classification.Tier);
        var name = method.ContainingType.Name + "." + method.Name;
        return new OperationClassification(tier, "passes its parameters to " + string.Join(", ", sinks.Select(s => s.Call.TargetMethod.Name).Distinct()), declaration: method, condition: new HelperCondition(name, sinks));
    }

    /// <summary>The cheap syntax check before a summary: the body calls something named like a sink, or like a method of this compilation.</summary>
    private bool MayCallSink(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var invocation in reference.GetSyntax().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var called = CalledName(invocation);
                if (called is not null && called != method.Name
                    && (_classifier.MayBeOperationNamed(called) || _declaredNames.GetOrAdd(called, name => _compilation.ContainsSymbolsWithName(name, SymbolFilter.Member))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Whether the sink's arguments or receiver read a parameter of the helper, at any depth (through locals too).</summary>
    private static bool ReadsParameter(IInvocationOperation call)
        => OperationValuesOfCall(call).Any(o => o.DescendantsAndSelf().Any(d => d is IParameterReferenceOperation or ILocalReferenceOperation));

    private static IEnumerable<IOperation> OperationValuesOfCall(IInvocationOperation call)
    {
        if (call.Instance is { } instance)
        {
            yield return instance;
        }

        foreach (var argument in call.Arguments)
        {
            yield return argument.Value;
        }
    }

    private static HashSet<string> NamesOfMethodsCalling(IEnumerable<SyntaxTree> trees, System.Func<string, bool> calls, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var (name, parameters) = node switch
                {
                    MethodDeclarationSyntax method => (method.Identifier.ValueText, method.ParameterList),
                    LocalFunctionStatementSyntax local => (local.Identifier.ValueText, local.ParameterList),
                    _ => (null, null),
                };
                if (name is null || parameters is null || parameters.Parameters.Count == 0 || names.Contains(name))
                {
                    continue;
                }

                foreach (var invocation in node.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var called = CalledName(invocation);
                    if (called is not null && called != name && calls(called))
                    {
                        names.Add(name);
                        break;
                    }
                }
            }
        }

        return names;
    }
}
