using System.Collections.Immutable;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The operations Checkpoint knows without being told. Each family is a handful of entries; an
/// <see cref="OperationTier.Ignore"/> entry beats every other built-in entry for the same member, and
/// a user's CheckpointOperations.txt beats them all. docs/rules/CHK001.md lists the same families
/// (RuleDocumentationTests checks that it names every entry's type or namespace).
/// </summary>
/// <remarks>
/// The entries live in <see cref="Families.OperationFamilies"/>, one Add method per family. To add a
/// family: write an Add method there with one <see cref="OperationEntry"/> per verb, choosing
/// <see cref="TypePattern.Named"/> for one declaring type, <see cref="TypePattern.DerivedFrom"/> for a
/// base class or interface every client shares, or <see cref="TypePattern.InNamespace"/> for generated
/// clients spread over namespaces; word it with <see cref="OperationWording.FromName"/> or
/// <see cref="OperationWording.Fixed"/>; exclude routine look-alikes with an Ignore entry.
/// </remarks>
internal static class BuiltInCatalogue
{
    public static ImmutableArray<OperationEntry> Entries { get; } = CreateEntries();

    private static ImmutableArray<OperationEntry> CreateEntries()
    {
        var entries = ImmutableArray.CreateBuilder<OperationEntry>();
        Families.OperationFamilies.AddTo(entries);
        return entries.ToImmutable();
    }
}
