using Checkpoint.Core.Signatures;
using Org.BouncyCastle.Math;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// The public key blob rules, field by field, with the exact message an approver or an
/// allowed_signers author reads; and the bound on the RSA verifier keys a process keeps.
/// </summary>
public sealed class SshPublicKeyFormatTests
{
    private static readonly byte[] Exponent65537 = { 0x01, 0x00, 0x01 };

    // The odd primes up to 743, whose product BouncyCastle divides an RSA modulus by.
    private static readonly Lazy<BigInteger> SmallPrimes = new(() =>
        Enumerable.Range(3, 741).Where(n => Enumerable.Range(2, n - 2).All(d => n % d != 0)).Aggregate(BigInteger.One, (product, prime) => product.Multiply(BigInteger.ValueOf(prime))));


    public static TheoryData<string, byte[], string> MalformedBlobs
    {
        get
        {
            var ed25519 = TestSigner.Ed25519(1).PublicBlob;
            var skEd25519 = TestSigner.SkEd25519(1).PublicBlob;
            var modulus = TestSigner.Rsa().PublicKey.Blob[^257..];
            return new()
            {
                { "empty", Array.Empty<byte>(), "SSH public key: truncated at field 'key type length' (needs 4 bytes, 0 remain)." },
                { "Ed25519 type only", Wire().String("ssh-ed25519").ToArray(), "SSH public key: truncated at field 'ed25519 public key length' (needs 4 bytes, 0 remain)." },
                { "Ed25519 with a trailing byte", ed25519.Concat(new byte[] { 0 }).ToArray(), "SSH public key: 1 unexpected trailing bytes." },
                { "security key without its application", skEd25519[..^(4 + 4)], "SSH public key: truncated at field 'security key application length' (needs 4 bytes, 0 remain)." },
                { "ECDSA type only", Wire().String("ecdsa-sha2-nistp256").ToArray(), "SSH public key: truncated at field 'curve name length' (needs 4 bytes, 0 remain)." },
                { "ECDSA without its point", Wire().String("ecdsa-sha2-nistp256").String("nistp256").ToArray(), "SSH public key: truncated at field 'ecdsa public point length' (needs 4 bytes, 0 remain)." },
                { "ECDSA point one byte short", Ecdsa(Uncompressed(64)), "SSH public key: the nistp256 public point is not an uncompressed point of 65 bytes." },
                { "ECDSA point one byte long", Ecdsa(Uncompressed(66)), "SSH public key: the nistp256 public point is not an uncompressed point of 65 bytes." },
                { "ECDSA point of the right length, marked compressed", Ecdsa(Uncompressed(65, prefix: 0x02)), "SSH public key: the nistp256 public point is not an uncompressed point of 65 bytes." },
                { "ECDSA compressed point", Ecdsa(Uncompressed(33, prefix: 0x02)), "SSH public key: the nistp256 public point is not an uncompressed point of 65 bytes." },
                { "RSA type only", Wire().String("ssh-rsa").ToArray(), "SSH public key: truncated at field 'rsa exponent length' (needs 4 bytes, 0 remain)." },
                { "RSA without its modulus", Wire().String("ssh-rsa").String(Exponent65537).ToArray(), "SSH public key: truncated at field 'rsa modulus length' (needs 4 bytes, 0 remain)." },
                { "RSA exponent of nine bytes", Rsa(new byte[] { 0x01, 0, 0, 0, 0, 0, 0, 0, 0x01 }, modulus), "SSH public key: field 'rsa exponent' is 9 bytes, more than the 8 allowed." },
                { "RSA exponent with a needless zero byte", Rsa(new byte[] { 0x00, 0x01, 0x00, 0x01 }, modulus), "SSH public key: field 'rsa exponent' has a non-canonical leading zero." },
                { "RSA modulus with a needless zero byte", Rsa(Exponent65537, new byte[] { 0x00 }.Concat(modulus).ToArray()), "SSH public key: field 'rsa modulus' has a non-canonical leading zero." },
                { "RSA modulus above 16384 bits", Rsa(Exponent65537, new byte[] { 0x00 }.Concat(Enumerable.Repeat((byte)0xFF, 2049)).ToArray()), "SSH public key: field 'rsa modulus' is 2049 bytes, more than the 2048 allowed." },
                { "RSA exponent of 1", Rsa(new byte[] { 0x01 }, modulus), "SSH public key: the RSA public exponent is not an odd number above 1." },
                { "RSA even exponent", Rsa(new byte[] { 0x01, 0x00, 0x00 }, modulus), "SSH public key: the RSA public exponent is not an odd number above 1." },
                { "RSA exponent of 0", Rsa(Array.Empty<byte>(), modulus), "SSH public key: the RSA public exponent is not an odd number above 1." },
                { "RSA even modulus", Rsa(Exponent65537, Even(modulus)), "SSH public key: the RSA modulus is even." },
            };
        }
    }

    [Theory]
    [MemberData(nameof(MalformedBlobs))]
    public void MalformedBlob_IsRejectedWithItsReason(string why, byte[] blob, string message)
    {
        var fromBlob = Assert.Throws<SshFormatException>(() => SshPublicKey.FromBlob(blob));
        Assert.True(message == fromBlob.Message, $"{why}: {fromBlob.Message}");
    }

    [Fact]
    public void KeyTextWhoseBlobIsMalformed_SaysSoAsAPublicKey()
    {
        var typeOnly = Convert.ToBase64String(Wire().String("ssh-ed25519").ToArray());

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.Parse("ssh-ed25519 " + typeOnly));

        Assert.Equal("SSH public key: truncated at field 'ed25519 public key length' (needs 4 bytes, 0 remain).", error.Message);
    }

    [Fact]
    public void Ed25519KeyThatIsNotACurvePoint_IsRejected()
    {
        // y = 2^255 - 1 is not below the field prime, so it encodes no point.
        var y = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        y[31] = 0x7F;

        var error = Assert.Throws<SshFormatException>(() => SshPublicKey.FromBlob(Wire().String("ssh-ed25519").String(y).ToArray()));

        Assert.Equal("SSH public key: the Ed25519 public key is not a valid curve point.", error.Message);
    }

    [Fact]
    public void RsaExponentOfThree_IsAccepted()
    {
        var modulus = TestSigner.Rsa().PublicKey.Blob[^257..];

        var key = SshPublicKey.FromBlob(Rsa(new byte[] { 0x03 }, modulus));

        Assert.Equal("ssh-rsa", key.KeyType);
        Assert.Equal(BigInteger.Three, key.RsaNumbers!.Value.Exponent);
    }

    [Fact]
    public void MissingInput_IsAProgrammingError()
    {
        Assert.Equal("authorizedKeysStyleText", Assert.Throws<ArgumentNullException>(() => SshPublicKey.Parse(null!)).ParamName);
        Assert.Equal("blob", Assert.Throws<ArgumentNullException>(() => SshPublicKey.FromBlob(null!)).ParamName);
    }

    [Theory]
    [InlineData(63, 63, false)]
    [InlineData(64, 64, false)]
    [InlineData(65, 64, true)]
    [InlineData(200, 64, true)]
    public void AttackerChosenText_IsShortenedTo64CharactersInMessages(int length, int kept, bool ellipsis)
    {
        var text = new string('k', length);

        var described = SshPublicKey.Describe(text);

        Assert.Equal(new string('k', kept) + (ellipsis ? "..." : string.Empty), described);
    }

    [Fact]
    public void AttackerChosenText_CannotBreakTheMessageLine()
    {
        Assert.Equal("a?b?c?d?e", SshPublicKey.Describe("a\nb\rc\u2028d\u2029e"));
    }

    [Fact]
    public void RsaVerifierKey_IsBuiltOncePerKey_AndTheProcessKeepsABoundedNumber()
    {
        var first = SshPublicKey.FromBlob(Rsa(Exponent65537, Modulus(0)));
        Assert.Same(first.RsaKey, first.RsaKey);

        var moduli = Enumerable.Range(1, SshPublicKey.RsaKeyCacheCapacity + 2).Select(Modulus).ToList();
        var second = SshPublicKey.FromBlob(Rsa(Exponent65537, moduli[0]));
        var third = SshPublicKey.FromBlob(Rsa(Exponent65537, moduli[1]));
        _ = second.RsaKey;
        _ = third.RsaKey;
        Assert.True(SshPublicKey.CachedRsaKeyCount >= 2, $"two keys were just built, the cache holds {SshPublicKey.CachedRsaKeyCount}");

        var most = 0;
        foreach (var modulus in moduli)
        {
            _ = SshPublicKey.FromBlob(Rsa(Exponent65537, modulus)).RsaKey;
            most = Math.Max(most, SshPublicKey.CachedRsaKeyCount);
        }

        Assert.InRange(most, 2, SshPublicKey.RsaKeyCacheCapacity);
    }

    private static TestSigner.Wire Wire() => new();

    private static byte[] Ecdsa(byte[] point) => Wire().String("ecdsa-sha2-nistp256").String("nistp256").String(point).ToArray();

    private static byte[] Uncompressed(int length, byte prefix = 0x04)
    {
        var point = new byte[length];
        point[0] = prefix;
        return point;
    }

    private static byte[] Rsa(byte[] exponent, byte[] modulus) => Wire().String("ssh-rsa").String(exponent).String(modulus).ToArray();

    private static byte[] Even(byte[] modulus)
    {
        var even = (byte[])modulus.Clone();
        even[^1] &= 0xFE;
        return even;
    }

    /// <summary>
    /// A distinct 2048-bit modulus BouncyCastle accepts (odd, composite, no prime factor up to 743), made in
    /// microseconds as the product of two odd numbers without a small factor; finding primes, or generating
    /// keys, would take seconds.
    /// </summary>
    private static byte[] Modulus(int index)
    {
        // The first factor is at least 1.5 * 2^1023, so the product has the full 2048 bits.
        var first = WithoutSmallFactor(BigInteger.One.ShiftLeft(1023).Add(BigInteger.One.ShiftLeft(1022)).Add(BigInteger.One));
        var second = WithoutSmallFactor(BigInteger.One.ShiftLeft(1024).Subtract(BigInteger.ValueOf(1 + (1000L * index))));
        return first.Multiply(second).ToByteArray();
    }

    private static BigInteger WithoutSmallFactor(BigInteger odd)
    {
        while (!odd.Gcd(SmallPrimes.Value).Equals(BigInteger.One))
        {
            odd = odd.Add(BigInteger.Two);
        }

        return odd;
    }
}
