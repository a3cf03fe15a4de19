using System.Text;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

[Collection(OpenSshCollection.Name)]
public sealed class SshSignatureTests
{
    private const string Approval = "checkpoint-approval";
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("{\"digest\":\"sha256:0123\",\"approver\":\"alice@example.com\"}\n");

    private readonly GeneratedKeys _keys;

    public SshSignatureTests(GeneratedKeys keys) => this._keys = keys;

    public static IEnumerable<object[]> KeysAndHashes =>
        GeneratedKeys.Names.SelectMany(name => new[] { new object[] { name[0], "sha512" }, new object[] { name[0], "sha256" } });

    [Theory]
    [MemberData(nameof(KeysAndHashes))]
    public void SignatureFromSshKeygen_Verifies_AndOpenSshAgrees(string keyName, string hashAlgorithm)
    {
        var key = _keys[keyName];
        var armored = _keys.Sign(keyName, Manifest, Approval, hashAlgorithm);

        var signature = SshSignature.Parse(armored);
        var check = signature.Verify(Manifest, Approval);

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(1, signature.Version);
        Assert.Equal(Approval, signature.Namespace);
        Assert.Equal(hashAlgorithm, signature.HashAlgorithm);
        Assert.Equal(key.PublicKey, signature.PublicKey);
        Assert.Equal(keyName.StartsWith("rsa", StringComparison.Ordinal) ? "rsa-sha2-512" : key.PublicKey.KeyType, signature.SignatureAlgorithm);
        Assert.Null(signature.UserPresent);
        Assert.Null(signature.Counter);
        var openSsh = _keys.Verify($"alice@example.com {key.PublicKeyText}\n", "alice@example.com", Approval, armored, Manifest);
        Assert.True(openSsh.Accepted, openSsh.Output);
    }

    [Theory]
    [MemberData(nameof(GeneratedKeys.Names), MemberType = typeof(GeneratedKeys))]
    public void VerifyingFromStream_GivesTheSameAnswerAsFromBytes(string keyName)
    {
        var large = new byte[300_000];
        new Random(4).NextBytes(large);
        var signature = SshSignature.Parse(_keys.Sign(keyName, large));

        using var stream = new MemoryStream(large);
        Assert.True(signature.Verify(stream, Approval).IsValid);
        large[299_999] ^= 1;
        using var tampered = new MemoryStream(large);
        Assert.False(signature.Verify(tampered, Approval).IsValid);
    }

    [Fact]
    public void VerifyingALargeMessage_ReadsItOnceWithoutBufferingIt()
    {
        var large = new byte[16 * 1024 * 1024];
        new Random(9).NextBytes(large);
        var signature = SshSignature.Parse(TestSigner.Ed25519(9).Sign(large));
        using var stream = new ForwardOnlyStream(large);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var check = signature.Verify(stream, Approval);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(check.IsValid, check.Failure);
        Assert.True(allocated < 1024 * 1024, $"verifying a 16 MiB message allocated {allocated} bytes");
    }

    [Fact]
    public void RsaSha256Signature_Verifies()
    {
        // OpenSSH 9.2 always signs rsa-sha2-512, so this signature is built in the test following PROTOCOL.sshsig.
        var signer = TestSigner.Rsa();
        var signature = SshSignature.Parse(signer.Sign(Manifest, signatureAlgorithm: "rsa-sha2-256", hashAlgorithm: "sha256"));

        Assert.Equal("rsa-sha2-256", signature.SignatureAlgorithm);
        Assert.True(signature.Verify(Manifest, Approval).IsValid);
    }

    [Theory]
    [InlineData("ed25519", (byte)0x01, true)]
    [InlineData("ed25519", (byte)0x00, false)]
    [InlineData("ecdsa", (byte)0x05, true)]
    [InlineData("ecdsa", (byte)0x04, false)]
    public void SecurityKeySignature_Verifies_AndRecordsUserPresence(string kind, byte flags, bool userPresent)
    {
        // No FIDO hardware here: the authenticator's output is built in the test following PROTOCOL.u2f.
        var signer = kind == "ed25519" ? TestSigner.SkEd25519(seed: 2) : TestSigner.SkEcdsaP256(seed: 3);
        var signature = SshSignature.Parse(signer.Sign(Manifest, flags: flags, counter: 4242));

        Assert.True(signature.Verify(Manifest, Approval).IsValid);
        Assert.Equal(userPresent, signature.UserPresent);
        Assert.Equal(4242u, signature.Counter);
        Assert.Equal(signer.PublicKey, signature.PublicKey);
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ecdsa")]
    public void SecurityKeySignature_WithForgedFlagsOrCounter_IsRejected(string kind)
    {
        var signer = kind == "ed25519" ? TestSigner.SkEd25519(seed: 2) : TestSigner.SkEcdsaP256(seed: 3);
        var blob = signer.SignBlob(Manifest, flags: 0x00, counter: 1);

        // The flags byte and the counter are the last five bytes of the blob; both are signed.
        var presenceClaimed = (byte[])blob.Clone();
        presenceClaimed[^5] = 0x01;
        var counterChanged = (byte[])blob.Clone();
        counterChanged[^1] = 2;

        Assert.False(SshSignature.FromBlob(presenceClaimed).Verify(Manifest, Approval).IsValid);
        Assert.False(SshSignature.FromBlob(counterChanged).Verify(Manifest, Approval).IsValid);
    }

    [Theory]
    [MemberData(nameof(GeneratedKeys.Names), MemberType = typeof(GeneratedKeys))]
    public void ApprovalSignedInGitNamespace_IsRejected(string keyName)
    {
        var armored = _keys.Sign(keyName, Manifest, "git");

        var check = SshSignature.Parse(armored).Verify(Manifest, Approval);

        Assert.False(check.IsValid);
        Assert.Contains("'git'", check.Failure, StringComparison.Ordinal);
        var openSsh = _keys.Verify($"alice@example.com {_keys[keyName].PublicKeyText}\n", "alice@example.com", Approval, armored, Manifest);
        Assert.False(openSsh.Accepted);
    }

    public static TheoryData<string, Func<GeneratedKeys, string>, string> Tampering => new()
    {
        {
            "flipped byte in the signature",
            keys => Rearmor(keys.Sign("ed25519", Manifest), blob => blob[^10] ^= 0x20),
            "does not match"
        },
        { "file namespace", keys => keys.Sign("ed25519", Manifest, "file"), "namespace 'file'" },
        { "version 2", keys => Rearmor(keys.Sign("ed25519", Manifest), blob => blob[9] = 2), "version 2" },
        { "sha1 hash", _ => TestSigner.Ed25519(5).Sign(Manifest, hashAlgorithm: "sha1"), "'sha1'" },
        { "md5 hash", _ => TestSigner.Ed25519(5).Sign(Manifest, hashAlgorithm: "md5"), "'md5'" },
        { "ssh-rsa (SHA-1) signature", _ => TestSigner.Rsa().Sign(Manifest, signatureAlgorithm: "ssh-rsa"), "SHA-1" },
        { "signature algorithm of another key type", _ => TestSigner.Ed25519(5).Sign(Manifest, signatureAlgorithm: "ecdsa-sha2-nistp256"), "does not fit" },
        { "webauthn security-key signature", _ => TestSigner.SkEcdsaP256(3).Sign(Manifest, signatureAlgorithm: "webauthn-sk-ecdsa-sha2-nistp256@openssh.com"), "does not fit" },
        { "plain Ed25519 signature claimed by a security key", _ => TestSigner.SkEd25519(2).Sign(Manifest, signatureAlgorithm: "ssh-ed25519"), "does not fit" },
        { "namespace changed after signing", _ => TestSigner.Ed25519(5).Sign(Manifest, signatureNamespace: Approval, signedNamespace: "git"), "does not match" },
        { "trailing garbage in the blob", keys => Rearmor(keys.Sign("ed25519", Manifest), append: new byte[] { 0 }), "trailing" },
        { "text after the footer", keys => keys.Sign("ed25519", Manifest) + "extra\n", "after" },
        { "missing header", keys => keys.Sign("ed25519", Manifest).Substring(5), "does not start" },
        { "missing footer", keys => keys.Sign("ed25519", Manifest).Replace("-----END SSH SIGNATURE-----", string.Empty, StringComparison.Ordinal), "missing" },
        { "bad base64", keys => InsertAfterHeader(keys.Sign("ed25519", Manifest), "*"), "not base64" },
        { "blob truncated in the version field", keys => Rearmor(keys.Sign("ed25519", Manifest), truncateTo: 8), "truncated" },
        { "blob truncated inside the signature", keys => Rearmor(keys.Sign("ed25519", Manifest), truncateTo: 120), "claims" },
        { "oversized length field", keys => Rearmor(keys.Sign("ed25519", Manifest), blob => blob[10] = 0xFF), "claims" },
        { "non-empty reserved field", _ => TestSigner.Armor(WithReserved(TestSigner.Ed25519(5).SignBlob(Manifest))), "reserved" },
        { "armor far larger than any signature", keys => InsertAfterHeader(keys.Sign("ed25519", Manifest), new string('A', 70_000)), "far larger" },
        { "magic preamble", keys => Rearmor(keys.Sign("ed25519", Manifest), blob => blob[0] = (byte)'X'), "SSHSIG" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void TamperedSignature_IsRejectedWithReason(string tampering, Func<GeneratedKeys, string> makeSignature, string reason)
    {
        var armored = makeSignature(_keys);

        string failure;
        if (SshSignature.TryParse(armored, out var signature, out var error))
        {
            var check = signature!.Verify(Manifest, Approval);
            Assert.False(check.IsValid, tampering);
            failure = check.Failure!;
        }
        else
        {
            failure = error!;
        }

        Assert.Contains(reason, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Theory]
    [MemberData(nameof(GeneratedKeys.Names), MemberType = typeof(GeneratedKeys))]
    public void FlippedByteInMessage_IsRejected(string keyName)
    {
        var signature = SshSignature.Parse(_keys.Sign(keyName, Manifest));
        var tampered = (byte[])Manifest.Clone();
        tampered[3] ^= 0x01;

        var check = signature.Verify(tampered, Approval);

        Assert.False(check.IsValid);
        Assert.Contains("does not match the message", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureWithCrLfLineEndings_Verifies()
    {
        // A checkout with core.autocrlf=true rewrites the .sig file; the blob is unchanged, so it must still verify.
        var armored = _keys.Sign("ed25519", Manifest).Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.True(SshSignature.Parse(armored).Verify(Manifest, Approval).IsValid);
    }

    [Fact]
    public void DsaSignatureFromSshKeygen_IsRejected()
    {
        var dsaPublic = _keys.MakeKey("dsa-signer", "-t", "dsa");
        var file = Path.Combine(_keys.Directory, "dsa-message");
        File.WriteAllBytes(file, Manifest);
        var (exitCode, output) = _keys.Run("-Y", "sign", "-f", dsaPublic[..^4], "-n", Approval, file);
        Assert.True(exitCode == 0, output);

        Assert.False(SshSignature.TryParse(File.ReadAllText(file + ".sig"), out _, out var error));
        Assert.Contains("DSA keys (ssh-dss) are not accepted", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DsaKey_IsRejected()
    {
        var dsaKey = new TestSigner.Wire().String("ssh-dss").String(new byte[] { 1 }).String(new byte[] { 1 }).String(new byte[] { 1 }).String(new byte[] { 1 }).ToArray();
        var blob = new TestSigner.Wire().Raw(Encoding.ASCII.GetBytes("SSHSIG")).UInt32(1).String(dsaKey).String(Approval).String(Array.Empty<byte>()).String("sha512")
            .String(new TestSigner.Wire().String("ssh-dss").String(new byte[40]).ToArray()).ToArray();

        Assert.False(SshSignature.TryParse(TestSigner.Armor(blob), out _, out var error));
        Assert.Contains("DSA", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SignatureOfAnotherKey_DoesNotVerify()
    {
        // The signature field of one key spliced into a blob naming another key of the same type.
        var original = TestSigner.Ed25519(5).SignBlob(Manifest);
        var otherKeyBlob = TestSigner.Ed25519(6).PublicBlob;
        var spliced = original.ToArray();
        Buffer.BlockCopy(otherKeyBlob, 0, spliced, 14, otherKeyBlob.Length);

        Assert.False(SshSignature.FromBlob(spliced).Verify(Manifest, Approval).IsValid);
    }

    [Fact]
    public void VerifyWithEmptyExpectedNamespace_IsAProgrammingError()
    {
        var signature = SshSignature.Parse(TestSigner.Ed25519(5).Sign(Manifest));

        Assert.Throws<ArgumentException>(() => signature.Verify(Manifest, string.Empty));
    }

    private static string Rearmor(string armored, Action<byte[]>? edit = null, byte[]? append = null, int? truncateTo = null)
    {
        var blob = SshSignature.Dearmor(armored);
        edit?.Invoke(blob);
        if (append is not null)
        {
            blob = blob.Concat(append).ToArray();
        }

        if (truncateTo is int length)
        {
            blob = blob.Take(length).ToArray();
        }

        return TestSigner.Armor(blob);
    }

    private static string InsertAfterHeader(string armored, string text) => armored.Insert(armored.IndexOf('\n', StringComparison.Ordinal) + 1, text);

    private static byte[] WithReserved(byte[] blob)
    {
        // The reserved field follows magic(6), version(4), key and namespace; rebuild the blob with content in it.
        var reader = new SshWireReader(blob, "test");
        reader.ReadMagic(Encoding.ASCII.GetBytes("SSHSIG"), "magic");
        var version = reader.ReadUInt32("version");
        var key = reader.ReadBytes("key");
        var ns = reader.ReadBytes("ns");
        reader.ReadBytes("reserved");
        var hash = reader.ReadBytes("hash");
        var signature = reader.ReadBytes("signature");
        return new TestSigner.Wire().Raw(Encoding.ASCII.GetBytes("SSHSIG")).UInt32(version).String(key).String(ns).String("tag").String(hash).String(signature).ToArray();
    }

    /// <summary>A stream that can only be read forwards, like a pipe from git cat-file.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(count, content.Length - _position);
            Buffer.BlockCopy(content, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
