namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// One line of the built-in catalogue: members named like <see cref="Member"/> on types matched by
/// <see cref="DeclaringType"/> are operations of the given tier.
/// </summary>
internal sealed class OperationEntry(TypePattern declaringType, string member, OperationTier tier, OperationWording wording, OperationCondition? condition = null, bool isFrameworkOperation = false)
{
    public TypePattern DeclaringType { get; } = declaringType;

    /// <summary>The member's name; <c>*</c> is a wildcard. Methods and constructors (".ctor") only.</summary>
    public Glob Member { get; } = new(member);

    public OperationTier Tier { get; } = tier;

    public OperationWording Wording { get; } = wording;

    /// <summary>Decides at each site whether the member is an operation there (SQL text, a command line ...); null when it always is.</summary>
    public OperationCondition? Condition { get; } = condition;

    /// <summary>
    /// The declaring type is part of .NET itself (Directory, Process, DbCommand), so it resolves in
    /// every compilation. When such entries are all a compilation can match, the analyzer looks only
    /// at the call sites named like them (a syntax-level pre-filter) rather than at every operation:
    /// that keeps "no SDK, almost no cost" while still checking every project.
    /// </summary>
    public bool IsFrameworkOperation { get; } = isFrameworkOperation;
}
