using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

[Collection(OpenSshCollection.Name)]
public sealed class SshPublicKeyTests
{
    private readonly GeneratedKeys _keys;

    public SshPublicKeyTests(GeneratedKeys keys) => this._keys = keys;

    [Theory]
    [MemberData(nameof(GeneratedKeys.Names), MemberType = typeof(GeneratedKeys))]
    public void Fingerprint_IsWhatSshKeygenPrints(string keyName)
    {
        var key = _keys[keyName];

        var (exitCode, output) = _keys.Run("-l", "-E", "sha256", "-f", key.PrivateKeyPath + ".pub");

        Assert.Equal(0, exitCode);
        Assert.Equal(output.Split(' ')[1], key.PublicKey.Fingerprint);
    }

    [Theory]
    [MemberData(nameof(GeneratedKeys.Names), MemberType = typeof(GeneratedKeys))]
    public void PublicKey_RoundTripsThroughTextAndBlob(string keyName)
    {
        var key = _keys[keyName];

        var fromText = SshPublicKey.Parse(key.PublicKey.ToString());
        var fromBlob = SshPublicKey.FromBlob(key.PublicKey.Blob);

        Assert.Equal(key.PublicKeyText.Split(' ')[0] + " " + key.PublicKeyText.Split(' ')[1], key.PublicKey.ToString());
        Assert.Equal(key.PublicKey, fromText);
        Assert.Equal(key.PublicKey, fromBlob);
        Assert.Equal(key.PublicKey.GetHashCode(), fromBlob.GetHashCode());
    }

    [Fact]
    public void DifferentKeys_AreNotEqual()
    {
        Assert.NotEqual(_keys["ed25519"].PublicKey, _keys["ecdsa-256"].PublicKey);
        Assert.NotEqual(TestSigner.Ed25519(1).PublicKey, TestSigner.Ed25519(2).PublicKey);
        Assert.False(_keys["ed25519"].PublicKey.Equals(null));
    }

    [Fact]
    public void DsaKey_IsRejected()
    {
        var dsa = File.ReadAllText(_keys.MakeKey("dsa", "-t", "dsa"));

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.Parse(dsa));

        Assert.Contains("DSA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rsa1024Key_IsRejected()
    {
        var weak = File.ReadAllText(_keys.MakeKey("rsa-1024", "-t", "rsa", "-b", "1024"));

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.Parse(weak));

        Assert.Contains("at least 2048 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateKey_IsRejected()
    {
        var caPublic = _keys.MakeKey("ca", "-t", "ed25519");
        var userPublic = _keys.MakeKey("cert-user", "-t", "ed25519");
        var (exitCode, output) = _keys.Run("-q", "-s", caPublic[..^4], "-I", "id", "-n", "alice", userPublic);
        Assert.True(exitCode == 0, output);

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.Parse(File.ReadAllText(userPublic[..^4] + "-cert.pub")));

        Assert.Contains("certificate keys", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "expected '<type> <base64> [comment]'")]
    [InlineData("ssh-ed25519", "expected '<type> <base64> [comment]'")]
    [InlineData("ssh-ed25519 not*base64", "base64 is malformed")]
    [InlineData("ssh-ed25519 AAAA", "truncated")]
    [InlineData("ssh-foo AAAAB3NzaC1mb28=", "unsupported key type 'ssh-foo'")]
    public void MalformedKeyText_IsRejectedWithReason(string text, string reason)
    {
        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyTextWhoseTypeDisagreesWithTheBlob_IsRejected()
    {
        var base64 = _keys["ed25519"].PublicKeyText.Split(' ')[1];

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.Parse("ecdsa-sha2-nistp256 " + base64));

        Assert.Contains("the key is 'ssh-ed25519'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ed25519KeyOfWrongLength_IsRejected()
    {
        var blob = new TestSigner.Wire().String("ssh-ed25519").String(new byte[31]).ToArray();

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.FromBlob(blob));

        Assert.Contains("32 bytes, not 31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcdsaPointOffTheCurve_IsRejected()
    {
        var point = new byte[65];
        point[0] = 4;
        point[64] = 1;
        var blob = new TestSigner.Wire().String("ecdsa-sha2-nistp256").String("nistp256").String(point).ToArray();

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.FromBlob(blob));

        Assert.Contains("not on the curve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcdsaKeyNamingAnotherCurve_IsRejected()
    {
        var good = _keys["ecdsa-384"].PublicKey.Blob;
        var reader = new SshWireReader(good, "test");
        reader.ReadBytes("type");
        reader.ReadBytes("curve");
        var point = reader.ReadBytes("point");
        var blob = new TestSigner.Wire().String("ecdsa-sha2-nistp384").String("nistp256").String(point).ToArray();

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.FromBlob(blob));

        Assert.Contains("names curve 'nistp384'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityKeys_ParseWithTheirTypes()
    {
        Assert.Equal("sk-ssh-ed25519@openssh.com", TestSigner.SkEd25519(1).PublicKey.KeyType);
        Assert.Equal("sk-ecdsa-sha2-nistp256@openssh.com", TestSigner.SkEcdsaP256(1).PublicKey.KeyType);
        Assert.True(TestSigner.SkEd25519(1).PublicKey.IsSecurityKey);
    }
}
