using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Signatures;

/// <summary>One usable line of an allowed_signers file.</summary>
public sealed class AllowedSigner
{
    internal AllowedSigner(
        IReadOnlyList<string> principals,
        bool isCertificateAuthority,
        IReadOnlyList<string>? namespaces,
        DateTimeOffset? validAfter,
        DateTimeOffset? validBefore,
        SshPublicKey key,
        int lineNumber)
    {
        Principals = principals;
        IsCertificateAuthority = isCertificateAuthority;
        Namespaces = namespaces;
        ValidAfter = validAfter;
        ValidBefore = validBefore;
        Key = key;
        LineNumber = lineNumber;
    }

    /// <summary>Principal patterns, as written: <c>*</c> and <c>?</c> wildcards, <c>!</c> negation.</summary>
    public IReadOnlyList<string> Principals { get; }

    public bool IsCertificateAuthority { get; }

    /// <summary>Namespace patterns from <c>namespaces="..."</c>; <see langword="null"/> when the option is absent (any namespace).</summary>
    public IReadOnlyList<string>? Namespaces { get; }

    /// <summary>The instant from which the key is trusted (inclusive), already resolved as described in docs/signatures.md.</summary>
    public DateTimeOffset? ValidAfter { get; }

    /// <summary>The instant from which the key is no longer trusted, already resolved as described in docs/signatures.md.</summary>
    public DateTimeOffset? ValidBefore { get; }

    public SshPublicKey Key { get; }

    /// <summary>One-based line number in the file.</summary>
    public int LineNumber { get; }
}
