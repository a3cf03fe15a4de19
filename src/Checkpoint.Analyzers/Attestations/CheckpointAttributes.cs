using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>
/// Recognises Checkpoint's attributes by full metadata name, never by symbol identity: every project
/// gets its own embedded copy of the attributes, so a [Destructive] read from a referenced assembly is
/// a different symbol from the one declared in the compilation being analyzed.
/// </summary>
internal static class CheckpointAttributes
{
    public const string Namespace = "Checkpoint";
    public const string ApprovedByName = "ApprovedByAttribute";
    public const string DestructiveName = "DestructiveAttribute";
    public const string ApprovedByMetadataName = Namespace + "." + ApprovedByName;
    public const string DestructiveMetadataName = Namespace + "." + DestructiveName;

    public static bool IsApprovedBy(AttributeData attribute) => IsCheckpointType(attribute.AttributeClass, ApprovedByName);

    public static bool IsDestructive(AttributeData attribute) => IsCheckpointType(attribute.AttributeClass, DestructiveName);

    public static bool IsCheckpointType(INamedTypeSymbol? type, string name)
        => type is { Name: var typeName, ContainingType: null, ContainingNamespace: { Name: Namespace } ns }
           && typeName == name
           && ns.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>The [Destructive] attribute on the symbol or on one of its containing types, if any.</summary>
    public static AttributeData? FindDestructive(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (IsDestructive(attribute))
                {
                    return attribute;
                }
            }
        }

        return null;
    }
}
