using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>
/// Finds the attestation that covers the member containing an operation: the member itself (for an
/// accessor also its property or event), then each containing type. Lambdas and local functions count
/// for the member that contains them. Assembly- and module-level attributes never count (CHK005).
/// </summary>
internal sealed class AttestationScope(DateTime todayUtc)
{
    private readonly ConcurrentDictionary<ISymbol, Coverage> _cache = new(SymbolEqualityComparer.Default);

    public Coverage For(ISymbol containingSymbol)
    {
        while (containingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } nested
               && nested.ContainingSymbol is { } outer)
        {
            containingSymbol = outer;
        }

        return _cache.GetOrAdd(containingSymbol, Compute);
    }

    private Coverage Compute(ISymbol member)
    {
        var sawInvalid = false;
        var fromMember = Inspect(member, ref sawInvalid);
        if (fromMember != Coverage.None)
        {
            return fromMember;
        }

        if (member is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            var fromAssociated = Inspect(associated, ref sawInvalid);
            if (fromAssociated != Coverage.None)
            {
                return fromAssociated;
            }
        }

        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            var fromType = Inspect(type, ref sawInvalid);
            if (fromType != Coverage.None)
            {
                return fromType;
            }
        }

        return sawInvalid ? Coverage.OnlyInvalidAttestations : Coverage.None;
    }

    private Coverage Inspect(ISymbol symbol, ref bool sawInvalid)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (CheckpointAttributes.IsDestructive(attribute))
            {
                return Coverage.MarkedDestructive;
            }

            if (CheckpointAttributes.IsApprovedBy(attribute))
            {
                if (Attestation.Read(attribute).FindDefect(todayUtc) == AttestationDefect.None)
                {
                    return Coverage.Attested;
                }

                sawInvalid = true;
            }
        }

        return Coverage.None;
    }
}
