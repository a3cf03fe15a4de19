using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace Checkpoint.Core.Signatures;

/// <summary>An SSH public key of a type Checkpoint can verify signatures with.</summary>
public sealed class SshPublicKey : IEquatable<SshPublicKey>
{
    internal const string Ed25519 = "ssh-ed25519";
    internal const string EcdsaP256 = "ecdsa-sha2-nistp256";
    internal const string EcdsaP384 = "ecdsa-sha2-nistp384";
    internal const string EcdsaP521 = "ecdsa-sha2-nistp521";
    internal const string Rsa = "ssh-rsa";
    internal const string SkEd25519 = "sk-ssh-ed25519@openssh.com";
    internal const string SkEcdsaP256 = "sk-ecdsa-sha2-nistp256@openssh.com";

    // OpenSSH refuses RSA moduli below 1024 bits; a key that guards production gets a higher floor.
    internal const int MinimumRsaBits = 2048;

    // Distinct RSA keys whose verifier a process keeps (see RsaKey); a few trusted signers fit many times over.
    internal const int RsaKeyCacheCapacity = 32;

    // OpenSSH's own ceiling for RSA (SSHBUF_MAX_BIGNUM): bounds the work an attacker-chosen key can cause.
    internal const int MaximumRsaBits = 16384;

    private readonly byte[] _blob;

    private SshPublicKey(string keyType, byte[] blob)
    {
        KeyType = keyType;
        _blob = blob;
        Fingerprint = ComputeFingerprint(blob);
    }

    /// <summary><c>ssh-ed25519</c>, <c>ecdsa-sha2-nistp256|384|521</c>, <c>ssh-rsa</c>, <c>sk-ssh-ed25519@openssh.com</c> or <c>sk-ecdsa-sha2-nistp256@openssh.com</c>.</summary>
    public string KeyType { get; }

    /// <summary>A copy of the SSH wire-format public key blob.</summary>
    public byte[] Blob => (byte[])_blob.Clone();

    /// <summary><c>SHA256:</c> and the unpadded base64 of the blob's SHA-256, as <c>ssh-keygen -lf</c> prints it.</summary>
    public string Fingerprint { get; }

    /// <summary>True for FIDO security-key types, whose signatures carry a user-presence flag and a counter.</summary>
    public bool IsSecurityKey => KeyType == SkEd25519 || KeyType == SkEcdsaP256;

    internal Ed25519PublicKeyParameters? Ed25519Key { get; private set; }

    internal ECPublicKeyParameters? EcdsaKey { get; private set; }

    /// <summary>The RSA modulus and exponent; <see cref="RsaKey"/> builds the verifier's key from them on first use.</summary>
    internal (BigInteger Modulus, BigInteger Exponent)? RsaNumbers { get; private set; }

    /// <summary>
    /// BouncyCastle proves an RSA modulus composite when it builds the key, which costs tens of milliseconds
    /// for 3072 bits. Only verification needs it, so it happens then, once per distinct key per process.
    /// </summary>
    /// <exception cref="ArgumentException">BouncyCastle rejects the modulus.</exception>
    internal RsaKeyParameters RsaKey => RsaKeyCache.Get(RsaNumbers!.Value.Modulus, RsaNumbers.Value.Exponent);

    /// <summary>How many RSA verifier keys the process keeps; bounded, so attacker-chosen keys cannot grow it.</summary>
    internal static int CachedRsaKeyCount => RsaKeyCache.Count;

    /// <summary>The FIDO application string (usually <c>ssh:</c>) that security-key signatures commit to.</summary>
    internal byte[]? SecurityKeyApplication { get; private set; }

    /// <summary>Parses <c>&lt;type&gt; &lt;base64&gt; [comment]</c>, the form of authorized_keys, allowed_signers and <c>.pub</c> files.</summary>
    /// <exception cref="SshFormatException">The text is not a public key of a supported type.</exception>
    public static SshPublicKey Parse(string authorizedKeysStyleText)
    {
        if (authorizedKeysStyleText is null)
        {
            throw new ArgumentNullException(nameof(authorizedKeysStyleText));
        }

        var fields = authorizedKeysStyleText.Trim().Split(new[] { ' ', '\t' }, 3, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2)
        {
            throw new SshFormatException("SSH public key: expected '<type> <base64> [comment]'.");
        }

        return ParseFields(fields[0], fields[1]);
    }

    /// <exception cref="SshFormatException">The blob is not a public key of a supported type.</exception>
    public static SshPublicKey FromBlob(byte[] blob)
    {
        if (blob is null)
        {
            throw new ArgumentNullException(nameof(blob));
        }

        return Decode((byte[])blob.Clone(), "SSH public key");
    }

    public bool Equals(SshPublicKey? other)
    {
        if (other is null)
        {
            return false;
        }

        // Blobs are validated to be canonical on parse, so equal bytes is equal keys.
        return ReferenceEquals(this, other) || _blob.AsSpan().SequenceEqual(other._blob);
    }

    public override bool Equals(object? obj) => Equals(obj as SshPublicKey);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Fingerprint);

    /// <summary><c>&lt;type&gt; &lt;base64&gt;</c>, the form allowed_signers and authorized_keys use.</summary>
    public override string ToString() => KeyType + " " + Convert.ToBase64String(_blob);

    internal static SshPublicKey ParseFields(string typeField, string base64Field)
    {
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(base64Field);
        }
        catch (FormatException)
        {
            throw new SshFormatException($"SSH public key: the {Describe(typeField)} key's base64 is malformed.");
        }

        var key = Decode(decoded, "SSH public key");
        if (!string.Equals(key.KeyType, typeField, StringComparison.Ordinal))
        {
            throw new SshFormatException($"SSH public key: the text says '{Describe(typeField)}' but the key is '{key.KeyType}'.");
        }

        return key;
    }

    internal static SshPublicKey Decode(byte[] blob, string context)
    {
        var reader = new SshWireReader(blob, context);
        var keyType = reader.ReadText("key type");
        var key = new SshPublicKey(keyType, blob);
        switch (keyType)
        {
            case Ed25519:
                key.Ed25519Key = ReadEd25519(reader);
                break;
            case SkEd25519:
                key.Ed25519Key = ReadEd25519(reader);
                key.SecurityKeyApplication = ReadApplication(reader);
                break;
            case EcdsaP256:
            case EcdsaP384:
            case EcdsaP521:
                key.EcdsaKey = ReadEcdsa(reader, keyType.Substring("ecdsa-sha2-".Length));
                break;
            case SkEcdsaP256:
                key.EcdsaKey = ReadEcdsa(reader, "nistp256");
                key.SecurityKeyApplication = ReadApplication(reader);
                break;
            case Rsa:
                key.RsaNumbers = ReadRsa(reader);
                break;
            default:
                throw reader.Error(DescribeUnsupported(keyType));
        }

        reader.RequireEnd();
        return key;
    }

    internal static string DescribeUnsupported(string keyType)
    {
        if (keyType == "ssh-dss" || keyType.StartsWith("ssh-dss-", StringComparison.Ordinal))
        {
            return "DSA keys (ssh-dss) are not accepted: DSA is deprecated and OpenSSH removed it";
        }

        if (keyType.EndsWith("-cert-v01@openssh.com", StringComparison.Ordinal))
        {
            return $"certificate keys ({Describe(keyType)}) are not supported: list the signer's plain public key";
        }

        return $"unsupported key type '{Describe(keyType)}'";
    }

    /// <summary>Keeps attacker-chosen text short and printable inside a one-line message.</summary>
    internal static string Describe(string text)
    {
        const int limit = 64;
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, limit) + 3);
        foreach (var c in text)
        {
            if (builder.Length >= limit)
            {
                builder.Append("...");
                break;
            }

            // Control characters and Unicode line separators would break the one-line message.
            builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }

        return builder.ToString();
    }

    private static Ed25519PublicKeyParameters ReadEd25519(SshWireReader reader)
    {
        var point = reader.ReadSlice("ed25519 public key");
        if (point.Count != Ed25519PublicKeyParameters.KeySize)
        {
            throw reader.Error($"an Ed25519 public key is 32 bytes, not {point.Count}");
        }

        try
        {
            return new Ed25519PublicKeyParameters(point.Array!, point.Offset);
        }
        catch (ArgumentException)
        {
            throw reader.Error("the Ed25519 public key is not a valid curve point");
        }
    }

    private static ECPublicKeyParameters ReadEcdsa(SshWireReader reader, string expectedCurve)
    {
        var curve = reader.ReadText("curve name");
        if (!string.Equals(curve, expectedCurve, StringComparison.Ordinal))
        {
            throw reader.Error($"the key type names curve '{expectedCurve}' but the key says '{Describe(curve)}'");
        }

        var parameters = EcdsaCurve(curve);
        var encodedPoint = reader.ReadSlice("ecdsa public point");
        var fieldBytes = (parameters.Curve.FieldSize + 7) / 8;
        if (encodedPoint.Count != 1 + (2 * fieldBytes) || encodedPoint.Array![encodedPoint.Offset] != 0x04)
        {
            throw reader.Error($"the {curve} public point is not an uncompressed point of {1 + (2 * fieldBytes)} bytes");
        }

        try
        {
            var pointBytes = new byte[encodedPoint.Count];
            Buffer.BlockCopy(encodedPoint.Array, encodedPoint.Offset, pointBytes, 0, pointBytes.Length);
            var point = parameters.Curve.DecodePoint(pointBytes);
            if (point.IsInfinity || !point.IsValid())
            {
                throw reader.Error($"the {curve} public point is not on the curve");
            }

            return new ECPublicKeyParameters("ECDSA", point, parameters);
        }
        catch (ArgumentException)
        {
            throw reader.Error($"the {curve} public point is not on the curve");
        }
    }

    // Built once: the curves' precomputed tables for the generator live on these instances.
    private static readonly Lazy<ECDomainParameters> P256 = new Lazy<ECDomainParameters>(() => Domain("P-256"));
    private static readonly Lazy<ECDomainParameters> P384 = new Lazy<ECDomainParameters>(() => Domain("P-384"));
    private static readonly Lazy<ECDomainParameters> P521 = new Lazy<ECDomainParameters>(() => Domain("P-521"));

    private static ECDomainParameters EcdsaCurve(string curve) => curve switch
    {
        "nistp256" => P256.Value,
        "nistp384" => P384.Value,
        "nistp521" => P521.Value,
        _ => throw new SshFormatException($"SSH public key: unsupported ECDSA curve '{Describe(curve)}'."),
    };

    private static ECDomainParameters Domain(string name) => new ECDomainParameters(Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName(name));

    private static (BigInteger Modulus, BigInteger Exponent) ReadRsa(SshWireReader reader)
    {
        var exponent = reader.ReadPositiveMpint("rsa exponent", 8);
        var modulus = reader.ReadPositiveMpint("rsa modulus", MaximumRsaBits / 8);
        var n = new BigInteger(1, modulus);
        var e = new BigInteger(1, exponent);
        if (n.BitLength < MinimumRsaBits)
        {
            throw reader.Error($"RSA keys must have at least {MinimumRsaBits} bits; this one has {n.BitLength}");
        }

        if (e.BitLength < 2 || !e.TestBit(0))
        {
            throw reader.Error("the RSA public exponent is not an odd number above 1");
        }

        if (!n.TestBit(0))
        {
            throw reader.Error("the RSA modulus is even");
        }

        return (n, e);
    }

    private static class RsaKeyCache
    {
        private static readonly Dictionary<BigInteger, RsaKeyParameters> Keys = new Dictionary<BigInteger, RsaKeyParameters>();

        public static int Count
        {
            get
            {
                lock (Keys)
                {
                    return Keys.Count;
                }
            }
        }

        public static RsaKeyParameters Get(BigInteger modulus, BigInteger exponent)
        {
            lock (Keys)
            {
                if (Keys.TryGetValue(modulus, out var known) && known.Exponent.Equals(exponent))
                {
                    return known;
                }
            }

            var key = new RsaKeyParameters(isPrivate: false, modulus, exponent);
            lock (Keys)
            {
                if (Keys.Count >= RsaKeyCacheCapacity)
                {
                    Keys.Clear();
                }

                Keys[modulus] = key;
            }

            return key;
        }
    }

    private static byte[] ReadApplication(SshWireReader reader)
    {
        var application = reader.ReadText("security key application");
        return System.Text.Encoding.UTF8.GetBytes(application);
    }

    private static string ComputeFingerprint(byte[] blob)
    {
        using var sha256 = SHA256.Create();
        return "SHA256:" + Convert.ToBase64String(sha256.ComputeHash(blob)).TrimEnd('=');
    }
}
