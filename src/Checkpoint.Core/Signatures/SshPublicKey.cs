using System;

namespace Checkpoint.Core.Signatures;

/// <summary>An SSH public key of a type Checkpoint can verify signatures with.</summary>
public sealed class SshPublicKey : IEquatable<SshPublicKey>
{
    private readonly byte[] blob;

    private SshPublicKey(string keyType, byte[] blob, string fingerprint)
    {
        KeyType = keyType;
        this.blob = blob;
        Fingerprint = fingerprint;
    }

    /// <summary><c>ssh-ed25519</c>, <c>ecdsa-sha2-nistp256|384|521</c>, <c>ssh-rsa</c>, <c>sk-ssh-ed25519@openssh.com</c> or <c>sk-ecdsa-sha2-nistp256@openssh.com</c>.</summary>
    public string KeyType { get; }

    /// <summary>A copy of the SSH wire-format public key blob.</summary>
    public byte[] Blob => (byte[])blob.Clone();

    /// <summary><c>SHA256:</c> and the unpadded base64 of the blob's SHA-256, as <c>ssh-keygen -lf</c> prints it.</summary>
    public string Fingerprint { get; }

    /// <summary>Parses <c>&lt;type&gt; &lt;base64&gt; [comment]</c>.</summary>
    public static SshPublicKey Parse(string authorizedKeysStyleText) => throw new NotImplementedException();

    public static SshPublicKey FromBlob(byte[] blob) => throw new NotImplementedException();

    public bool Equals(SshPublicKey? other) => throw new NotImplementedException();

    public override bool Equals(object? obj) => Equals(obj as SshPublicKey);

    public override int GetHashCode() => throw new NotImplementedException();

    /// <summary><c>&lt;type&gt; &lt;base64&gt;</c>, the form allowed_signers and authorized_keys use.</summary>
    public override string ToString() => KeyType + " " + Convert.ToBase64String(blob);
}
