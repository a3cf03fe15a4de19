using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>One [ApprovedBy] attribute as written by the user.</summary>
internal sealed class Attestation
{
    // The contract says ISO-8601 date; one exact format keeps "03/04/2027" from meaning two different days.
    public const string ExpiryFormat = "yyyy-MM-dd";

    private Attestation(string? approver, string? reason, string? expires, bool isBound)
    {
        Approver = approver;
        Reason = reason;
        Expires = expires;
        IsBound = isBound;
    }

    public string? Approver { get; }

    public string? Reason { get; }

    public string? Expires { get; }

    /// <summary>False when the compiler could not bind the attribute's constructor (the code does not compile).</summary>
    public bool IsBound { get; }

    public static Attestation Read(AttributeData attribute)
    {
        string? approver = null;
        if (attribute.ConstructorArguments.Length == 1)
        {
            approver = attribute.ConstructorArguments[0].Value as string;
        }

        string? reason = null;
        string? expires = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Reason":
                    reason = argument.Value.Value as string;
                    break;
                case "Expires":
                    expires = argument.Value.Value as string;
                    break;
            }
        }

        return new Attestation(approver, reason, expires, attribute.AttributeConstructor is not null);
    }

    /// <summary>The first defect, in the order a reviewer would fix them.</summary>
    public AttestationDefect FindDefect(DateTime todayUtc)
    {
        if (!IsBound || IsBlank(Approver))
        {
            return AttestationDefect.BlankApprover;
        }

        if (IsBlank(Reason))
        {
            return AttestationDefect.MissingReason;
        }

        if (Expires is null)
        {
            return AttestationDefect.None;
        }

        if (!TryParseExpiry(Expires, out var lastDay))
        {
            return AttestationDefect.UnreadableExpiry;
        }

        // Expires names the last day on which the attestation still counts.
        return lastDay < todayUtc.Date ? AttestationDefect.Expired : AttestationDefect.None;
    }

    public static bool TryParseExpiry(string text, out DateTime lastDay)
        => DateTime.TryParseExact(text, ExpiryFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out lastDay);

    private static bool IsBlank(string? value) => value is null || value.Trim().Length == 0;
}
