using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

public sealed class AllowedSignersTests
{
    private const string Approval = "checkpoint-approval";
    private const string Source = ".checkpoint/allowed_signers";
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly TestSigner Alice = TestSigner.Ed25519(101);
    private static readonly TestSigner Bob = TestSigner.Ecdsa("nistp256", 102);
    private static readonly TestSigner Mallory = TestSigner.Ed25519(103);

    [Fact]
    public void ListedPrincipalWithItsKey_IsTrusted()
    {
        var signers = Parse($"alice@example.com {Alice.AllowedSignersKey} alice's laptop");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.True(decision.IsTrusted, decision.Failure);
        Assert.Equal(1, decision.Entry!.LineNumber);
        Assert.Empty(signers.Errors);
    }

    [Fact]
    public void KeyNotInAllowedSigners_IsUntrusted()
    {
        var signers = Parse($"alice@example.com {Alice.AllowedSignersKey}");

        var decision = signers.Authorize("mallory@example.com", Mallory.PublicKey, Approval, Now);

        Assert.False(decision.IsTrusted);
        Assert.Null(decision.Entry);
        Assert.Contains("neither 'mallory@example.com' nor key", decision.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalMismatch_IsUntrusted()
    {
        var signers = Parse($"alice@example.com {Alice.AllowedSignersKey}\nbob@example.com {Bob.AllowedSignersKey}");

        var decision = signers.Authorize("bob@example.com", Alice.PublicKey, Approval, Now);

        Assert.False(decision.IsTrusted);
        Assert.Contains($"{Source}:1: key {Alice.PublicKey.Fingerprint} belongs to 'alice@example.com', not 'bob@example.com'", decision.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*@example.com", "alice@example.com", true)]
    [InlineData("*@example.com", "alice@example.org", false)]
    [InlineData("alic?@example.com", "alice@example.com", true)]
    [InlineData("*@example.com,!alice@example.com", "alice@example.com", false)]
    [InlineData("!alice@example.com,*@example.com", "alice@example.com", false)]
    [InlineData("bob@example.com,alice@example.com", "alice@example.com", true)]
    [InlineData("Alice@example.com", "alice@example.com", false)]
    [InlineData("\"alice smith\"", "alice smith", true)]
    public void PrincipalPatterns_FollowOpenSsh(string principals, string principal, bool trusted)
    {
        var signers = Parse($"{principals} {Alice.AllowedSignersKey}");

        Assert.Empty(signers.Errors);
        Assert.Equal(trusted, signers.Authorize(principal, Alice.PublicKey, Approval, Now).IsTrusted);
    }

    [Theory]
    [InlineData("namespaces=\"checkpoint-approval\"", true)]
    [InlineData("namespaces=\"file,checkpoint-approval\"", true)]
    [InlineData("namespaces=\"checkpoint-*\"", true)]
    [InlineData("NAMESPACES=\"checkpoint-approval\"", true)]
    [InlineData("namespaces=\"git\"", false)]
    [InlineData("namespaces=\"*,!checkpoint-approval\"", false)]
    public void NamespacesOption_LimitsWhereAKeyIsTrusted(string options, bool trusted)
    {
        var signers = Parse($"alice@example.com {options} {Alice.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Empty(signers.Errors);
        Assert.Equal(trusted, decision.IsTrusted);
        if (!trusted)
        {
            Assert.Contains("is not allowed in namespace 'checkpoint-approval'", decision.Failure, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("valid-after=\"20260101Z\"", true, null)]
    [InlineData("valid-after=\"20260615120000Z\"", true, null)]
    [InlineData("valid-after=\"20260615120001Z\"", false, "is not valid until 2026-06-15T12:00:01Z (valid-after)")]
    [InlineData("valid-before=\"20260615120000Z\"", true, null)]
    [InlineData("valid-before=\"202606151159Z\"", false, "expired at 2026-06-15T11:59:00Z (valid-before)")]
    [InlineData("valid-before=\"20250101Z\"", false, "expired at 2025-01-01T00:00:00Z")]
    [InlineData("valid-after=\"20260101Z\",valid-before=\"20270101Z\"", true, null)]
    [InlineData("valid-after=\"20260614UTC\"", true, null)]
    public void ValidityWindow_IsCheckedAgainstTheGivenClock(string options, bool trusted, string? reason)
    {
        var signers = Parse($"alice@example.com {options} {Alice.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Empty(signers.Errors);
        Assert.Equal(trusted, decision.IsTrusted);
        if (reason is not null)
        {
            Assert.Contains(reason, decision.Failure, StringComparison.Ordinal);
            Assert.Contains("clock reads 2026-06-15T12:00:00Z", decision.Failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TimesWithoutZ_AreReadInTheZoneThatTrustsLeast()
    {
        // OpenSSH reads these in the verifier's local zone, which differs between CI machines. Checkpoint takes
        // valid-after as UTC-12 (the latest reading) and valid-before as UTC+14 (the earliest).
        var signers = Parse($"alice@example.com valid-after=\"20260615\",valid-before=\"20260620\" {Alice.AllowedSignersKey}");
        var entry = Assert.Single(signers.Entries);

        Assert.Equal(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero), entry.ValidAfter);
        Assert.Equal(new DateTimeOffset(2026, 6, 19, 10, 0, 0, TimeSpan.Zero), entry.ValidBefore);
        Assert.False(signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now.AddSeconds(-1)).IsTrusted);
        Assert.True(signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now).IsTrusted);
        Assert.False(signers.Authorize("alice@example.com", Alice.PublicKey, Approval, new DateTimeOffset(2026, 6, 19, 10, 0, 1, TimeSpan.Zero)).IsTrusted);
    }

    [Fact]
    public void FileWithCommentsBlankLinesAndCrLf_Parses()
    {
        var text = "# Approvers for this repository\r\n\r\n"
            + $"alice@example.com {Alice.AllowedSignersKey}\r\n"
            + "   # indented comment\r\n"
            + $"  bob@example.com,robert@example.com namespaces=\"checkpoint-approval\" {Bob.AllowedSignersKey} bob\r\n";

        var signers = Parse(text);

        Assert.Empty(signers.Errors);
        Assert.Equal(new[] { 3, 5 }, signers.Entries.Select(entry => entry.LineNumber));
        Assert.Equal(new[] { "bob@example.com", "robert@example.com" }, signers.Entries[1].Principals);
        Assert.Equal(new[] { "checkpoint-approval" }, signers.Entries[1].Namespaces);
        Assert.Null(signers.Entries[0].Namespaces);
        Assert.True(signers.Authorize("robert@example.com", Bob.PublicKey, Approval, Now).IsTrusted);
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { "alice@example.com", "only principals on this line" },
        { Alice.AllowedSignersKey, "put the signer's principal" },
        { "alice@example.com ssh-ed25519", "expected a key" },
        { "alice@example.com ssh-ed25519 AAAA", "truncated" },
        { $"alice@example.com foo=\"bar\" {Alice.AllowedSignersKey}", "unknown option 'foo=\"bar\"'" },
        { $"alice@example.com namespaces=git {Alice.AllowedSignersKey}", "must be in double quotes" },
        { $"alice@example.com namespaces=\"a\",namespaces=\"b\" {Alice.AllowedSignersKey}", "more than one namespaces=" },
        { $"alice@example.com valid-after=\"2026\" {Alice.AllowedSignersKey}", "is not a time of the form" },
        { $"alice@example.com valid-after=\"20260231Z\" {Alice.AllowedSignersKey}", "is not a time of the form" },
        { $"alice@example.com valid-after=\"20270101Z\",valid-before=\"20260101Z\" {Alice.AllowedSignersKey}", "valid-before is not later than valid-after" },
        { $"alice@example.com namespaces=\"a\", {Alice.AllowedSignersKey}", "end with a comma" },
        { $"alice@example.com namespaces=\"a {Alice.AllowedSignersKey}", "unterminated quote" },
        { $"\"alice@example.com {Alice.AllowedSignersKey}", "unterminated quote" },
        { $"alice@example.com cert-authority {Alice.AllowedSignersKey}", "cert-authority lines are not supported" },
        { "alice@example.com ssh-dss AAAAB3NzaC1kc3MAAAABAQAAAAEBAAAAAQEAAAABAQ==", "DSA keys" },
        { $"alice@example.com ecdsa-sha2-nistp256 {Alice.AllowedSignersKey.Split(' ')[1]}", "the key is 'ssh-ed25519'" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void BadLine_IsReportedWithFileAndLine_AndTrustsNoOne(string line, string reason)
    {
        var signers = Parse($"# header\n{line}\nbob@example.com {Bob.AllowedSignersKey}\n");

        var error = Assert.Single(signers.Errors);
        Assert.Equal(2, error.LineNumber);
        Assert.StartsWith($"{Source}:2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now).IsTrusted);
        Assert.True(signers.Authorize("bob@example.com", Bob.PublicKey, Approval, Now).IsTrusted);
    }

    [Fact]
    public void PrincipalsFor_ListsWhoMaySignWithAKey()
    {
        var signers = Parse(
            $"alice@example.com,*@ops.example.com,!eve@ops.example.com {Alice.AllowedSignersKey}\n"
            + $"alice-old@example.com valid-before=\"20250101Z\" {Alice.AllowedSignersKey}\n"
            + $"alice-git@example.com namespaces=\"git\" {Alice.AllowedSignersKey}\n"
            + $"bob@example.com {Bob.AllowedSignersKey}\n");

        Assert.Equal(new[] { "alice@example.com", "*@ops.example.com" }, signers.PrincipalsFor(Alice.PublicKey, Approval, Now));
        Assert.Empty(signers.PrincipalsFor(Mallory.PublicKey, Approval, Now));
    }

    [Fact]
    public void ClosestRefusal_IsExplained()
    {
        var signers = Parse(
            $"alice@example.com {Bob.AllowedSignersKey}\n"
            + $"alice@example.com namespaces=\"git\" {Alice.AllowedSignersKey}\n");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Equal($"{Source}:2: the key of 'alice@example.com' is not allowed in namespace 'checkpoint-approval' (namespaces=\"git\").", decision.Failure);
    }

    [Fact]
    public void LaterLine_CanTrustWhatAnEarlierLineRefuses()
    {
        // As in OpenSSH, each line is an independent grant; the first that allows the use wins.
        var signers = Parse(
            $"alice@example.com valid-before=\"20250101Z\" {Alice.AllowedSignersKey}\n"
            + $"alice@example.com {Alice.AllowedSignersKey}\n");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.True(decision.IsTrusted);
        Assert.Equal(2, decision.Entry!.LineNumber);
    }

    [Fact]
    public void EmptyOrHostileInput_NeverThrows()
    {
        Assert.Empty(Parse(string.Empty).Entries);
        Assert.Single(Parse(new string('*', 100_000) + " x").Errors);
        var stars = Parse(string.Join(",", Enumerable.Repeat(new string('*', 30) + "a", 30)) + " " + Alice.AllowedSignersKey);
        Assert.False(stars.Authorize(new string('b', 2000), Alice.PublicKey, Approval, Now).IsTrusted);
    }

    [Fact]
    public void MissingInputs_AreProgrammingErrors()
    {
        var signers = Parse($"alice@example.com {Alice.AllowedSignersKey}");
        const string NamespaceMessage = "The signature namespace must be a non-empty string.";

        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => AllowedSigners.Parse(null!, Source)).ParamName);
        Assert.Equal("principal", Assert.Throws<ArgumentNullException>(() => signers.Authorize(null!, Alice.PublicKey, Approval, Now)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => signers.Authorize("alice@example.com", null!, Approval, Now)).ParamName);
        var emptyNamespace = Assert.Throws<ArgumentException>(() => signers.Authorize("alice@example.com", Alice.PublicKey, string.Empty, Now));
        Assert.Equal("signatureNamespace", emptyNamespace.ParamName);
        Assert.StartsWith(NamespaceMessage, emptyNamespace.Message, StringComparison.Ordinal);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => signers.PrincipalsFor(null!, Approval, Now)).ParamName);
        var emptyNamespaceForPrincipals = Assert.Throws<ArgumentException>(() => signers.PrincipalsFor(Alice.PublicKey, string.Empty, Now));
        Assert.Equal("signatureNamespace", emptyNamespaceForPrincipals.ParamName);
        Assert.StartsWith(NamespaceMessage, emptyNamespaceForPrincipals.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FileWithoutAName_IsCalledAllowedSignersInMessages(string? sourceName)
    {
        var signers = AllowedSigners.Parse($"alice@example.com bogus {Alice.AllowedSignersKey}", sourceName!);

        Assert.StartsWith("allowed_signers:1: ", Assert.Single(signers.Errors).Message, StringComparison.Ordinal);
        Assert.StartsWith("allowed_signers: neither", signers.Authorize("bob@example.com", Bob.PublicKey, Approval, Now).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyPrincipal_IsUntrustedWithAReason()
    {
        var signers = Parse($"* {Alice.AllowedSignersKey}");

        var decision = signers.Authorize(string.Empty, Alice.PublicKey, Approval, Now);

        Assert.False(decision.IsTrusted);
        Assert.Equal("no signer principal was given.", decision.Failure);
    }

    [Fact]
    public void PrincipalListedWithAnotherKey_IsExplained()
    {
        var signers = Parse($"alice@example.com {Bob.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Equal($"{Source}:1: 'alice@example.com' is listed with key {Bob.PublicKey.Fingerprint}, not {Alice.PublicKey.Fingerprint}.", decision.Failure);
    }

    [Fact]
    public void OfEquallyCloseLines_TheFirstIsExplained()
    {
        var signers = Parse($"alice@example.com {Bob.AllowedSignersKey}\nalice@example.com {Mallory.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Equal($"{Source}:1: 'alice@example.com' is listed with key {Bob.PublicKey.Fingerprint}, not {Alice.PublicKey.Fingerprint}.", decision.Failure);
    }

    [Fact]
    public void UnusableLines_AreMentionedWhenNoLineListsThePrincipalWithItsKey()
    {
        // The approver may have meant the unusable line to be the one that lists them.
        var signers = Parse($"alice@example.com namespaces=git {Alice.AllowedSignersKey}\nalice@example.com {Bob.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Equal(
            $"{Source}:2: 'alice@example.com' is listed with key {Bob.PublicKey.Fingerprint}, not {Alice.PublicKey.Fingerprint}"
            + $" (1 unusable line(s) ignored, first: {Source}:1: the namespaces= value must be in double quotes).",
            decision.Failure);
    }

    [Fact]
    public void UnusableLines_AreNotMentionedWhenALineListsThePrincipalWithItsKey()
    {
        var signers = Parse($"alice@example.com namespaces=git {Alice.AllowedSignersKey}\nalice@example.com namespaces=\"git\" {Alice.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Equal($"{Source}:2: the key of 'alice@example.com' is not allowed in namespace 'checkpoint-approval' (namespaces=\"git\").", decision.Failure);
    }

    [Fact]
    public void NamespaceRefusal_QuotesTheWholeNamespacesOption()
    {
        var signers = Parse($"alice@example.com namespaces=\"git,file\" {Alice.AllowedSignersKey}");

        var decision = signers.Authorize("alice@example.com", Alice.PublicKey, Approval, Now);

        Assert.Equal($"{Source}:1: the key of 'alice@example.com' is not allowed in namespace 'checkpoint-approval' (namespaces=\"git,file\").", decision.Failure);
    }

    [Theory]
    [InlineData(1022, 0, true)]
    [InlineData(1023, 0, false)]
    [InlineData(1022, 1022, true)]
    [InlineData(1022, 1023, false)]
    public void PatternOf1023BytesOrMore_MakesTheWholeListMatchNothing_AsInOpenSsh(int principalLength, int otherPatternLength, bool trusted)
    {
        // match.c copies each sub-pattern into a 1024-byte buffer and gives up (no match) when it fills.
        var principal = new string('a', principalLength);
        var patterns = otherPatternLength == 0 ? principal : $"{principal},{new string('c', otherPatternLength)}";
        var signers = Parse($"{patterns} {Alice.AllowedSignersKey}");

        Assert.Empty(signers.Errors);
        Assert.Equal(trusted, signers.Authorize(principal, Alice.PublicKey, Approval, Now).IsTrusted);
    }

    private static AllowedSigners Parse(string text) => AllowedSigners.Parse(text, Source);
}
