using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>An operation named in a user's CheckpointOperations.txt.</summary>
internal sealed class UserOperationEntry(
    SymbolKind kind, string typeName, Glob member, string? parameters, OperationTier tier, string fileName, int line)
{
    /// <summary><see cref="SymbolKind.Method"/> (M:) or <see cref="SymbolKind.Property"/> (P:).</summary>
    public SymbolKind Kind { get; } = kind;

    /// <summary>The declaring type as a documentation comment ID writes it, without "T:".</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The member as a documentation comment ID writes it (#ctor, DeleteAsync``1), with wildcards.</summary>
    public Glob Member { get; } = member;

    /// <summary>"(System.String)", "" for no parameters, or null for every overload.</summary>
    public string? Parameters { get; } = parameters;

    public OperationTier Tier { get; } = tier;

    public string FileName { get; } = fileName;

    public int Line { get; } = line;

    /// <summary>When several entries match, the most specific decides: parameters, then an exact name.</summary>
    public int Specificity => (Parameters is null ? 0 : 2) + (Member.HasWildcard ? 0 : 1);
}
