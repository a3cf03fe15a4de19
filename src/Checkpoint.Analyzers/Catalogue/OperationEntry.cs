namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// One line of the built-in catalogue: members named like <see cref="Member"/> on types matched by
/// <see cref="DeclaringType"/> are operations of the given tier.
/// </summary>
internal sealed class OperationEntry(TypePattern declaringType, string member, OperationTier tier, OperationWording wording)
{
    public TypePattern DeclaringType { get; } = declaringType;

    /// <summary>The member's name; <c>*</c> is a wildcard. Methods and constructors (".ctor") only.</summary>
    public Glob Member { get; } = new(member);

    public OperationTier Tier { get; } = tier;

    public OperationWording Wording { get; } = wording;
}
