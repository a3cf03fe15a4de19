using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Checkpoint.Analyzers.Attestations;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// Decides, once per member and compilation, whether calling a member is a destructive or disruptive
/// operation: from [Destructive], the user's catalogue files and the built-in catalogue, in that order.
/// </summary>
/// <remarks>
/// Like BannedApiAnalyzers, a string-keyed pre-filter on the member's name runs before any symbol
/// walk, and the walk itself (overridden members, implemented interface members) runs once per member
/// thanks to the cache, so calls through a concrete client, an interface, an override or <c>base.</c>
/// all classify the same.
/// </remarks>
internal sealed class OperationClassifier
{
    private readonly ImmutableArray<(OperationEntry Entry, Func<INamedTypeSymbol, bool> DeclaringType)> _builtIns;
    private readonly Dictionary<string, List<UserOperationEntry>> _userEntriesByType;
    private readonly MemberNameFilter _nameFilter;
    private readonly DestructiveAttributeScope _destructiveScope;
    private readonly ConcurrentDictionary<ISymbol, OperationClassification?> _cache = new(SymbolEqualityComparer.Default);

    // Kept so that a cache miss does not allocate a delegate per call.
    private readonly Func<ISymbol, OperationClassification?> _classifyUncached;

    private OperationClassifier(
        ImmutableArray<(OperationEntry, Func<INamedTypeSymbol, bool>)> builtIns,
        Dictionary<string, List<UserOperationEntry>> userEntriesByType,
        MemberNameFilter nameFilter,
        DestructiveAttributeScope destructiveScope,
        bool mayClassifyProperties,
        bool mayClassifyConstructors,
        bool onlyFrameworkOperations,
        bool frameworkOperationsMayBeInherited)
    {
        _builtIns = builtIns;
        _userEntriesByType = userEntriesByType;
        _nameFilter = nameFilter;
        _destructiveScope = destructiveScope;
        MayClassifyProperties = mayClassifyProperties;
        MayClassifyConstructors = mayClassifyConstructors;
        OnlyFrameworkOperations = onlyFrameworkOperations;
        FrameworkOperationsMayBeInherited = frameworkOperationsMayBeInherited;
        _classifyUncached = ClassifyUncached;
    }

    /// <summary>Whether a property access can be an operation (a P: catalogue line or [Destructive]).</summary>
    public bool MayClassifyProperties { get; }

    /// <summary>Whether a <c>new</c> can be an operation (a constructor entry or [Destructive]).</summary>
    public bool MayClassifyConstructors { get; }

    /// <summary>
    /// Whether the only operations this compilation can contain are the .NET-only families (file
    /// system, shell-outs, ADO.NET), whose types every compilation has. The caller then looks at the
    /// few call sites named like those members instead of at every operation of every method body.
    /// </summary>
    public bool OnlyFrameworkOperations { get; }

    /// <summary>
    /// Whether a .NET-only entry is declared on a type that source code can derive from or implement
    /// (Process, DbCommand, IDbCommand), so that a bare name inside such a type could call it.
    /// </summary>
    public bool FrameworkOperationsMayBeInherited { get; }

    /// <summary>
    /// Null when nothing in this compilation can be an operation: no catalogued SDK is referenced, no
    /// catalogue file names an operation, no assembly can carry [Destructive], and the .NET-only
    /// families are turned off. The caller then registers no further work.
    /// </summary>
    /// <param name="frameworkOperations">
    /// Whether the .NET-only families (file system, shell-outs, ADO.NET) are checked at all; only
    /// <see cref="Families.FrameworkOperationsOption"/> set to <c>never</c> turns them off.
    /// </param>
    public static OperationClassifier? Create(Compilation compilation, UserCatalogue userCatalogue, CancellationToken cancellationToken, bool frameworkOperations = true)
    {
        var builtIns = ImmutableArray.CreateBuilder<(OperationEntry, Func<INamedTypeSymbol, bool>)>();
        var resolved = new Dictionary<TypePattern, Func<INamedTypeSymbol, bool>?>();
        foreach (var entry in BuiltInCatalogue.Entries)
        {
            if (entry.IsFrameworkOperation && !frameworkOperations)
            {
                continue;
            }

            if (!resolved.TryGetValue(entry.DeclaringType, out var matcher))
            {
                matcher = entry.DeclaringType.Resolve(compilation);
                resolved.Add(entry.DeclaringType, matcher);
            }

            if (matcher is not null)
            {
                builtIns.Add((entry, matcher));
            }
        }

        var userEntries = new Dictionary<string, List<UserOperationEntry>>(StringComparer.Ordinal);
        foreach (var entry in userCatalogue.Entries)
        {
            if (!userEntries.TryGetValue(entry.TypeName, out var list))
            {
                list = [];
                userEntries.Add(entry.TypeName, list);
            }

            list.Add(entry);
        }

        var destructiveScope = DestructiveAttributeScope.Create(compilation, cancellationToken);
        var reportsBeyondFramework = builtIns.Any(b => b.Item1.Tier != OperationTier.Ignore && !b.Item1.IsFrameworkOperation)
                                     || userCatalogue.Entries.Any(e => e.Tier != OperationTier.Ignore)
                                     || !destructiveScope.IsEmpty;
        var reportsFramework = builtIns.Any(b => b.Item1.Tier != OperationTier.Ignore && b.Item1.IsFrameworkOperation);
        if (!reportsBeyondFramework && !reportsFramework)
        {
            return null;
        }

        // Built-in names without a wildcard are exact. A user catalogue line stays a prefix: its
        // documentation-ID spelling (#ctor, Get``1, explicit implementations) is only converted to the
        // start of a symbol name, and a filter that lets too much through costs time, never a finding.
        var nameFilter = new MemberNameFilter(
            builtIns.Where(b => !b.Item1.Member.HasWildcard).Select(b => b.Item1.Member.Pattern),
            builtIns.Where(b => b.Item1.Member.HasWildcard).Select(b => b.Item1.Member.LiteralPrefix)
                .Concat(userCatalogue.Entries.Select(e => MemberNameFilter.PrefixOfDocumentationName(e.Member.LiteralPrefix))));
        var mayClassifyProperties = !destructiveScope.IsEmpty || userCatalogue.Entries.Any(e => e.Kind == SymbolKind.Property);
        var mayClassifyConstructors = !destructiveScope.IsEmpty
                                      || nameFilter.MayMatch(".ctor");
        var frameworkOperationsMayBeInherited = builtIns.Any(b => b.Item1.IsFrameworkOperation
                                                                  && b.Item1.Tier != OperationTier.Ignore
                                                                  && b.Item1.DeclaringType.MayBeInherited(compilation));
        return new OperationClassifier(builtIns.ToImmutable(), userEntries, nameFilter, destructiveScope, mayClassifyProperties, mayClassifyConstructors, !reportsBeyondFramework, frameworkOperationsMayBeInherited);
    }

    /// <summary>
    /// The pre-filter on a bare name, before any binding: false means no member of this name can be
    /// an operation in this compilation. Only meaningful when [Destructive] is out of scope, as it is
    /// whenever <see cref="OnlyFrameworkOperations"/> is true.
    /// </summary>
    public bool MayBeOperationNamed(string name) => _nameFilter.MayMatch(name);

    /// <summary>
    /// Whether code inside <paramref name="type"/>, or importing its static members, could name a
    /// catalogued member without a receiver: the type, a base type or an implemented interface declares one.
    /// </summary>
    public bool ExposesOperations(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (DeclaresOperations(current))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (DeclaresOperations(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private bool DeclaresOperations(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        foreach (var (entry, declaringType) in _builtIns)
        {
            if (entry.Tier != OperationTier.Ignore && declaringType(definition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a call on a <c>dynamic</c> receiver, which binds to no symbol: the tier of the built-in
    /// entries of this compilation's SDKs (or the user's catalogue lines) whose member pattern the name
    /// matches, when no Ignore entry matches it too. Only entries that do not depend on the call's
    /// arguments count, since a dynamic call's arguments cannot be matched to parameters.
    /// </summary>
    public OperationTier? ClassifyDynamicName(string name)
    {
        OperationTier? tier = null;
        foreach (var (entry, _) in _builtIns)
        {
            if (entry.IsFrameworkOperation || entry.Condition is not null || !entry.Member.Matches(name))
            {
                continue;
            }

            if (entry.Tier == OperationTier.Ignore)
            {
                return null;
            }

            tier = tier is null || entry.Tier > tier ? entry.Tier : tier;
        }

        foreach (var entries in _userEntriesByType.Values)
        {
            foreach (var entry in entries)
            {
                if (entry.Kind == SymbolKind.Method && entry.Member.Matches(name))
                {
                    if (entry.Tier == OperationTier.Ignore)
                    {
                        return null;
                    }

                    tier = tier is null || entry.Tier > tier ? entry.Tier : tier;
                }
            }
        }

        return tier;
    }

    /// <summary>Whether any entry could match a dynamic call by name (so the dynamic-call action is worth registering).</summary>
    public bool MayClassifyDynamicNames => _builtIns.Any(b => !b.Entry.IsFrameworkOperation && b.Entry.Condition is null && b.Entry.Tier != OperationTier.Ignore)
                                           || _userEntriesByType.Count > 0;

    /// <summary>The classification of a called method, constructor or accessed property; null if it is no operation.</summary>
    public OperationClassification? Classify(ISymbol member)
    {
        if (member is IMethodSymbol { ReducedFrom: { } unreduced })
        {
            member = unreduced;
        }

        member = member.OriginalDefinition;

        // Cheap refusals first: they are the answer for nearly every call in a project. A member that
        // overrides or may implement another can inherit [Destructive] from an assembly in scope.
        if (!_nameFilter.MayMatch(member.Name)
            && (_destructiveScope.IsEmpty
                || (!_destructiveScope.MayCarryAttribute(member.ContainingAssembly) && !MayInheritOperation(member))))
        {
            return null;
        }

        return _cache.TryGetValue(member, out var known) ? known : _cache.GetOrAdd(member, _classifyUncached);
    }

    private static bool MayInheritOperation(ISymbol member)
        => member.IsOverride
           || (!member.IsStatic && member.ContainingType is { TypeKind: not TypeKind.Interface } type && !type.AllInterfaces.IsEmpty);

    private OperationClassification? ClassifyUncached(ISymbol member)
    {
        var candidates = OverriddenAndImplementedMembers(member);

        foreach (var candidate in candidates)
        {
            if (_destructiveScope.MayCarryAttribute(candidate.ContainingAssembly)
                && CheckpointAttributes.FindDestructive(candidate) is { } destructive)
            {
                return new OperationClassification(OperationTier.Destructive, DescribeDestructiveAttribute(destructive));
            }
        }

        if (!_nameFilter.MayMatch(member.Name))
        {
            return null;
        }

        if (_userEntriesByType.Count > 0 && FindUserEntry(candidates) is { } userEntry)
        {
            return userEntry.Tier == OperationTier.Ignore
                ? null
                : new OperationClassification(
                    userEntry.Tier,
                    $"is listed as {(userEntry.Tier == OperationTier.Destructive ? "destructive" : "disruptive")} in {userEntry.FileName}");
        }

        if (member is not IMethodSymbol)
        {
            return null;
        }

        (OperationEntry Entry, ISymbol Declaration)? match = null;
        foreach (var candidate in candidates)
        {
            foreach (var (entry, declaringType) in _builtIns)
            {
                if (entry.Member.Matches(candidate.Name) && declaringType(candidate.ContainingType))
                {
                    if (entry.Tier == OperationTier.Ignore)
                    {
                        return null;
                    }

                    // The deepest declaration (the SDK's interface or base class) words the message best.
                    if (match is null || match.Value.Entry.Tier <= entry.Tier)
                    {
                        match = (entry, candidate);
                    }
                }
            }
        }

        return match is { } found
            ? new OperationClassification(found.Entry.Tier, found.Entry.Wording.Describe(found.Declaration), found.Entry, found.Declaration)
            : null;
    }

    private UserOperationEntry? FindUserEntry(List<ISymbol> candidates)
    {
        UserOperationEntry? best = null;
        foreach (var candidate in candidates)
        {
            if (candidate.ContainingType is null
                || candidate.ContainingType.GetDocumentationCommentId() is not { } typeId
                || !_userEntriesByType.TryGetValue(typeId.Substring(2), out var entries))
            {
                continue;
            }

            var kind = candidate.Kind == SymbolKind.Property ? SymbolKind.Property : SymbolKind.Method;
            var name = candidate.MetadataName.Replace('.', '#');
            var arityName = candidate is IMethodSymbol { Arity: > 0 } generic ? name + "``" + generic.Arity : name;
            string? parameters = null;
            foreach (var entry in entries)
            {
                if (entry.Kind != kind || !(entry.Member.Matches(name) || entry.Member.Matches(arityName)))
                {
                    continue;
                }

                if (entry.Parameters is not null)
                {
                    parameters ??= ParametersOf(candidate);
                    if (!string.Equals(parameters, entry.Parameters, StringComparison.Ordinal))
                    {
                        continue;
                    }
                }

                if (best is null
                    || entry.Specificity > best.Specificity
                    || (entry.Specificity == best.Specificity && entry.Tier > best.Tier))
                {
                    best = entry;
                }
            }
        }

        return best;
    }

    private static string ParametersOf(ISymbol member)
    {
        var id = member.GetDocumentationCommentId() ?? string.Empty;
        var open = id.IndexOf('(');
        return open < 0 ? string.Empty : id.Substring(open);
    }

    private static string DescribeDestructiveAttribute(AttributeData attribute)
    {
        var description = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (description is null || description.Trim().Length == 0)
        {
            return "is marked [Destructive]";
        }

        description = description.Trim().TrimEnd('.');

        // "Drops every tenant table" reads as "... 'X.DropTenant' drops every tenant table and has no ...";
        // "S3 cleanup" keeps its capital.
        if (description.Length > 1 && char.IsUpper(description[0]) && char.IsLower(description[1]))
        {
            description = char.ToLowerInvariant(description[0]) + description.Substring(1);
        }

        return description + " (marked [Destructive])";
    }

    /// <summary>The member itself, then the members it overrides, then the interface members it implements.</summary>
    private static List<ISymbol> OverriddenAndImplementedMembers(ISymbol member)
    {
        var result = new List<ISymbol> { member };
        for (var overridden = Overridden(member); overridden is not null; overridden = Overridden(overridden))
        {
            result.Add(overridden.OriginalDefinition);
        }

        var count = result.Count;
        for (var i = 0; i < count; i++)
        {
            var declaration = result[i];
            foreach (var explicitImplementation in ExplicitImplementations(declaration))
            {
                result.Add(explicitImplementation.OriginalDefinition);
            }

            var type = declaration.ContainingType;
            if (type is null || type.TypeKind == TypeKind.Interface || declaration.IsStatic)
            {
                continue;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                foreach (var interfaceMember in implemented.GetMembers(declaration.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMember)?.OriginalDefinition, declaration))
                    {
                        result.Add(interfaceMember.OriginalDefinition);
                    }
                }
            }
        }

        return result;
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };

    private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations,
        IPropertySymbol property => property.ExplicitInterfaceImplementations,
        _ => [],
    };
}
