using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Values;

/// <summary>
/// What the parameters of the method being read stand for: the arguments of one call to it, read in
/// the caller's own scope. This is how a helper's summary is evaluated at each call site
/// (<c>Run("terraform", "destroy")</c>, where <c>Run</c> passes its parameters to <c>Process.Start</c>)
/// without analysing the helper again: the helper's sink expression is read once more, with its
/// parameters bound to the caller's arguments.
/// </summary>
internal sealed class ValueScope
{
    /// <summary>Calls nested deeper than this are not followed: their values are unknown.</summary>
    public const int MaximumDepth = 4;

    public static readonly ValueScope Empty = new(null, new Dictionary<int, IOperation>(), null, 0);

    private readonly IMethodSymbol? _method;
    private readonly Dictionary<int, IOperation> _argumentsByOrdinal;

    private ValueScope(IMethodSymbol? method, Dictionary<int, IOperation> argumentsByOrdinal, ValueScope? caller, int depth)
    {
        _method = method;
        _argumentsByOrdinal = argumentsByOrdinal;
        Caller = caller;
        Depth = depth;
    }

    /// <summary>The scope the arguments are read in.</summary>
    public ValueScope? Caller { get; }

    public int Depth { get; }

    public bool IsTooDeep => Depth >= MaximumDepth;

    /// <summary>The scope of the method a call reaches, with its parameters bound to the call's arguments.</summary>
    public static ValueScope ForCall(IInvocationOperation call, ValueScope callerScope)
    {
        var arguments = new Dictionary<int, IOperation>();
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                arguments[parameter.Ordinal] = argument.Value;
            }
        }

        var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
        return new ValueScope(method.OriginalDefinition, arguments, callerScope, callerScope.Depth + 1);
    }

    /// <summary>The argument a call gave for <paramref name="parameter"/>, if this scope is that call's.</summary>
    public bool TryGetArgument(IParameterSymbol parameter, out IOperation argument)
    {
        argument = null!;
        return _method is not null
               && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _method)
               && _argumentsByOrdinal.TryGetValue(parameter.Ordinal, out argument!);
    }
}
