using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// An OpenSSH allowed_signers file (ssh-keygen(1), ALLOWED SIGNERS): who may sign, with which key,
/// in which namespaces and during which window.
/// </summary>
public sealed class AllowedSigners
{
    private AllowedSigners(IReadOnlyList<AllowedSigner> entries, IReadOnlyList<AllowedSignersError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    public IReadOnlyList<AllowedSigner> Entries { get; }

    public IReadOnlyList<AllowedSignersError> Errors { get; }

    /// <summary>Parses the file. Never throws on bad content: bad lines become <see cref="Errors"/> and grant no trust.</summary>
    public static AllowedSigners Parse(string text, string sourceName) => throw new NotImplementedException();

    public TrustDecision Authorize(string principal, SshPublicKey key, string signatureNamespace, DateTimeOffset now)
        => throw new NotImplementedException();

    /// <summary>The principals that may sign with <paramref name="key"/> in the namespace at <paramref name="now"/>, like <c>ssh-keygen -Y find-principals</c>.</summary>
    public IReadOnlyList<string> PrincipalsFor(SshPublicKey key, string signatureNamespace, DateTimeOffset now)
        => throw new NotImplementedException();
}
