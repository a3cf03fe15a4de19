using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// An armored OpenSSH signature (PROTOCOL.sshsig), as <c>ssh-keygen -Y sign</c> writes it, verified in
/// managed code. Parsing rejects everything Checkpoint will never accept (see docs/signatures.md), so a
/// parsed signature can only fail verification on namespace, message or key.
/// </summary>
public sealed class SshSignature
{
    public const string ArmorHeader = "-----BEGIN SSH SIGNATURE-----";

    public const string ArmorFooter = "-----END SSH SIGNATURE-----";

    /// <summary>The only SSHSIG version there is.</summary>
    public const int SupportedVersion = 1;

    // The largest real signature (RSA-16384) armors to about 6 KB; anything far beyond that is not a signature.
    internal const int MaximumArmoredLength = 64 * 1024;

    private const string Context = "SSH signature";

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SSHSIG");

    private readonly byte[] _signatureBytes;
    private readonly byte[]? _ecdsaR;
    private readonly byte[]? _ecdsaS;
    private readonly byte _securityKeyFlags;

    private SshSignature(
        SshPublicKey publicKey,
        string signatureNamespace,
        string hashAlgorithm,
        string signatureAlgorithm,
        byte[] signatureBytes,
        byte[]? ecdsaR,
        byte[]? ecdsaS,
        byte securityKeyFlags,
        uint? counter)
    {
        Version = SupportedVersion;
        PublicKey = publicKey;
        Namespace = signatureNamespace;
        HashAlgorithm = hashAlgorithm;
        SignatureAlgorithm = signatureAlgorithm;
        _signatureBytes = signatureBytes;
        _ecdsaR = ecdsaR;
        _ecdsaS = ecdsaS;
        _securityKeyFlags = securityKeyFlags;
        Counter = counter;
    }

    public int Version { get; }

    /// <summary>The key the signature claims to be made with. Trust in it is decided by <see cref="AllowedSigners"/>, not here.</summary>
    public SshPublicKey PublicKey { get; }

    public string Namespace { get; }

    /// <summary><c>sha256</c> or <c>sha512</c>.</summary>
    public string HashAlgorithm { get; }

    /// <summary>For example <c>ssh-ed25519</c> or <c>rsa-sha2-512</c>.</summary>
    public string SignatureAlgorithm { get; }

    /// <summary>For security keys only: whether the authenticator reported user presence (a touch).</summary>
    public bool? UserPresent => PublicKey.IsSecurityKey ? (_securityKeyFlags & 0x01) != 0 : null;

    /// <summary>For security keys only: the authenticator's signature counter.</summary>
    public uint? Counter { get; }

    /// <exception cref="SshFormatException">The text is not a well-formed SSHSIG signature Checkpoint accepts.</exception>
    public static SshSignature Parse(string armored)
    {
        if (armored is null)
        {
            throw new ArgumentNullException(nameof(armored));
        }

        return FromBlob(Dearmor(armored));
    }

    public static bool TryParse(string armored, out SshSignature? signature, out string? error)
    {
        if (armored is null)
        {
            signature = null;
            error = Context + ": no signature text.";
            return false;
        }

        try
        {
            signature = Parse(armored);
            error = null;
            return true;
        }
        catch (SshFormatException ex)
        {
            signature = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Parses the binary SSHSIG blob (the armor's decoded content).</summary>
    /// <exception cref="SshFormatException">The blob is not an SSHSIG signature Checkpoint accepts.</exception>
    public static SshSignature FromBlob(byte[] blob)
    {
        if (blob is null)
        {
            throw new ArgumentNullException(nameof(blob));
        }

        var reader = new SshWireReader(blob, Context);
        reader.ReadMagic(Magic, "magic preamble");
        var version = reader.ReadUInt32("version");
        if (version != SupportedVersion)
        {
            throw reader.Error($"version {version} is not supported (only version {SupportedVersion})");
        }

        var keyBlob = reader.ReadSlice("public key");
        var key = SshPublicKey.Decode(Copy(keyBlob), Context + " public key");
        var signatureNamespace = reader.ReadText("namespace");
        if (signatureNamespace.Length == 0)
        {
            throw reader.Error("the namespace is empty");
        }

        // PROTOCOL.sshsig says to ignore a non-empty reserved field, but it is not signed: accepting content
        // there would give one approval many valid encodings. ssh-keygen always writes it empty.
        if (reader.ReadSlice("reserved").Count != 0)
        {
            throw reader.Error("the reserved field is not empty (it is unsigned, so Checkpoint accepts only the empty field ssh-keygen writes)");
        }

        var hashAlgorithm = reader.ReadText("hash algorithm");
        if (hashAlgorithm != "sha256" && hashAlgorithm != "sha512")
        {
            throw reader.Error($"hash algorithm '{SshPublicKey.Describe(hashAlgorithm)}' is not accepted (only sha256 and sha512)");
        }

        var signatureField = reader.ReadSlice("signature");
        reader.RequireEnd();

        var inner = new SshWireReader(signatureField.Array!, signatureField.Offset, signatureField.Count, Context);
        var signatureAlgorithm = inner.ReadText("signature algorithm");
        CheckAlgorithmFitsKey(inner, key, signatureAlgorithm);
        var rawSignature = inner.ReadSlice("signature bytes");
        byte flags = 0;
        uint? counter = null;
        if (key.IsSecurityKey)
        {
            flags = inner.ReadByte("security key flags");
            counter = inner.ReadUInt32("security key counter");
        }

        inner.RequireEnd();

        byte[]? r = null;
        byte[]? s = null;
        if (key.Ed25519Key is not null)
        {
            if (rawSignature.Count != 64)
            {
                throw inner.Error($"an Ed25519 signature is 64 bytes, not {rawSignature.Count}");
            }
        }
        else if (key.EcdsaKey is not null)
        {
            var orderBytes = (key.EcdsaKey.Parameters.N.BitLength + 7) / 8;
            var pair = new SshWireReader(rawSignature.Array!, rawSignature.Offset, rawSignature.Count, Context);
            r = pair.ReadPositiveMpint("ecdsa r", orderBytes);
            s = pair.ReadPositiveMpint("ecdsa s", orderBytes);
            pair.RequireEnd();
        }
        else
        {
            var modulusBytes = (key.RsaNumbers!.Value.Modulus.BitLength + 7) / 8;
            // OpenSSH pads short RSA signatures, but always writes full-length ones; one encoding per signature.
            if (rawSignature.Count != modulusBytes)
            {
                throw inner.Error($"an RSA signature for this key is {modulusBytes} bytes, not {rawSignature.Count}");
            }
        }

        return new SshSignature(key, signatureNamespace, hashAlgorithm, signatureAlgorithm, Copy(rawSignature), r, s, flags, counter);
    }

    /// <summary>
    /// Verifies the signature over <paramref name="message"/>, read once and never buffered whole. This checks
    /// the namespace, the message and the key's signature only; whether the key is trusted is
    /// <see cref="AllowedSigners.Authorize"/>'s decision.
    /// </summary>
    /// <exception cref="IOException">Reading <paramref name="message"/> failed; nothing was decided.</exception>
    public SignatureCheck Verify(Stream message, string expectedNamespace)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        RequireNamespace(expectedNamespace);
        if (!string.Equals(Namespace, expectedNamespace, StringComparison.Ordinal))
        {
            return NamespaceMismatch(expectedNamespace);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithm == "sha512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = message.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return VerifyMessageHash(hash.GetHashAndReset());
    }

    public SignatureCheck Verify(byte[] message, string expectedNamespace)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        using var stream = new MemoryStream(message, writable: false);
        return Verify(stream, expectedNamespace);
    }

    internal static byte[] Dearmor(string armored)
    {
        if (armored.Length > MaximumArmoredLength)
        {
            throw new SshFormatException($"{Context}: {armored.Length} characters is far larger than any signature.");
        }

        if (!armored.StartsWith(ArmorHeader, StringComparison.Ordinal))
        {
            throw new SshFormatException($"{Context}: does not start with '{ArmorHeader}'.");
        }

        var bodyStart = ArmorHeader.Length;
        if (string.CompareOrdinal(armored, bodyStart, "\r\n", 0, 2) == 0)
        {
            bodyStart += 2;
        }
        else if (string.CompareOrdinal(armored, bodyStart, "\n", 0, 1) == 0)
        {
            bodyStart += 1;
        }
        else
        {
            throw new SshFormatException($"{Context}: the header line is not followed by a line break.");
        }

        var footer = armored.IndexOf("\n" + ArmorFooter, bodyStart - 1, StringComparison.Ordinal);
        if (footer < 0)
        {
            throw new SshFormatException($"{Context}: missing the '{ArmorFooter}' line.");
        }

        for (var i = footer + 1 + ArmorFooter.Length; i < armored.Length; i++)
        {
            if (!IsArmorWhitespace(armored[i]))
            {
                throw new SshFormatException($"{Context}: unexpected text after '{ArmorFooter}'.");
            }
        }

        var base64 = new StringBuilder(footer - bodyStart + 1);
        for (var i = bodyStart; i < footer; i++)
        {
            var c = armored[i];
            if (IsArmorWhitespace(c))
            {
                continue;
            }

            if (!IsBase64Character(c))
            {
                throw new SshFormatException($"{Context}: character {(c < 0x20 || c > 0x7e ? $"U+{(int)c:X4}" : "'" + c + "'")} is not base64.");
            }

            base64.Append(c);
        }

        var text = base64.ToString();
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new SshFormatException($"{Context}: the base64 body is malformed.");
        }

        // Only one text may stand for a blob: otherwise "untouched signature" would have many spellings.
        if (!string.Equals(Convert.ToBase64String(blob), text, StringComparison.Ordinal))
        {
            throw new SshFormatException($"{Context}: the base64 body is not canonically encoded.");
        }

        return blob;
    }

    private static void CheckAlgorithmFitsKey(SshWireReader reader, SshPublicKey key, string signatureAlgorithm)
    {
        if (key.RsaNumbers is not null)
        {
            if (signatureAlgorithm == "ssh-rsa")
            {
                throw reader.Error("'ssh-rsa' signatures use SHA-1 and are not accepted (sign with rsa-sha2-512, ssh-keygen's default)");
            }

            if (signatureAlgorithm != "rsa-sha2-256" && signatureAlgorithm != "rsa-sha2-512")
            {
                throw reader.Error($"signature algorithm '{SshPublicKey.Describe(signatureAlgorithm)}' does not fit an RSA key (expected rsa-sha2-256 or rsa-sha2-512)");
            }
        }
        else if (!string.Equals(signatureAlgorithm, key.KeyType, StringComparison.Ordinal))
        {
            throw reader.Error($"signature algorithm '{SshPublicKey.Describe(signatureAlgorithm)}' does not fit a {key.KeyType} key");
        }
    }

    private static void RequireNamespace(string expectedNamespace)
    {
        if (string.IsNullOrEmpty(expectedNamespace))
        {
            throw new ArgumentException("The expected namespace must be a non-empty string.", nameof(expectedNamespace));
        }
    }

    private static bool IsArmorWhitespace(char c) => c == '\n' || c == '\r' || c == ' ' || c == '\t';

    private static bool IsBase64Character(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';

    private static byte[] Copy(ArraySegment<byte> segment)
    {
        var copy = new byte[segment.Count];
        Buffer.BlockCopy(segment.Array!, segment.Offset, copy, 0, segment.Count);
        return copy;
    }

    private static byte[] Sha256(byte[] data)
    {
        using var sha256 = SHA256.Create();
        return sha256.ComputeHash(data);
    }

    private SignatureCheck NamespaceMismatch(string expectedNamespace) =>
        SignatureCheck.Invalid($"the signature was made for namespace '{SshPublicKey.Describe(Namespace)}', not '{SshPublicKey.Describe(expectedNamespace)}'.");

    private SignatureCheck VerifyMessageHash(byte[] messageHash)
    {
        // PROTOCOL.sshsig section 3. OpenSSH signs an empty reserved field whatever the blob carries, and so do we.
        var signedData = new SshWireWriter()
            .WriteRaw(Magic)
            .WriteString(Namespace)
            .WriteString(Array.Empty<byte>())
            .WriteString(HashAlgorithm)
            .WriteString(messageHash)
            .ToArray();

        bool valid;
        try
        {
            valid = PublicKey.IsSecurityKey ? VerifySecurityKey(signedData) : VerifyPlain(signedData);
        }
        catch (CryptoException)
        {
            valid = false;
        }
        catch (ArgumentException ex)
        {
            // BouncyCastle refuses the key itself, for example an RSA modulus with a small factor.
            return SignatureCheck.Invalid($"the {PublicKey.KeyType} key {PublicKey.Fingerprint} is unusable: {ex.Message.Split('\n')[0].TrimEnd('.')}.");
        }

        return valid
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid($"the {SignatureAlgorithm} signature by {PublicKey.Fingerprint} does not match the message.");
    }

    private bool VerifyPlain(byte[] signedData)
    {
        if (PublicKey.Ed25519Key is not null)
        {
            return VerifyEd25519(signedData);
        }

        if (PublicKey.EcdsaKey is not null)
        {
            IDigest digest = PublicKey.KeyType switch
            {
                SshPublicKey.EcdsaP256 => new Sha256Digest(),
                SshPublicKey.EcdsaP384 => new Sha384Digest(),
                _ => new Sha512Digest(),
            };
            return VerifyEcdsa(Digest(digest, signedData));
        }

        var signer = new RsaDigestSigner(SignatureAlgorithm == "rsa-sha2-256" ? new Sha256Digest() : new Sha512Digest());
        signer.Init(forSigning: false, PublicKey.RsaKey);
        signer.BlockUpdate(signedData, 0, signedData.Length);
        return signer.VerifySignature(_signatureBytes);
    }

    /// <summary>
    /// PROTOCOL.u2f: the authenticator signs SHA256(application) || flags || counter || SHA256(data),
    /// where data is the SSHSIG signed data.
    /// </summary>
    private bool VerifySecurityKey(byte[] signedData)
    {
        var authenticatorData = new SshWireWriter()
            .WriteRaw(Sha256(PublicKey.SecurityKeyApplication!))
            .WriteByte(_securityKeyFlags)
            .WriteUInt32(Counter!.Value)
            .WriteRaw(Sha256(signedData))
            .ToArray();
        return PublicKey.Ed25519Key is not null
            ? VerifyEd25519(authenticatorData)
            : VerifyEcdsa(Sha256(authenticatorData));
    }

    private bool VerifyEd25519(byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: false, PublicKey.Ed25519Key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.VerifySignature(_signatureBytes);
    }

    private bool VerifyEcdsa(byte[] hash)
    {
        var signer = new ECDsaSigner();
        signer.Init(forSigning: false, PublicKey.EcdsaKey);
        return signer.VerifySignature(hash, new BigInteger(1, _ecdsaR!), new BigInteger(1, _ecdsaS!));
    }

    private static byte[] Digest(IDigest digest, byte[] data)
    {
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }
}
