using System;
using System.IO;

namespace Checkpoint.Core.Signatures;

/// <summary>An armored OpenSSH signature (PROTOCOL.sshsig), as <c>ssh-keygen -Y sign</c> writes it.</summary>
public sealed class SshSignature
{
    public const string ArmorHeader = "-----BEGIN SSH SIGNATURE-----";

    public const string ArmorFooter = "-----END SSH SIGNATURE-----";

    private SshSignature()
    {
        throw new NotImplementedException();
    }

    public int Version { get; }

    public SshPublicKey PublicKey { get; } = null!;

    public string Namespace { get; } = null!;

    /// <summary><c>sha256</c> or <c>sha512</c>.</summary>
    public string HashAlgorithm { get; } = null!;

    /// <summary>For example <c>ssh-ed25519</c> or <c>rsa-sha2-512</c>.</summary>
    public string SignatureAlgorithm { get; } = null!;

    /// <summary>For security keys only: whether the authenticator reported user presence.</summary>
    public bool? UserPresent { get; }

    /// <summary>For security keys only: the authenticator's signature counter.</summary>
    public uint? Counter { get; }

    /// <exception cref="SshFormatException">The text is not a well-formed SSHSIG signature Checkpoint accepts.</exception>
    public static SshSignature Parse(string armored) => throw new NotImplementedException();

    public static bool TryParse(string armored, out SshSignature? signature, out string? error) => throw new NotImplementedException();

    /// <summary>Verifies the signature over <paramref name="message"/>, read once and never buffered whole.</summary>
    public SignatureCheck Verify(Stream message, string expectedNamespace) => throw new NotImplementedException();

    public SignatureCheck Verify(byte[] message, string expectedNamespace) => throw new NotImplementedException();
}
