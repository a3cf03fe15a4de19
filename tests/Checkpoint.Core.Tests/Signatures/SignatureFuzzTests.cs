using System.Diagnostics;
using System.Text;
using Checkpoint.Core.Signatures;
using Xunit.Abstractions;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// Fuzzing: at least 100,000 seeded inputs through the SSHSIG armor and blob parser and the verifier.
/// Inputs are mutations of genuine signatures (bit flips, byte edits, truncation, insertion, length-field
/// edits, re-armored canonically), mutations of the armor text, genuine signatures over mutated messages,
/// and random input. Failures print the input so it can join <see cref="Regressions.SignatureRegressionTests"/>.
/// </summary>
public sealed class SignatureFuzzTests
{
    private readonly ITestOutputHelper _output;

    public SignatureFuzzTests(ITestOutputHelper output) => this._output = output;

    private const int RandomSeed = 20261126;
    private const int Inputs = 100_000;

    private static readonly string[] TextDictionary =
    {
        SshSignature.ArmorHeader, SshSignature.ArmorFooter, "\n", "\r\n", "=", "==", "U1NIU0lH", "AAAA", "////", " ",
    };

    [Fact]
    public void SshSignatureParserAndVerifier_OnlyRejectCleanlyOrAcceptGenuineSignatures()
    {
        var message = Encoding.UTF8.GetBytes(SignatureVectors.Message);
        var seeds = MakeSeeds(message);
        var genuine = seeds.Select(seed => seed.Blob).ToArray();
        var ed25519Seeds = SeedsOf(seeds, "ed25519");
        var ecdsaSeeds = SeedsOf(seeds, "ecdsa");
        var rsaSeeds = SeedsOf(seeds, "rsa");
        var mutator = new Mutator(RandomSeed);
        var failures = new List<string>();
        var parsed = 0;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Inputs && failures.Count < 5; i++)
        {
            // Ed25519 is cheap to verify, so it gets most of the budget; ECDSA still sees thousands of inputs and
            // RSA (whose mutated moduli BouncyCastle proves composite, at tens of milliseconds each) thousands more.
            var pick = mutator.Random.Next(100);
            var seed = pick < 88 ? mutator.Pick(ed25519Seeds) : pick < 97 ? mutator.Pick(ecdsaSeeds) : mutator.Pick(rsaSeeds);
            var kind = mutator.Random.Next(100);
            string input;
            var against = message;
            if (kind < 50)
            {
                input = TestSigner.Armor(mutator.MutateBytes(seed.Blob, seed.LengthFields));
            }
            else if (kind < 70)
            {
                input = mutator.MutateText(seed.Armored, TextDictionary);
            }
            else if (kind < 78)
            {
                input = seed.Armored;
                against = mutator.MutateBytes(message, Array.Empty<int>());
            }
            else if (kind < 80)
            {
                input = seed.Armored;
            }
            else if (kind < 90)
            {
                var random = mutator.RandomBytes(200);
                input = TestSigner.Armor(mutator.Chance(50) ? Encoding.ASCII.GetBytes("SSHSIG\0\0\0\u0001").Concat(random).ToArray() : random);
            }
            else
            {
                input = mutator.RandomText(300, TextDictionary);
            }

            // A mutated message that happens to equal the original is the original.
            IReadOnlyCollection<byte[]> genuineForInput = against.AsSpan().SequenceEqual(message) ? genuine : Array.Empty<byte[]>();
            var problem = SignatureFuzzOracle.Check(input, against, genuineForInput, alsoFromStream: i % 32 == 0);
            if (problem is not null)
            {
                failures.Add($"input {i} ({problem}): armored={SignatureFuzzOracle.Describe(input)} message={Convert.ToBase64String(against)}");
            }

            if (SshSignature.TryParse(input, out _, out _))
            {
                parsed++;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The mix must really exercise the verifier, not only the parser's first checks.
        Assert.InRange(parsed, Inputs / 20, Inputs);
        _output.WriteLine($"{Inputs} inputs, {parsed} parsed and were verified, in {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void RealSshKeygenVectors_Verify_AndRejectAFlippedMessage()
    {
        var message = Encoding.UTF8.GetBytes(SignatureVectors.Message);
        foreach (var (name, publicKey, armored) in SignatureVectors.All)
        {
            var signature = SshSignature.Parse(armored);
            Assert.True(signature.Verify(message, SignatureFuzzOracle.Approval).IsValid, name);
            Assert.Equal(SshPublicKey.Parse(publicKey), signature.PublicKey);
            var flipped = (byte[])message.Clone();
            flipped[0] ^= 0x80;
            Assert.False(signature.Verify(flipped, SignatureFuzzOracle.Approval).IsValid, name);
        }
    }

    private static Seed[] SeedsOf(List<Seed> seeds, string keyKind) =>
        seeds.Where(seed => SshSignature.Parse(seed.Armored).PublicKey.KeyType.Contains(keyKind, StringComparison.Ordinal)).ToArray();

    private static List<Seed> MakeSeeds(byte[] message)
    {
        var seeds = new List<Seed> { new(SignatureVectors.Ed25519Signature) };
        seeds.AddRange(SignatureVectors.All.Skip(1).Select(vector => new Seed(vector.Signature)));
        seeds.Add(new Seed(TestSigner.Ed25519(11).Sign(message, hashAlgorithm: "sha256")));
        seeds.Add(new Seed(TestSigner.Ecdsa("nistp384", 12).Sign(message)));
        seeds.Add(new Seed(TestSigner.Ecdsa("nistp521", 13).Sign(message)));
        seeds.Add(new Seed(TestSigner.Rsa().Sign(message, signatureAlgorithm: "rsa-sha2-256", hashAlgorithm: "sha256")));
        seeds.Add(new Seed(TestSigner.SkEd25519(15).Sign(message)));
        seeds.Add(new Seed(TestSigner.SkEcdsaP256(16).Sign(message, flags: 0x05)));
        return seeds;
    }

    private sealed class Seed
    {
        public Seed(string armored)
        {
            Armored = armored;
            Blob = SshSignature.Dearmor(armored);
            LengthFields = FindLengthFields(Blob);
        }

        public string Armored { get; }

        public byte[] Blob { get; }

        public IReadOnlyList<int> LengthFields { get; }

        /// <summary>Offsets of the blob's uint32 length prefixes (outer fields, key fields, signature fields), for targeted edits.</summary>
        private static List<int> FindLengthFields(byte[] blob)
        {
            var offsets = new List<int>();
            Walk(blob, 10, blob.Length, offsets, depth: 0);
            return offsets;
        }

        private static void Walk(byte[] blob, int position, int end, List<int> offsets, int depth)
        {
            while (position + 4 <= end)
            {
                var length = (blob[position] << 24) | (blob[position + 1] << 16) | (blob[position + 2] << 8) | blob[position + 3];
                if (length < 0 || position + 4 + length > end)
                {
                    return;
                }

                offsets.Add(position);
                if (depth < 2 && length >= 4)
                {
                    Walk(blob, position + 4, position + 4 + length, offsets, depth + 1);
                }

                position += 4 + length;
            }
        }
    }
}
