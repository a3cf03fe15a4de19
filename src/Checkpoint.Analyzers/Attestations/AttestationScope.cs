using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>
/// Finds the attestation that covers the member containing an operation: the member itself (for an
/// accessor also its property or event), then each containing type. Lambdas and local functions count
/// for the member that contains them. Assembly- and module-level attributes never count (CHK005).
/// </summary>
internal sealed class AttestationScope(DateTime todayUtc)
{
    private readonly ConcurrentDictionary<ISymbol, AttestationCoverage> _cache = new(SymbolEqualityComparer.Default);

    public AttestationCoverage For(ISymbol containingSymbol)
    {
        while (containingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } nested
               && nested.ContainingSymbol is { } outer)
        {
            containingSymbol = outer;
        }

        return _cache.GetOrAdd(containingSymbol, Compute);
    }

    private AttestationCoverage Compute(ISymbol member)
    {
        var sawInvalid = false;
        var fromMember = Inspect(member, ref sawInvalid);
        if (fromMember is not null)
        {
            return fromMember;
        }

        if (member is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            var fromAssociated = Inspect(associated, ref sawInvalid);
            if (fromAssociated is not null)
            {
                return fromAssociated;
            }
        }

        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            var fromType = Inspect(type, ref sawInvalid);
            if (fromType is not null)
            {
                return fromType;
            }
        }

        return sawInvalid ? AttestationCoverage.OnlyInvalid : AttestationCoverage.None;
    }

    /// <summary>The coverage one symbol's own attributes give, or null when they give none.</summary>
    private AttestationCoverage? Inspect(ISymbol symbol, ref bool sawInvalid)
    {
        List<string>? approvers = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (CheckpointAttributes.IsDestructive(attribute))
            {
                return AttestationCoverage.MarkedDestructive;
            }

            if (CheckpointAttributes.IsApprovedBy(attribute))
            {
                var attestation = Attestation.Read(attribute);
                if (attestation.FindDefect(todayUtc) == AttestationDefect.None)
                {
                    (approvers ??= []).Add(attestation.Approver!.Trim());
                }
                else
                {
                    sawInvalid = true;
                }
            }
        }

        return approvers is null ? null : new AttestationCoverage(Coverage.Attested, string.Join(";", approvers));
    }
}
