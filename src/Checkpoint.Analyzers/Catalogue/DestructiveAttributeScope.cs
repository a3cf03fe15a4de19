using System.Collections.Generic;
using System.Threading;
using Checkpoint.Analyzers.Attestations;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The assemblies whose members can carry [Destructive], decided once per compilation so that a call
/// into any other assembly never reads attributes.
/// </summary>
/// <remarks>
/// The package adds the attribute to each project as an internal, [Embedded] type, so an assembly can
/// only use the copy it declares itself. The compiler hides embedded types of references from name
/// lookup, but <see cref="IAssemblySymbol.TypeNames"/> and <see cref="IAssemblySymbol.NamespaceNames"/>
/// come straight from the metadata name tables, so asking them binds no type. Only a public
/// DestructiveAttribute (a team that ships its own) can be used across assemblies; then every assembly
/// is in scope.
/// <para>
/// The package adds the attribute's declaration to every project, so "this project declares it" says
/// nothing; <see cref="AttributeUsageProbe"/> decides whether the project's own code uses it. A project
/// without cloud SDKs, catalogue files or [Destructive] usage thus registers no per-call work.
/// </para>
/// </remarks>
internal sealed class DestructiveAttributeScope
{
    private readonly HashSet<IAssemblySymbol> _assemblies;
    private readonly bool _anyAssembly;

    private DestructiveAttributeScope(HashSet<IAssemblySymbol> assemblies, bool anyAssembly)
    {
        _assemblies = assemblies;
        _anyAssembly = anyAssembly;
    }

    public bool IsEmpty => !_anyAssembly && _assemblies.Count == 0;

    public static DestructiveAttributeScope Create(Compilation compilation, CancellationToken cancellationToken)
    {
        var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        var anyAssembly = false;
        foreach (var declared in compilation.GetTypesByMetadataName(CheckpointAttributes.DestructiveMetadataName))
        {
            var declaredHere = SymbolEqualityComparer.Default.Equals(declared.ContainingAssembly, compilation.Assembly);
            if (!declaredHere || AttributeUsageProbe.SourceMayUse(compilation, declared, "Destructive", cancellationToken))
            {
                assemblies.Add(declared.ContainingAssembly);
            }

            anyAssembly |= declared.DeclaredAccessibility == Accessibility.Public
                           && !SymbolEqualityComparer.Default.Equals(declared.ContainingAssembly, compilation.Assembly);
        }

        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (reference.TypeNames.Contains(CheckpointAttributes.DestructiveName)
                && reference.NamespaceNames.Contains(CheckpointAttributes.Namespace))
            {
                assemblies.Add(reference);
            }
        }

        return new DestructiveAttributeScope(assemblies, anyAssembly);
    }

    public bool MayCarryAttribute(IAssemblySymbol? assembly)
        => assembly is not null && (_anyAssembly || _assemblies.Contains(assembly));
}
