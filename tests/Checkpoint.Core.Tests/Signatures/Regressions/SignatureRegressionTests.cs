using System.Text;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures.Regressions;

/// <summary>
/// SSHSIG inputs that once broke, or would break a naive parser or verifier, kept so they stay handled.
/// Add fuzz findings here as (why, armored text, message); the fuzz failure output gives both in base64,
/// which <see cref="FromBase64"/> decodes.
/// </summary>
public sealed class SignatureRegressionTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes(SignatureVectors.Message);

    public static TheoryData<string, string> Inputs => new()
    {
        {
            // Found while making RSA keys lazy: BouncyCastle throws ArgumentException when it builds a key whose
            // modulus has a small factor; Verify must turn that into an invalid check, not an exception.
            "RSA key whose modulus has a small prime factor",
            TestSigner.Armor(WithRsaModulusDivisibleBy3(SignatureBlob(SignatureVectors.Rsa3072Signature)))
        },
        {
            "length field of the public key is 0xFFFFFFFF",
            TestSigner.Armor(Edit(SignatureBlob(SignatureVectors.Ed25519Signature), blob => blob[10] = blob[11] = blob[12] = blob[13] = 0xFF))
        },
        { "armor with an empty body", SshSignature.ArmorHeader + "\n" + SshSignature.ArmorFooter + "\n" },
        { "armor with only a header", SshSignature.ArmorHeader + "\n" },
        { "Unicode line separator inside the body", SignatureVectors.Ed25519Signature.Replace("\n", "\n\u2028", StringComparison.Ordinal) },
        { "padding in the middle of the base64", SignatureVectors.Ed25519Signature.Insert(SshSignature.ArmorHeader.Length + 5, "==") },
        { "ECDSA signature with r = 0", TestSigner.Armor(ZeroEcdsaR(SignatureBlob(SignatureVectors.EcdsaP256Signature))) },
        { "security-key signature missing its counter", TestSigner.Armor(SignatureBlob(TestSigner.SkEd25519(15).Sign(Message))[..^4]) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void OnceFailingInput_IsNowRejectedCleanly(string why, string armored)
    {
        var problem = SignatureFuzzOracle.Check(armored, Message, Array.Empty<byte[]>());

        Assert.True(problem is null, why + ": " + problem);
    }

    [Fact]
    public void RsaKeyWithSmallFactor_IsReportedAsUnusable()
    {
        var signature = SshSignature.Parse(TestSigner.Armor(WithRsaModulusDivisibleBy3(SignatureBlob(SignatureVectors.Rsa3072Signature))));

        var check = signature.Verify(Message, SignatureFuzzOracle.Approval);

        Assert.False(check.IsValid);
        Assert.Contains("is unusable", check.Failure, StringComparison.Ordinal);
    }

    internal static string FromBase64(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private static byte[] SignatureBlob(string armored) => SshSignature.Dearmor(armored);

    private static byte[] Edit(byte[] blob, Action<byte[]> edit)
    {
        edit(blob);
        return blob;
    }

    /// <summary>Rebuilds an RSA SSHSIG blob with a same-length odd modulus divisible by 3, so it parses and reaches the verifier.</summary>
    private static byte[] WithRsaModulusDivisibleBy3(byte[] blob)
    {
        var reader = new SshWireReader(blob, "test");
        reader.ReadMagic(Encoding.ASCII.GetBytes("SSHSIG"), "magic");
        var version = reader.ReadUInt32("version");
        var key = new SshWireReader(reader.ReadBytes("key"), "key");
        var rest = blob[(blob.Length - reader.Remaining)..];
        key.ReadBytes("type");
        var exponent = key.ReadBytes("e");
        var modulus = new Org.BouncyCastle.Math.BigInteger(1, key.ReadPositiveMpint("n", 4096));
        while (modulus.Mod(Org.BouncyCastle.Math.BigInteger.Three).SignValue != 0)
        {
            modulus = modulus.Add(Org.BouncyCastle.Math.BigInteger.Two);
        }
        var newKey = new TestSigner.Wire().String("ssh-rsa").String(exponent).Mpint(modulus).ToArray();
        return new TestSigner.Wire().Raw(Encoding.ASCII.GetBytes("SSHSIG")).UInt32(version).String(newKey).Raw(rest).ToArray();
    }

    private static byte[] ZeroEcdsaR(byte[] blob)
    {
        var reader = new SshWireReader(blob, "test");
        reader.ReadMagic(Encoding.ASCII.GetBytes("SSHSIG"), "magic");
        var version = reader.ReadUInt32("version");
        var key = reader.ReadBytes("key");
        var ns = reader.ReadBytes("namespace");
        var reserved = reader.ReadBytes("reserved");
        var hash = reader.ReadBytes("hash");
        var signature = new SshWireReader(reader.ReadBytes("signature"), "signature");
        var algorithm = signature.ReadBytes("algorithm");
        var pair = new SshWireReader(signature.ReadBytes("pair"), "pair");
        pair.ReadBytes("r");
        var s = pair.ReadBytes("s");
        var newPair = new TestSigner.Wire().String(Array.Empty<byte>()).String(s).ToArray();
        var newSignature = new TestSigner.Wire().String(algorithm).String(newPair).ToArray();
        return new TestSigner.Wire().Raw(Encoding.ASCII.GetBytes("SSHSIG")).UInt32(version).String(key).String(ns).String(reserved).String(hash).String(newSignature).ToArray();
    }
}
