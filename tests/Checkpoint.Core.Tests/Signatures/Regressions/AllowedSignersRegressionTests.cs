namespace Checkpoint.Core.Tests.Signatures.Regressions;

/// <summary>
/// allowed_signers inputs that once broke, or would break a naive parser, kept so they stay handled.
/// Add fuzz findings here as (why, text); the fuzz failure output gives the text in base64, which
/// <see cref="SignatureRegressionTests.FromBase64"/> decodes.
/// </summary>
public sealed class AllowedSignersRegressionTests
{
    private static readonly TestSigner Alice = TestSigner.Ed25519(201);

    public static TheoryData<string, string> Inputs => new()
    {
        {
            // Found by hand: one-line messages must not carry a Unicode line separator from the file into a build log.
            "line separator inside an unknown option",
            $"alice@example.com foo\u2028bar {Alice.AllowedSignersKey}"
        },
        {
            // OpenSSH's recursive matcher backtracks exponentially here; ours must stay linear.
            "pattern of many stars against a long principal",
            string.Concat(Enumerable.Repeat("*a", 40)) + "b " + Alice.AllowedSignersKey
        },
        { "principal list of only a comma", $", {Alice.AllowedSignersKey}" },
        { "quoted principal that swallows the key", $"\"alice@example.com {Alice.AllowedSignersKey}" },
        { "options with an escaped quote at the end", $"alice@example.com namespaces=\"a\\\" {Alice.AllowedSignersKey}" },
        { "NUL characters around the key", $"alice@example.com\0 {Alice.AllowedSignersKey}\0" },
        { "bare carriage returns as line ends", $"# c\ralice@example.com {Alice.AllowedSignersKey}\r" },
        { "option names without values", $"alice@example.com namespaces=,valid-after= {Alice.AllowedSignersKey}" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void OnceFailingInput_NowHasAnAllowedOutcome(string why, string text)
    {
        var problem = AllowedSignersFuzzOracle.Check(text, new[] { "alice@example.com", string.Concat(Enumerable.Repeat("a", 3000)) }, new[] { Alice.PublicKey });

        Assert.True(problem is null, why + ": " + problem);
    }
}
