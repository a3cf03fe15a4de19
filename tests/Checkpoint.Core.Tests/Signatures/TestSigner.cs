using System.Security.Cryptography;
using System.Text;
using Checkpoint.Core.Signatures;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// Builds SSHSIG signatures in the test, following PROTOCOL.sshsig and PROTOCOL.u2f, for what ssh-keygen
/// here cannot make: security-key (sk-*) signatures without hardware, rsa-sha2-256 (OpenSSH 9.2 always
/// signs rsa-sha2-512), and correctly signed blobs that break one rule (version 2, sha1, ssh-rsa).
/// Keys come from a fixed seed so fuzzing is reproducible.
/// </summary>
internal sealed class TestSigner
{
    private const string RsaModulusHex =
        "00b0b58dffad07a8736e3332b4f6fd9dcf147ac57acf5338f0cf8e1053687c4233bd35574d206f1e132db8a414a64683"
        + "bee8e9769cabd02467651426a2277e1147fa11f73ad57e2fc3545980b85b60229d5e252d597246b0d709c63e12aee3f4"
        + "5880146df75d07edb3be122262c4230667fa924c4ec00fea5b061ae68b5ee1c81f83c50e089508d2e9d0891965b19582"
        + "cb67ea8761c900d0ae8e6611b06d4af467d7ef0137382c9f2f6eb94536f3cbe73a745ceedc59841eb0166a6e1d7776f4"
        + "7fe3b1cab05bfff2365ed515dad16a675ec15dda4ce8fd20c13cd1f8547f5e03737a39165343e822e6b9a6a1a650dc77"
        + "a2ab29e5c4fd5b099ff3daae4599b249c5";

    private const string RsaPrivateExponentHex =
        "04c52c4eb18d85850c972a204ec6619a586c6f04990a128a1471142ca509ad48075fca9a134037da78c8f22bc5eeb6ad"
        + "0c1a3f4d664fc18e38c78ea0d413fe6454f8b04900c04aa44947aea69e97a739290134045846235a0eb8bda1879564a6"
        + "aac075a1b06212f579584e7a065eed13fecae3bc5a4970802e710f294617e1869f8331050177e42b19d736a645eb54ca"
        + "5f4115c239b34cc3b3df7956d8dbba4eca2bc926dee71a314e3b480727d4b22acd7938d4deb013f7b217aeef5babc778"
        + "c372ad121b57ccc58dc2e623202779558e0ba167446ec93aaf00e52b2be639e3187b61a9a876dba59bcfdb3668aa6b06"
        + "f797598cfa6db38e39c57bc7374bde81";

    private readonly string _keyType;
    private readonly AsymmetricKeyParameter _privateKey;
    private readonly string? _curve;
    private readonly string _application;

    private TestSigner(string keyType, AsymmetricKeyParameter privateKey, byte[] publicBlob, string? curve = null, string application = "ssh:")
    {
        this._keyType = keyType;
        this._privateKey = privateKey;
        PublicBlob = publicBlob;
        this._curve = curve;
        this._application = application;
    }

    public byte[] PublicBlob { get; }

    public SshPublicKey PublicKey => SshPublicKey.FromBlob(PublicBlob);

    public string AllowedSignersKey => PublicKey.ToString();

    public static TestSigner Ed25519(int seed) => Ed25519Type("ssh-ed25519", seed, sk: false);

    public static TestSigner SkEd25519(int seed, string application = "ssh:") => Ed25519Type("sk-ssh-ed25519@openssh.com", seed, sk: true, application);

    public static TestSigner Ecdsa(string curveName, int seed) => EcdsaType("ecdsa-sha2-" + curveName, curveName, seed, sk: false);

    public static TestSigner SkEcdsaP256(int seed, string application = "ssh:") => EcdsaType("sk-ecdsa-sha2-nistp256@openssh.com", "nistp256", seed, sk: true, application);

    /// <summary>
    /// A fixed RSA-2048 test key (made once with openssl): generating one with a seeded random takes seconds
    /// on a busy CI machine. Test-only key material; it guards nothing.
    /// </summary>
    public static TestSigner Rsa()
    {
        var modulus = new BigInteger(RsaModulusHex, 16);
        var privateKey = new RsaKeyParameters(isPrivate: true, modulus, new BigInteger(RsaPrivateExponentHex, 16));
        var blob = new Wire().String("ssh-rsa").Mpint(BigInteger.ValueOf(65537)).Mpint(modulus).ToArray();
        return new TestSigner("ssh-rsa", privateKey, blob);
    }

    /// <summary>Signs <paramref name="message"/> and armors it the way ssh-keygen does. Every knob defaults to what ssh-keygen writes.</summary>
    public string Sign(
        byte[] message,
        string signatureNamespace = "checkpoint-approval",
        string hashAlgorithm = "sha512",
        string? signatureAlgorithm = null,
        uint version = 1,
        byte flags = 0x01,
        uint counter = 7,
        string? signedNamespace = null,
        string? signedHashAlgorithm = null) =>
        Armor(SignBlob(message, signatureNamespace, hashAlgorithm, signatureAlgorithm, version, flags, counter, signedNamespace, signedHashAlgorithm));

    public byte[] SignBlob(
        byte[] message,
        string signatureNamespace = "checkpoint-approval",
        string hashAlgorithm = "sha512",
        string? signatureAlgorithm = null,
        uint version = 1,
        byte flags = 0x01,
        uint counter = 7,
        string? signedNamespace = null,
        string? signedHashAlgorithm = null)
    {
        var messageHash = hashAlgorithm switch
        {
            "sha256" => SHA256.HashData(message),
            "sha512" => SHA512.HashData(message),
            "sha1" => SHA1.HashData(message),
            "md5" => MD5.HashData(message),
            _ => throw new ArgumentException(hashAlgorithm),
        };
        var signedData = new Wire()
            .Raw(Encoding.ASCII.GetBytes("SSHSIG"))
            .String(signedNamespace ?? signatureNamespace)
            .String(Array.Empty<byte>())
            .String(signedHashAlgorithm ?? hashAlgorithm)
            .String(messageHash)
            .ToArray();
        var algorithm = signatureAlgorithm ?? (_keyType == "ssh-rsa" ? "rsa-sha2-512" : _keyType);
        var signatureField = _keyType switch
        {
            "ssh-ed25519" => new Wire().String(algorithm).String(Ed25519Sign(signedData)).ToArray(),
            "sk-ssh-ed25519@openssh.com" => new Wire().String(algorithm).String(Ed25519Sign(AuthenticatorData(signedData, flags, counter))).Byte(flags).UInt32(counter).ToArray(),
            "sk-ecdsa-sha2-nistp256@openssh.com" => new Wire().String(algorithm).String(EcdsaSign(SHA256.HashData(AuthenticatorData(signedData, flags, counter)))).Byte(flags).UInt32(counter).ToArray(),
            "ssh-rsa" => new Wire().String(algorithm).String(RsaSign(signedData, algorithm)).ToArray(),
            _ => new Wire().String(algorithm).String(EcdsaSign(EcdsaHash(signedData))).ToArray(),
        };
        return new Wire()
            .Raw(Encoding.ASCII.GetBytes("SSHSIG"))
            .UInt32(version)
            .String(PublicBlob)
            .String(signatureNamespace)
            .String(Array.Empty<byte>())
            .String(hashAlgorithm)
            .String(signatureField)
            .ToArray();
    }

    /// <summary>ssh-keygen's armor: header, base64 in 70-column lines, footer, trailing newline.</summary>
    public static string Armor(byte[] blob)
    {
        var base64 = Convert.ToBase64String(blob);
        var text = new StringBuilder(SshSignature.ArmorHeader).Append('\n');
        for (var i = 0; i < base64.Length; i += 70)
        {
            text.Append(base64, i, Math.Min(70, base64.Length - i)).Append('\n');
        }

        return text.Append(SshSignature.ArmorFooter).Append('\n').ToString();
    }

    private static TestSigner Ed25519Type(string type, int seed, bool sk, string application = "ssh:")
    {
        var privateKey = new Ed25519PrivateKeyParameters(SeededBytes(seed, 32));
        var publicKey = privateKey.GeneratePublicKey().GetEncoded();
        var blob = new Wire().String(type).String(publicKey);
        if (sk)
        {
            blob.String(application);
        }

        return new TestSigner(type, privateKey, blob.ToArray(), application: application);
    }

    private static TestSigner EcdsaType(string type, string curveName, int seed, bool sk, string application = "ssh:")
    {
        var parameters = new ECDomainParameters(Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("P-" + curveName.Substring("nistp".Length)));
        var d = new BigInteger(1, SeededBytes(seed, 64)).Mod(parameters.N.Subtract(BigInteger.One)).Add(BigInteger.One);
        var privateKey = new ECPrivateKeyParameters(d, parameters);
        var point = parameters.G.Multiply(d).Normalize().GetEncoded(compressed: false);
        var blob = new Wire().String(type).String(curveName).String(point);
        if (sk)
        {
            blob.String(application);
        }

        return new TestSigner(type, privateKey, blob.ToArray(), curveName, application);
    }

    private static byte[] SeededBytes(int seed, int count)
    {
        var bytes = new byte[count];
        SeededRandom(seed).NextBytes(bytes);
        return bytes;
    }

    private static SecureRandom SeededRandom(int seed)
    {
        var random = SecureRandom.GetInstance("SHA256PRNG", autoSeed: false);
        random.SetSeed(Encoding.ASCII.GetBytes("checkpoint-test-key-" + seed));
        return random;
    }

    private byte[] AuthenticatorData(byte[] signedData, byte flags, uint counter) =>
        new Wire().Raw(SHA256.HashData(Encoding.UTF8.GetBytes(_application))).Byte(flags).UInt32(counter).Raw(SHA256.HashData(signedData)).ToArray();

    private byte[] Ed25519Sign(byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    private byte[] EcdsaHash(byte[] data) => _curve switch
    {
        "nistp256" => SHA256.HashData(data),
        "nistp384" => SHA384.HashData(data),
        _ => SHA512.HashData(data),
    };

    private byte[] EcdsaSign(byte[] hash)
    {
        // Deterministic k (RFC 6979) keeps fuzz inputs identical from run to run.
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(forSigning: true, _privateKey);
        var rs = signer.GenerateSignature(hash);
        return new Wire().Mpint(rs[0]).Mpint(rs[1]).ToArray();
    }

    private byte[] RsaSign(byte[] data, string algorithm)
    {
        IDigest digest = algorithm switch
        {
            "rsa-sha2-256" => new Sha256Digest(),
            "ssh-rsa" => new Sha1Digest(),
            _ => new Sha512Digest(),
        };
        var signer = new RsaDigestSigner(digest);
        signer.Init(forSigning: true, _privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        var signature = signer.GenerateSignature();
        var modulusBytes = (((RsaKeyParameters)_privateKey).Modulus.BitLength + 7) / 8;
        return signature.Length == modulusBytes ? signature : new byte[modulusBytes - signature.Length].Concat(signature).ToArray();
    }

    /// <summary>RFC 4251 encoder for building test blobs.</summary>
    internal sealed class Wire
    {
        private readonly MemoryStream _stream = new();

        public Wire Raw(byte[] bytes)
        {
            _stream.Write(bytes);
            return this;
        }

        public Wire Byte(byte value)
        {
            _stream.WriteByte(value);
            return this;
        }

        public Wire UInt32(uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            _stream.Write(bytes);
            return this;
        }

        public Wire String(byte[] bytes) => UInt32((uint)bytes.Length).Raw(bytes);

        public Wire String(string text) => String(Encoding.UTF8.GetBytes(text));

        public Wire Mpint(BigInteger value) => String(value.ToByteArray());

        public byte[] ToArray() => _stream.ToArray();
    }
}
