using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>
/// Finds the attestation that covers the member containing an operation: the member itself (for an
/// accessor also its property or event), then each containing type. Lambdas and local functions count
/// for the member that contains them: an attestation written on one does not count (CHK005), and the
/// site is then reported as having no valid attestation rather than none at all. Assembly- and
/// module-level attributes never count (CHK005).
/// </summary>
internal sealed class AttestationScope(DateTime todayUtc)
{
    private readonly ConcurrentDictionary<ISymbol, AttestationCoverage> _cache = new(SymbolEqualityComparer.Default);

    /// <param name="site">The operation, to find the lambdas and local functions it is written in.</param>
    public AttestationCoverage For(ISymbol containingSymbol, IOperation site)
    {
        var attestedNested = false;
        for (var current = site.Parent; current is not null; current = current.Parent)
        {
            var nestedSymbol = current switch
            {
                ILocalFunctionOperation localFunction => localFunction.Symbol,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            attestedNested |= nestedSymbol is not null && HasApprovedBy(nestedSymbol);
        }

        while (containingSymbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } nested
               && nested.ContainingSymbol is { } outer)
        {
            attestedNested |= HasApprovedBy(nested);
            containingSymbol = outer;
        }

        var coverage = _cache.GetOrAdd(containingSymbol, Compute);
        return attestedNested && coverage.Kind == Coverage.None ? AttestationCoverage.OnlyInvalid : coverage;
    }

    private static bool HasApprovedBy(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (CheckpointAttributes.IsApprovedBy(attribute))
            {
                return true;
            }
        }

        return false;
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
