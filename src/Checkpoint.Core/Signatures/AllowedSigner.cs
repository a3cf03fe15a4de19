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
        int lineNumber,
        string principalPatternList)
    {
        PrincipalPatternList = principalPatternList;
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

    /// <summary>
    /// Always <see langword="false"/> for now: Checkpoint does not support certificates, so a
    /// <c>cert-authority</c> line is reported in <see cref="AllowedSigners.Errors"/> and grants no trust.
    /// </summary>
    public bool IsCertificateAuthority { get; }

    /// <summary>Namespace patterns from <c>namespaces="..."</c>; <see langword="null"/> when the option is absent (any namespace).</summary>
    public IReadOnlyList<string>? Namespaces { get; }

    /// <summary>The first instant the key is trusted, resolved to UTC as docs/signatures.md describes.</summary>
    public DateTimeOffset? ValidAfter { get; }

    /// <summary>The last instant the key is trusted, resolved to UTC as docs/signatures.md describes.</summary>
    public DateTimeOffset? ValidBefore { get; }

    public SshPublicKey Key { get; }

    /// <summary>One-based line number in the file.</summary>
    public int LineNumber { get; }

    /// <summary>The principals field as one OpenSSH pattern list.</summary>
    internal string PrincipalPatternList { get; }
}
