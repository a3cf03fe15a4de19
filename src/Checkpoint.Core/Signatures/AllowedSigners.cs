using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// An OpenSSH allowed_signers file (ssh-keygen(1), ALLOWED SIGNERS): who may sign, with which key,
/// in which namespaces and during which window. Parsing follows OpenSSH's sshsig.c; where OpenSSH depends
/// on the machine (local time zones) Checkpoint picks the reading that trusts least (docs/signatures.md).
/// </summary>
public sealed class AllowedSigners
{
    private readonly string _sourceName;

    private AllowedSigners(string sourceName, IReadOnlyList<AllowedSigner> entries, IReadOnlyList<AllowedSignersError> errors)
    {
        _sourceName = sourceName;
        Entries = entries;
        Errors = errors;
    }

    public IReadOnlyList<AllowedSigner> Entries { get; }

    /// <summary>Lines that could not be used. They grant no trust; callers decide whether to report them.</summary>
    public IReadOnlyList<AllowedSignersError> Errors { get; }

    /// <summary>Parses the file. Never throws on bad content: bad lines become <see cref="Errors"/> and grant no trust.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="sourceName">How errors name the file, for example <c>.checkpoint/allowed_signers@origin/main</c>.</param>
    public static AllowedSigners Parse(string text, string sourceName)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        sourceName = string.IsNullOrEmpty(sourceName) ? "allowed_signers" : sourceName;
        var entries = new List<AllowedSigner>();
        var errors = new List<AllowedSignersError>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            try
            {
                var entry = AllowedSignersLine.Parse(lines[index], lineNumber);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
            catch (SshFormatException ex)
            {
                errors.Add(new AllowedSignersError(lineNumber, $"{sourceName}:{lineNumber}: {ex.Message}"));
            }
        }

        return new AllowedSigners(sourceName, entries, errors);
    }

    /// <summary>
    /// Decides whether <paramref name="key"/> may sign as <paramref name="principal"/> in
    /// <paramref name="signatureNamespace"/> at <paramref name="now"/>, which must be the verifier's clock
    /// (never a time the signer or a commit claims).
    /// </summary>
    public TrustDecision Authorize(string principal, SshPublicKey key, string signatureNamespace, DateTimeOffset now)
    {
        if (principal is null)
        {
            throw new ArgumentNullException(nameof(principal));
        }

        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (string.IsNullOrEmpty(signatureNamespace))
        {
            throw new ArgumentException("The signature namespace must be a non-empty string.", nameof(signatureNamespace));
        }

        if (principal.Length == 0)
        {
            return TrustDecision.Untrusted("no signer principal was given.");
        }

        var shownPrincipal = SshPublicKey.Describe(principal);
        string? closest = null;
        var closestRank = 0;
        foreach (var entry in Entries)
        {
            var principalMatches = SshPattern.MatchesList(principal, entry.PrincipalPatternList);
            var keyMatches = entry.Key.Equals(key);
            var where = $"{_sourceName}:{entry.LineNumber}";
            if (principalMatches && keyMatches)
            {
                var refusal = WindowOrNamespaceRefusal(entry, signatureNamespace, now);
                if (refusal is null)
                {
                    return TrustDecision.Trusted(entry);
                }

                Remember(3, $"{where}: the key of '{shownPrincipal}' {refusal}.");
            }
            else if (keyMatches)
            {
                Remember(2, $"{where}: key {key.Fingerprint} belongs to '{SshPublicKey.Describe(entry.PrincipalPatternList)}', not '{shownPrincipal}'.");
            }
            else if (principalMatches)
            {
                Remember(1, $"{where}: '{shownPrincipal}' is listed with key {entry.Key.Fingerprint}, not {key.Fingerprint}.");
            }
        }

        var failure = closest ?? $"{_sourceName}: neither '{shownPrincipal}' nor key {key.Fingerprint} is listed.";
        if (closestRank < 3 && Errors.Count > 0)
        {
            failure = failure.TrimEnd('.') + $" ({Errors.Count} unusable line(s) ignored, first: {Errors[0].Message.TrimEnd('.')}).";
        }

        return TrustDecision.Untrusted(failure);

        void Remember(int rank, string message)
        {
            if (rank > closestRank)
            {
                closestRank = rank;
                closest = message;
            }
        }
    }

    /// <summary>
    /// The principals that may sign with <paramref name="key"/> in the namespace at <paramref name="now"/>, like
    /// <c>ssh-keygen -Y find-principals</c> (which also honours namespaces here). Negated patterns are left out.
    /// </summary>
    public IReadOnlyList<string> PrincipalsFor(SshPublicKey key, string signatureNamespace, DateTimeOffset now)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (string.IsNullOrEmpty(signatureNamespace))
        {
            throw new ArgumentException("The signature namespace must be a non-empty string.", nameof(signatureNamespace));
        }

        return Entries
            .Where(entry => entry.Key.Equals(key) && WindowOrNamespaceRefusal(entry, signatureNamespace, now) is null)
            .SelectMany(entry => entry.Principals)
            .Where(pattern => !pattern.StartsWith("!", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Why the entry's options refuse this use, or <see langword="null"/> when they allow it.</summary>
    private static string? WindowOrNamespaceRefusal(AllowedSigner entry, string signatureNamespace, DateTimeOffset now)
    {
        if (entry.Namespaces is not null && !SshPattern.MatchesList(signatureNamespace, string.Join(",", entry.Namespaces)))
        {
            return $"is not allowed in namespace '{SshPublicKey.Describe(signatureNamespace)}' (namespaces=\"{SshPublicKey.Describe(string.Join(",", entry.Namespaces))}\")";
        }

        if (entry.ValidAfter is DateTimeOffset after && now < after)
        {
            return $"is not valid until {Format(after)} (valid-after); the verifier's clock reads {Format(now)}";
        }

        if (entry.ValidBefore is DateTimeOffset before && now > before)
        {
            return $"expired at {Format(before)} (valid-before); the verifier's clock reads {Format(now)}";
        }

        return null;
    }

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
