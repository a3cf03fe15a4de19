using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// How one allowed_signers line is read (sshsig.c, misc.c), and the exact message an approver sees when it
/// cannot be used. Each expectation about what is accepted was checked against ssh-keygen 9.2.
/// </summary>
public sealed class AllowedSignersLineTests
{
    private const string Approval = "checkpoint-approval";
    private const string Source = ".checkpoint/allowed_signers";
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly TestSigner Alice = TestSigner.Ed25519(111);
    private static readonly TestSigner Bob = TestSigner.Ed25519(112);

    public static TheoryData<string, string> BadLines => new()
    {
        { $"\"\" {Alice.AllowedSignersKey}", "the principals field is empty." },
        { "alice@example.com ", "missing key after the principals." },
        { "\"alice smith\" ", "missing key after the principals." },
        { "alice@example.com namespaces=\"git\"", "missing key after the options 'namespaces=\"git\"'." },
        { "alice@example.com namespaces=\"git\" \t", "missing key after the options 'namespaces=\"git\"'." },
        { "alice@example.com foo\\", "missing key after the options 'foo\\'." },
        { "alice@example.com namespaces=\"git\" ssh-ed25591 AAAA", "'ssh-ed25591' is not a key type." },
        { $"alice@example.com namespaces=git {Alice.AllowedSignersKey}", "the namespaces= value must be in double quotes." },
        { $"alice@example.com namespaces= {Alice.AllowedSignersKey}", "the namespaces= value must be in double quotes." },
        { $"alice@example.com valid-after=20260101Z {Alice.AllowedSignersKey}", "the valid-after= value must be in double quotes." },
        { $"alice@example.com valid-before=20260101Z {Alice.AllowedSignersKey}", "the valid-before= value must be in double quotes." },
        { $"alice@example.com valid-after=\"2026\" {Alice.AllowedSignersKey}", "valid-after=\"2026\" is not a time of the form YYYYMMDD[HHMM[SS]][Z]." },
        { $"alice@example.com valid-before=\"2026\" {Alice.AllowedSignersKey}", "valid-before=\"2026\" is not a time of the form YYYYMMDD[HHMM[SS]][Z]." },
        { $"alice@example.com valid-after=\"19701231Z\" {Alice.AllowedSignersKey}", "valid-after=\"19701231Z\" is not a time of the form YYYYMMDD[HHMM[SS]][Z]." },
        { $"alice@example.com valid-after=\"20260101Z\",valid-after=\"20260102Z\" {Alice.AllowedSignersKey}", "more than one valid-after= option." },
        { $"alice@example.com valid-before=\"20270101Z\",valid-before=\"20270102Z\" {Alice.AllowedSignersKey}", "more than one valid-before= option." },
        { $"alice@example.com valid-after=\"20260615Z\",valid-before=\"20260615Z\" {Alice.AllowedSignersKey}", "valid-before is not later than valid-after." },
        { $"alice@example.com namespaces=\"git\",foo,cert-authority {Alice.AllowedSignersKey}", "unknown option 'foo' (known: cert-authority, namespaces=, valid-after=, valid-before=)." },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void BadLine_IsReportedWithItsExactReason_AndTrustsNoOne(string line, string reason)
    {
        var signers = Parse($"# header\n{line}\nbob@example.com {Bob.AllowedSignersKey}\n");

        var error = Assert.Single(signers.Errors);
        Assert.Equal($"{Source}:2: {reason}", error.Message);
        Assert.Equal(new[] { 3 }, signers.Entries.Select(entry => entry.LineNumber));
    }

    [Theory]
    [InlineData("  \"alice smith\"")]
    [InlineData("  al\"ice smith\"")]
    public void IndentedQuotedPrincipal_IsReadWithoutItsQuotes(string principals)
    {
        var signers = Parse($"{principals} {Alice.AllowedSignersKey}");

        Assert.Empty(signers.Errors);
        Assert.Equal(new[] { "alice smith" }, Assert.Single(signers.Entries).Principals);
        Assert.True(signers.Authorize("alice smith", Alice.PublicKey, Approval, Now).IsTrusted);
    }

    [Fact]
    public void BackslashQuoteInsideAnOptionValue_IsAQuoteInTheValue()
    {
        var signers = Parse($"alice@example.com namespaces=\"a\\\"b,checkpoint-approval\" {Alice.AllowedSignersKey}");

        Assert.Empty(signers.Errors);
        Assert.Equal(new[] { "a\"b", "checkpoint-approval" }, Assert.Single(signers.Entries).Namespaces);
        Assert.True(signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now).IsTrusted);
    }

    [Theory]
    [InlineData("valid-after=\"20260614UTC\"", "2026-06-14T00:00:00Z")]
    [InlineData("valid-after=\"20260614utc\"", "2026-06-14T00:00:00Z")]
    [InlineData("valid-after=\"20260614z\"", "2026-06-14T00:00:00Z")]
    [InlineData("valid-after=\"20260614\"", "2026-06-14T12:00:00Z")]
    [InlineData("valid-after=\"19710101Z\"", "1971-01-01T00:00:00Z")]
    public void ValidAfterAlone_IsReadAsUtcOnlyWithASuffix(string options, string validAfter)
    {
        var signers = Parse($"alice@example.com {options} {Alice.AllowedSignersKey}");

        Assert.Empty(signers.Errors);
        var entry = Assert.Single(signers.Entries);
        Assert.Equal(DateTimeOffset.Parse(validAfter, System.Globalization.CultureInfo.InvariantCulture), entry.ValidAfter);
        Assert.Null(entry.ValidBefore);
    }

    private static AllowedSigners Parse(string text) => AllowedSigners.Parse(text, Source);
}
