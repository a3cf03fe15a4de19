using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Values;

/// <summary>An expression together with the scope its parameters are read in.</summary>
internal readonly struct ScopedValue(IOperation value, ValueScope scope)
{
    public IOperation Value { get; } = value;

    public ValueScope Scope { get; } = scope;
}
