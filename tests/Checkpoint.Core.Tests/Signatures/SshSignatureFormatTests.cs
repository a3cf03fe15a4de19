using System.Text;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// The SSHSIG blob and armor rules, field by field, with the exact message an approver reads. Each
/// input breaks one rule of a signature that is otherwise well formed, so the message can only come
/// from that rule.
/// </summary>
public sealed class SshSignatureFormatTests
{
    private const string Approval = "checkpoint-approval";
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("{\"digest\":\"sha256:0123\",\"approver\":\"alice@example.com\"}\n");
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SSHSIG");

    public static TheoryData<string, int, string> OuterFields => new()
    {
        // The field whose start the blob is cut at, how many of its fields are kept, and the message.
        { "magic preamble", 0, "SSH signature: truncated at field 'magic preamble' (needs 6 bytes, 0 remain)." },
        { "version", 1, "SSH signature: truncated at field 'version' (needs 4 bytes, 0 remain)." },
        { "public key", 2, "SSH signature: truncated at field 'public key length' (needs 4 bytes, 0 remain)." },
        { "namespace", 3, "SSH signature: truncated at field 'namespace length' (needs 4 bytes, 0 remain)." },
        { "reserved", 4, "SSH signature: truncated at field 'reserved length' (needs 4 bytes, 0 remain)." },
        { "hash algorithm", 5, "SSH signature: truncated at field 'hash algorithm length' (needs 4 bytes, 0 remain)." },
        { "signature", 6, "SSH signature: truncated at field 'signature length' (needs 4 bytes, 0 remain)." },
    };

    [Theory]
    [MemberData(nameof(OuterFields))]
    public void BlobCutAtTheStartOfAField_NamesThatField(string field, int keptFields, string message)
    {
        var signer = TestSigner.Ed25519(5);
        var parts = new List<byte[]>
        {
            Magic,
            new TestSigner.Wire().UInt32(1).ToArray(),
            new TestSigner.Wire().String(signer.PublicBlob).ToArray(),
            new TestSigner.Wire().String(Approval).ToArray(),
            new TestSigner.Wire().String(Array.Empty<byte>()).ToArray(),
            new TestSigner.Wire().String("sha512").ToArray(),
        };

        var blob = parts.Take(keptFields).SelectMany(part => part).ToArray();

        AssertRejected(blob, message, field);
    }

    public static TheoryData<string, string, string> InnerFields => new()
    {
        { "ed25519", "signature algorithm", "SSH signature: truncated at field 'signature algorithm length' (needs 4 bytes, 0 remain)." },
        { "ed25519", "signature bytes", "SSH signature: truncated at field 'signature bytes length' (needs 4 bytes, 0 remain)." },
        { "sk-ed25519", "security key flags", "SSH signature: truncated at field 'security key flags' (needs 1 bytes, 0 remain)." },
        { "sk-ed25519", "security key counter", "SSH signature: truncated at field 'security key counter' (needs 4 bytes, 0 remain)." },
        { "sk-ecdsa", "security key flags", "SSH signature: truncated at field 'security key flags' (needs 1 bytes, 0 remain)." },
    };

    [Theory]
    [MemberData(nameof(InnerFields))]
    public void SignatureFieldCutAtTheStartOfAField_NamesThatField(string key, string field, string message)
    {
        // The signature field is the last in the blob, so a cut there leaves nothing after it to read by mistake.
        var signer = key switch
        {
            "sk-ed25519" => TestSigner.SkEd25519(2),
            "sk-ecdsa" => TestSigner.SkEcdsaP256(3),
            _ => TestSigner.Ed25519(5),
        };
        var full = SignatureField(signer.SignBlob(Manifest));
        var reader = new SshWireReader(full, "test");
        var algorithm = reader.ReadBytes("algorithm");
        var bytes = reader.ReadBytes("bytes");
        var kept = field switch
        {
            "signature algorithm" => Array.Empty<byte>(),
            "signature bytes" => new TestSigner.Wire().String(algorithm).ToArray(),
            "security key flags" => new TestSigner.Wire().String(algorithm).String(bytes).ToArray(),
            _ => new TestSigner.Wire().String(algorithm).String(bytes).Byte(0x01).ToArray(),
        };

        AssertRejected(WithSignatureField(signer.SignBlob(Manifest), kept), message, field);
    }

    [Fact]
    public void LengthPastTheEnd_SaysHowManyBytesItClaims()
    {
        var blob = new TestSigner.Wire().Raw(Magic).UInt32(1).UInt32(40).Raw(new byte[10]).ToArray();

        AssertRejected(blob, "SSH signature: field 'public key' claims 40 bytes but only 10 remain.");
    }

    [Theory]
    [InlineData(0x00010001u, "SSH signature: version 65537 is not supported (only version 1).")]
    [InlineData(0x01000001u, "SSH signature: version 16777217 is not supported (only version 1).")]
    [InlineData(0x00000101u, "SSH signature: version 257 is not supported (only version 1).")]
    [InlineData(2u, "SSH signature: version 2 is not supported (only version 1).")]
    public void VersionOtherThanOne_IsRejectedWhicheverByteCarriesIt(uint version, string message)
    {
        var blob = TestSigner.Ed25519(5).SignBlob(Manifest, version: version);

        AssertRejected(blob, message);
    }

    [Fact]
    public void KeyInsideTheSignatureWithTrailingBytes_IsRejectedAsTheSignaturesKey()
    {
        var signer = TestSigner.Ed25519(5);
        var key = signer.PublicBlob.Concat(new byte[] { 0 }).ToArray();

        AssertRejected(Blob(key, Approval, "sha512", SignatureField(signer.SignBlob(Manifest))), "SSH signature public key: 1 unexpected trailing bytes.");
    }

    [Fact]
    public void EmptyNamespace_IsRejected()
    {
        var signer = TestSigner.Ed25519(5);

        AssertRejected(Blob(signer.PublicBlob, string.Empty, "sha512", SignatureField(signer.SignBlob(Manifest))), "SSH signature: the namespace is empty.");
    }

    [Theory]
    [InlineData(new byte[] { 0x00, (byte)'c', (byte)'p' }, "SSH signature: field 'namespace' contains a NUL byte.")]
    [InlineData(new byte[] { (byte)'c', 0x00 }, "SSH signature: field 'namespace' contains a NUL byte.")]
    [InlineData(new byte[] { (byte)'c', 0xC3, 0x28 }, "SSH signature: field 'namespace' is not valid UTF-8.")]
    [InlineData(new byte[] { 0xFF }, "SSH signature: field 'namespace' is not valid UTF-8.")]
    public void NamespaceThatIsNotText_IsRejected(byte[] signatureNamespace, string message)
    {
        var signer = TestSigner.Ed25519(5);
        var blob = new TestSigner.Wire().Raw(Magic).UInt32(1).String(signer.PublicBlob).String(signatureNamespace)
            .String(Array.Empty<byte>()).String("sha512").String(SignatureField(signer.SignBlob(Manifest))).ToArray();

        AssertRejected(blob, message);
    }

    [Fact]
    public void BytesAfterTheSignatureInsideItsField_AreRejected()
    {
        var blob = TestSigner.Ed25519(5).SignBlob(Manifest);
        var field = SignatureField(blob).Concat(new byte[] { 0 }).ToArray();

        AssertRejected(WithSignatureField(blob, field), "SSH signature: 1 unexpected trailing bytes.");
    }

    [Fact]
    public void Ed25519SignatureOfTheWrongLength_IsRejected()
    {
        var field = new TestSigner.Wire().String("ssh-ed25519").String(new byte[63]).ToArray();

        AssertRejected(WithSignatureField(TestSigner.Ed25519(5).SignBlob(Manifest), field), "SSH signature: an Ed25519 signature is 64 bytes, not 63.");
    }

    [Fact]
    public void RsaSignatureShorterThanTheModulus_IsRejected()
    {
        // OpenSSH pads a short RSA signature; ssh-keygen always writes the full length, so only that is accepted.
        var field = new TestSigner.Wire().String("rsa-sha2-512").String(new byte[255]).ToArray();

        AssertRejected(WithSignatureField(TestSigner.Rsa().SignBlob(Manifest), field), "SSH signature: an RSA signature for this key is 256 bytes, not 255.");
    }

    [Fact]
    public void RsaKeyWithTheSignatureAlgorithmOfAnotherKeyType_IsRejected()
    {
        var field = new TestSigner.Wire().String("ssh-ed25519").String(new byte[256]).ToArray();

        AssertRejected(
            WithSignatureField(TestSigner.Rsa().SignBlob(Manifest), field),
            "SSH signature: signature algorithm 'ssh-ed25519' does not fit an RSA key (expected rsa-sha2-256 or rsa-sha2-512).");
    }

    [Fact]
    public void RsaSignatureNotBelowTheModulus_DoesNotVerify()
    {
        var field = new TestSigner.Wire().String("rsa-sha2-512").String(Enumerable.Repeat((byte)0xFF, 256).ToArray()).ToArray();
        var signature = SshSignature.FromBlob(WithSignatureField(TestSigner.Rsa().SignBlob(Manifest), field));

        var check = signature.Verify(Manifest, Approval);

        Assert.False(check.IsValid);
        Assert.StartsWith("the rsa-sha2-512 signature by SHA256:", check.Failure, StringComparison.Ordinal);
        Assert.EndsWith("does not match the message.", check.Failure, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], byte[], string> EcdsaPairs => new()
    {
        { "negative r", new byte[] { 0x80, 0x01 }, new byte[] { 0x01 }, "SSH signature: field 'ecdsa r' is negative." },
        { "negative s", new byte[] { 0x01 }, new byte[] { 0xFF }, "SSH signature: field 'ecdsa s' is negative." },
        { "zero byte before a low byte in r", new byte[] { 0x00, 0x01 }, new byte[] { 0x01 }, "SSH signature: field 'ecdsa r' has a non-canonical leading zero." },
        { "zero byte before a low byte in s", new byte[] { 0x01 }, new byte[] { 0x00, 0x7F }, "SSH signature: field 'ecdsa s' has a non-canonical leading zero." },
        { "zero written as a zero byte, last in the blob", new byte[] { 0x01 }, new byte[] { 0x00 }, "SSH signature: field 'ecdsa s' has a non-canonical leading zero." },
        { "r longer than the curve's order", Enumerable.Repeat((byte)0x01, 33).ToArray(), new byte[] { 0x01 }, "SSH signature: field 'ecdsa r' is 33 bytes, more than the 32 allowed." },
        { "s longer than the curve's order", new byte[] { 0x01 }, new byte[] { 0x00 }.Concat(Enumerable.Repeat((byte)0x80, 33)).ToArray(), "SSH signature: field 'ecdsa s' is 33 bytes, more than the 32 allowed." },
    };

    [Theory]
    [MemberData(nameof(EcdsaPairs))]
    public void EcdsaNumbersOutsideTheirOneEncoding_AreRejected(string why, byte[] r, byte[] s, string message)
    {
        var pair = new TestSigner.Wire().String(r).String(s).ToArray();

        AssertRejected(EcdsaBlob(pair), message, why);
    }

    [Fact]
    public void EcdsaPairWithTrailingBytes_IsRejected()
    {
        var pair = new TestSigner.Wire().String(new byte[] { 0x01 }).String(new byte[] { 0x01 }).Byte(0).ToArray();

        AssertRejected(EcdsaBlob(pair), "SSH signature: 1 unexpected trailing bytes.");
    }

    [Fact]
    public void EcdsaNumbersOfEveryLengthUpToTheOrder_ParseAndAZeroNeverVerifies()
    {
        // Zero is the empty mpint; last in the blob, a reader that looked at its first byte would read past the end.
        var zeroS = SshSignature.FromBlob(EcdsaBlob(new TestSigner.Wire().String(new byte[] { 0x01 }).String(Array.Empty<byte>()).ToArray()));
        var widest = SshSignature.FromBlob(EcdsaBlob(new TestSigner.Wire()
            .String(new byte[] { 0x00 }.Concat(Enumerable.Repeat((byte)0xFF, 32)).ToArray())
            .String(Enumerable.Repeat((byte)0x7F, 32).ToArray()).ToArray()));

        Assert.False(zeroS.Verify(Manifest, Approval).IsValid);
        Assert.False(widest.Verify(Manifest, Approval).IsValid);
    }

    [Fact]
    public void P521Numbers_AreBoundedByItsOrderOf66Bytes()
    {
        var signer = TestSigner.Ecdsa("nistp521", 4);
        var sixtySix = new TestSigner.Wire().String(new byte[] { 0x01 }.Concat(new byte[65]).ToArray()).String(new byte[] { 0x01 }).ToArray();
        var sixtySeven = new TestSigner.Wire().String(new byte[] { 0x01 }.Concat(new byte[66]).ToArray()).String(new byte[] { 0x01 }).ToArray();
        var blob = signer.SignBlob(Manifest);

        SshSignature.FromBlob(WithSignatureField(blob, new TestSigner.Wire().String("ecdsa-sha2-nistp521").String(sixtySix).ToArray()));
        AssertRejected(
            WithSignatureField(blob, new TestSigner.Wire().String("ecdsa-sha2-nistp521").String(sixtySeven).ToArray()),
            "SSH signature: field 'ecdsa r' is 67 bytes, more than the 66 allowed.");
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ecdsa")]
    public void SecurityKeyCounterInAllFourBytes_IsReadAndSignedWhole(string kind)
    {
        var signer = kind == "ed25519" ? TestSigner.SkEd25519(seed: 2) : TestSigner.SkEcdsaP256(seed: 3);

        var signature = SshSignature.Parse(signer.Sign(Manifest, counter: 0x81828384));

        Assert.Equal(0x81828384u, signature.Counter);
        Assert.True(signature.Verify(Manifest, Approval).IsValid);
    }

    public static TheoryData<string, string, string> Armors
    {
        get
        {
            var valid = TestSigner.Ed25519(5).Sign(Manifest);
            var body = valid.Substring(SshSignature.ArmorHeader.Length + 1, valid.IndexOf("\n" + SshSignature.ArmorFooter, StringComparison.Ordinal) - SshSignature.ArmorHeader.Length - 1);
            return new()
            {
                { "header and body on one line", SshSignature.ArmorHeader + body + "\n" + SshSignature.ArmorFooter + "\n", "SSH signature: the header line is not followed by a line break." },
                { "nothing after the header", SshSignature.ArmorHeader, "SSH signature: the header line is not followed by a line break." },
                { "footer on the body's last line", SshSignature.ArmorHeader + "\n" + body + SshSignature.ArmorFooter + "\n", "SSH signature: missing the '-----END SSH SIGNATURE-----' line." },
                { "text glued to the footer", valid.TrimEnd('\n') + "X\n", "SSH signature: unexpected text after '-----END SSH SIGNATURE-----'." },
                { "text on the line after the footer", valid + "X", "SSH signature: unexpected text after '-----END SSH SIGNATURE-----'." },
                { "printable character", Insert(valid, "*"), "SSH signature: character '*' is not base64." },
                { "tilde, the last printable character", Insert(valid, "~"), "SSH signature: character '~' is not base64." },
                { "exclamation mark, the first printable character", Insert(valid, "!"), "SSH signature: character '!' is not base64." },
                { "control character", Insert(valid, "\u0001"), "SSH signature: character U+0001 is not base64." },
                { "delete", Insert(valid, "\u007F"), "SSH signature: character U+007F is not base64." },
                { "letter outside ASCII", Insert(valid, "\u00E9"), "SSH signature: character U+00E9 is not base64." },
                { "base64 cut in the middle of a group", SshSignature.ArmorHeader + "\nAAAAA\n" + SshSignature.ArmorFooter + "\n", "SSH signature: the base64 body is malformed." },
                { "bits set past the last byte", SshSignature.ArmorHeader + "\nAB==\n" + SshSignature.ArmorFooter + "\n", "SSH signature: the base64 body is not canonically encoded." },
                { "larger than any signature", valid + new string('\n', SshSignature.MaximumArmoredLength + 1 - valid.Length), "SSH signature: 65537 characters is far larger than any signature." },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Armors))]
    public void MalformedArmor_IsRejectedWithItsReason(string why, string armored, string message)
    {
        Assert.False(SshSignature.TryParse(armored, out var signature, out var error), why);

        Assert.Null(signature);
        Assert.Equal(message, error);
    }

    [Fact]
    public void ArmorOfExactlyTheLargestAcceptedLength_IsParsed()
    {
        var valid = TestSigner.Ed25519(5).Sign(Manifest);
        var padded = valid + new string('\n', SshSignature.MaximumArmoredLength - valid.Length);

        Assert.Equal(SshSignature.MaximumArmoredLength, padded.Length);
        Assert.True(SshSignature.Parse(padded).Verify(Manifest, Approval).IsValid);
    }

    [Fact]
    public void MissingInput_IsAProgrammingErrorOrANamedFailure()
    {
        var signature = SshSignature.Parse(TestSigner.Ed25519(5).Sign(Manifest));

        Assert.False(SshSignature.TryParse(null!, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal("SSH signature: no signature text.", error);
        Assert.Equal("armored", Assert.Throws<ArgumentNullException>(() => SshSignature.Parse(null!)).ParamName);
        Assert.Equal("blob", Assert.Throws<ArgumentNullException>(() => SshSignature.FromBlob(null!)).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => signature.Verify((Stream)null!, Approval)).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => signature.Verify((byte[])null!, Approval)).ParamName);
        var noNamespace = Assert.Throws<ArgumentException>(() => signature.Verify(Manifest, null!));
        Assert.Equal("expectedNamespace", noNamespace.ParamName);
        Assert.StartsWith("The expected namespace must be a non-empty string.", noNamespace.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_DescribeThemselves()
    {
        var signature = SshSignature.Parse(TestSigner.Ed25519(5).Sign(Manifest));

        Assert.Equal("valid", signature.Verify(Manifest, Approval).ToString());
        Assert.Equal("invalid: the signature was made for namespace 'checkpoint-approval', not 'git'.", signature.Verify(Manifest, "git").ToString());
        Assert.Equal("Malformed SSH data.", new SshFormatException().Message);

        var signers = AllowedSigners.Parse("# trusted\nalice@example.com " + signature.PublicKey + "\n", "allowed_signers");
        var now = DateTimeOffset.UtcNow;
        Assert.Equal("trusted by line 2", signers.Authorize("alice@example.com", signature.PublicKey, Approval, now).ToString());
        Assert.StartsWith("untrusted: ", signers.Authorize("bob@example.com", signature.PublicKey, Approval, now).ToString(), StringComparison.Ordinal);
    }

    private static void AssertRejected(byte[] blob, string message, string? why = null)
    {
        Assert.False(SshSignature.TryParse(TestSigner.Armor(blob), out var signature, out var error), why);
        Assert.Null(signature);
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<SshFormatException>(() => SshSignature.FromBlob(blob)).Message);
    }

    private static byte[] Blob(byte[] key, string signatureNamespace, string hashAlgorithm, byte[] signatureField) =>
        new TestSigner.Wire().Raw(Magic).UInt32(1).String(key).String(signatureNamespace).String(Array.Empty<byte>())
            .String(hashAlgorithm).String(signatureField).ToArray();

    private static byte[] EcdsaBlob(byte[] pair) =>
        WithSignatureField(TestSigner.Ecdsa("nistp256", 4).SignBlob(Manifest), new TestSigner.Wire().String("ecdsa-sha2-nistp256").String(pair).ToArray());

    /// <summary>The content of the last field of a signature blob: algorithm, signature bytes and any security-key data.</summary>
    private static byte[] SignatureField(byte[] blob)
    {
        var reader = new SshWireReader(blob, "test");
        reader.ReadMagic(Magic, "magic");
        reader.ReadUInt32("version");
        reader.ReadBytes("key");
        reader.ReadBytes("namespace");
        reader.ReadBytes("reserved");
        reader.ReadBytes("hash");
        return reader.ReadBytes("signature");
    }

    private static byte[] WithSignatureField(byte[] blob, byte[] field)
    {
        var old = SignatureField(blob);
        var head = blob.Take(blob.Length - old.Length - 4);
        return head.Concat(new TestSigner.Wire().String(field).ToArray()).ToArray();
    }

    private static string Insert(string armored, string text) => armored.Insert(SshSignature.ArmorHeader.Length + 1 + 10, text);
}
