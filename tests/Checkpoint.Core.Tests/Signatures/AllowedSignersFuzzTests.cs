using System.Diagnostics;
using Checkpoint.Core.Signatures;
using Xunit.Abstractions;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// Fuzzing: at least 100,000 seeded inputs through the allowed_signers parser and the trust decisions.
/// Inputs are character-level mutations of valid files (flips, insertions of meaningful tokens, deletions,
/// truncation, duplicated spans) and random text. Failures print the input so it can join
/// <see cref="Regressions.AllowedSignersRegressionTests"/>.
/// </summary>
public sealed class AllowedSignersFuzzTests
{
    private const int RandomSeed = 20261127;
    private const int Inputs = 100_000;

    private static readonly TestSigner Alice = TestSigner.Ed25519(201);
    private static readonly TestSigner Bob = TestSigner.Ecdsa("nistp256", 202);
    private static readonly TestSigner Carol = TestSigner.SkEd25519(203);
    private static readonly TestSigner Dave = TestSigner.Rsa();

    private readonly ITestOutputHelper _output;

    public AllowedSignersFuzzTests(ITestOutputHelper output) => this._output = output;

    [Fact]
    public void AllowedSignersParser_NeverThrows_AndTrustsOnlyThroughAMatchingLine()
    {
        string[] seeds =
        {
            $"alice@example.com {Alice.AllowedSignersKey}\n",
            $"# approvers\nalice@example.com,*@ops.example.com,!eve@ops.example.com namespaces=\"checkpoint-approval\" {Alice.AllowedSignersKey} laptop\n",
            $"\"alice@example.com\" valid-after=\"20260101Z\",valid-before=\"20270101\" {Alice.AllowedSignersKey}\r\nbob@example.com {Bob.AllowedSignersKey}\r\n",
            $"carol@example.com NAMESPACES=\"file,checkpoint-*\",valid-after=\"202601011200\" {Carol.AllowedSignersKey}\n\n  # done\n",
            $"dave@example.com {Dave.AllowedSignersKey}\nalice@example.com {Alice.AllowedSignersKey}\n",
        };
        string[] dictionary =
        {
            "namespaces=\"", "valid-after=\"", "valid-before=\"", "cert-authority", ",", "\"", "\\\"", "!", "*", "?", "Z", "UTC",
            "20260615", "202606151200", "20260615120000Z", "\n", "\r\n", "#", " ", "\t", "=", "alice@example.com", "checkpoint-approval",
            "ssh-ed25519 ", "ecdsa-sha2-nistp256 ", "ssh-rsa ", "ssh-dss ", "ssh-ed25519-cert-v01@openssh.com ", "sk-ssh-ed25519@openssh.com ",
            Alice.AllowedSignersKey, Bob.AllowedSignersKey, "AAAAC3NzaC1lZDI1NTE5AAAAI", "AAAA",
        };
        string[] principals = { "alice@example.com", "bob@example.com", "eve@ops.example.com", "x@ops.example.com" };
        SshPublicKey[] keys = { Alice.PublicKey, Bob.PublicKey, Carol.PublicKey, Dave.PublicKey };
        var mutator = new Mutator(RandomSeed);
        var failures = new List<string>();
        var trusted = 0;
        var clock = Stopwatch.StartNew();

        foreach (var seed in seeds)
        {
            var untouched = AllowedSigners.Parse(seed, "seed");
            Assert.Empty(untouched.Errors);
        }

        for (var i = 0; i < Inputs && failures.Count < 5; i++)
        {
            var input = mutator.Chance(90) ? mutator.MutateText(mutator.Pick(seeds), dictionary) : mutator.RandomText(200, dictionary);
            var problem = AllowedSignersFuzzOracle.Check(input, principals, keys);
            if (problem is not null)
            {
                failures.Add($"input {i} ({problem}): text={Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(input))}");
            }
            else if (i % 16 == 0 && AllowedSigners.Parse(input, "x").Authorize(principals[0], keys[0], AllowedSignersFuzzOracle.Approval, AllowedSignersFuzzOracle.Now).IsTrusted)
            {
                trusted++;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Mutations must leave many files that still grant trust, or the trust checks above test nothing.
        Assert.InRange(trusted, Inputs / 16 / 20, Inputs);
        _output.WriteLine($"{Inputs} inputs, about {trusted * 16} still trusting alice, in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
