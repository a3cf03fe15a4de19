using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>Recognises the type that declares a catalogued operation.</summary>
internal abstract class TypePattern
{
    /// <summary>Exactly this type (generic types by their metadata name, for example <c>Foo`1</c>).</summary>
    public static TypePattern Named(string metadataName) => new NamedTypePattern(metadataName, includeDerived: false);

    /// <summary>This type and every type that derives from it or implements it.</summary>
    public static TypePattern DerivedFrom(string metadataName) => new NamedTypePattern(metadataName, includeDerived: true);

    /// <summary>
    /// Types whose namespace, or one of its parent namespaces, matches <paramref name="namespacePattern"/>
    /// and whose name matches <paramref name="typeNamePattern"/>. Both may use <c>*</c>.
    /// For SDKs whose operations are spread over many generated client types.
    /// </summary>
    public static TypePattern InNamespace(string namespacePattern, string typeNamePattern)
        => new NamespaceTypePattern(namespacePattern, typeNamePattern);

    /// <summary>The type or namespace the pattern names, as docs/rules/CHK001.md lists it.</summary>
    public abstract string DisplayName { get; }

    /// <summary>Binds the pattern to a compilation; null when the SDK it names is not referenced at all.</summary>
    public abstract Func<INamedTypeSymbol, bool>? Resolve(Compilation compilation);

    /// <summary>Whether a type of this compilation's source can derive from or implement a matched type.</summary>
    public abstract bool MayBeInherited(Compilation compilation);

    private sealed class NamedTypePattern(string metadataName, bool includeDerived) : TypePattern
    {
        public override string DisplayName => metadataName;
        /// <summary>As the generated family tables of the rule docs show it (Markdown).</summary>
        public override string ToString()
        {
            // Generic metadata names hold a backtick ("Foo`1"): a double-backtick code span shows it.
            var code = metadataName.IndexOf('`') >= 0 ? "``" + metadataName + "``" : "`" + metadataName + "`";
            return includeDerived ? code + " and derived types" : code;
        }

        public override Func<INamedTypeSymbol, bool>? Resolve(Compilation compilation)
        {
            if (!NamespaceMayExist(compilation, metadataName))
            {
                return null;
            }

            var anchors = compilation.GetTypesByMetadataName(metadataName);
            if (anchors.IsEmpty)
            {
                return null;
            }

            return includeDerived
                ? type => IsOrDerivesFrom(type, anchors)
                : type => Contains(anchors, type.OriginalDefinition);
        }

        public override bool MayBeInherited(Compilation compilation)
        {
            if (includeDerived)
            {
                return true;
            }

            foreach (var anchor in compilation.GetTypesByMetadataName(metadataName))
            {
                if (!anchor.IsStatic && !anchor.IsSealed)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOrDerivesFrom(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> anchors)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Contains(anchors, current.OriginalDefinition))
                {
                    return true;
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Contains(anchors, implemented.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(ImmutableArray<INamedTypeSymbol> anchors, INamedTypeSymbol type)
        {
            foreach (var anchor in anchors)
            {
                if (SymbolEqualityComparer.Default.Equals(anchor, type))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether the namespace of <paramref name="metadataName"/> exists in the compilation's merged global
    /// namespace, which the compiler builds anyway. Most catalogued SDKs are not referenced by a given
    /// project, and refusing them here saves asking each of its references for each catalogued type.
    /// A reference with an extern alias is not in the global namespace, so then the answer is yes.
    /// </summary>
    private static bool NamespaceMayExist(Compilation compilation, string metadataName)
    {
        if (HasAliasedReferences(compilation))
        {
            return true;
        }

        var nestedStart = metadataName.IndexOf('+');
        var typeStart = metadataName.LastIndexOf('.', nestedStart < 0 ? metadataName.Length - 1 : nestedStart);
        var current = compilation.GlobalNamespace;
        var start = 0;
        while (current is not null && start < typeStart)
        {
            var end = metadataName.IndexOf('.', start);
            var segment = metadataName.Substring(start, end - start);
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(segment))
            {
                if (member is INamespaceSymbol found)
                {
                    next = found;
                    break;
                }
            }

            current = next;
            start = end + 1;
        }

        return current is not null;
    }

    /// <summary>Whether a reference is visible only through an extern alias (so its namespaces are not global).</summary>
    private static bool HasAliasedReferences(Compilation compilation)
    {
        foreach (var reference in compilation.References)
        {
            var aliases = reference.Properties.Aliases;
            if (!aliases.IsEmpty && !aliases.Contains("global"))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class NamespaceTypePattern(string namespacePattern, string typeNamePattern) : TypePattern
    {
        private readonly Glob _namespace = new(namespacePattern);
        private readonly Glob _typeName = new(typeNamePattern);

        public override string DisplayName => namespacePattern;
        /// <summary>As the generated family tables of the rule docs show it (Markdown).</summary>
        public override string ToString() => "`" + typeNamePattern + "` types in `" + namespacePattern + "`";

        public override bool MayBeInherited(Compilation compilation) => true;

        public override Func<INamedTypeSymbol, bool>? Resolve(Compilation compilation)
        {
            // The literal namespaces before the first wildcard must exist somewhere in the compilation or
            // its references; looking them up touches no type symbols. An aliased reference is not in the
            // global namespace, so with one the pattern stays in play and the matcher decides per type.
            if (HasAliasedReferences(compilation))
            {
                return Matches;
            }

            var literal = _namespace.LiteralPrefix;
            if (_namespace.HasWildcard)
            {
                var lastDot = literal.LastIndexOf('.');
                literal = lastDot < 0 ? string.Empty : literal.Substring(0, lastDot);
            }

            var current = compilation.GlobalNamespace;
            foreach (var segment in literal.Split('.'))
            {
                current = FindNamespace(current, segment);
                if (current is null)
                {
                    return null;
                }
            }

            return Matches;
        }

        private static INamespaceSymbol? FindNamespace(INamespaceSymbol? parent, string name)
        {
            if (parent is null || name.Length == 0)
            {
                return parent;
            }

            foreach (var member in parent.GetMembers(name))
            {
                if (member is INamespaceSymbol found)
                {
                    return found;
                }
            }

            return null;
        }

        private bool Matches(INamedTypeSymbol type)
        {
            if (!_typeName.Matches(type.Name))
            {
                return false;
            }

            var containingNamespace = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            for (var end = containingNamespace.Length; end > 0; end = containingNamespace.LastIndexOf('.', end - 1))
            {
                if (_namespace.Matches(containingNamespace.Substring(0, end)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
