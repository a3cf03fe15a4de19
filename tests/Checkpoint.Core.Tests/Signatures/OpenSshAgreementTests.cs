using System.Text;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// The same allowed_signers file, signature and clock given to Checkpoint and to <c>ssh-keygen -Y verify</c>
/// must get the same answer, so an approver can check an approval without Checkpoint.
/// </summary>
[Collection(OpenSshCollection.Name)]
public sealed class OpenSshAgreementTests
{
    private const string Approval = "checkpoint-approval";

    // ssh-keygen -O verify-time takes the same clock Checkpoint is given; Z keeps both in UTC.
    private const string VerifyTime = "20260615120000Z";
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("{\"approver\":\"alice@example.com\"}\n");

    private readonly GeneratedKeys _keys;

    public OpenSshAgreementTests(GeneratedKeys keys) => this._keys = keys;

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // description, line template ({key} is the signer's key, {other} another key), principal, expected
        { "listed key", "alice@example.com {key}", "alice@example.com", true },
        { "key not in allowed_signers", "alice@example.com {other}", "alice@example.com", false },
        { "principal mismatch", "bob@example.com {key}", "alice@example.com", false },
        { "wildcard principal", "*@example.com {key}", "alice@example.com", true },
        { "negated principal", "*@example.com,!alice@example.com {key}", "alice@example.com", false },
        { "quoted principal", "\"alice@example.com\" {key}", "alice@example.com", true },
        { "namespaces= including ours", "alice@example.com namespaces=\"file,checkpoint-approval\" {key}", "alice@example.com", true },
        { "namespaces= excluding ours", "alice@example.com namespaces=\"git,file\" {key}", "alice@example.com", false },
        { "valid-before in the past", "alice@example.com valid-before=\"20250101Z\" {key}", "alice@example.com", false },
        { "valid-after in the future", "alice@example.com valid-after=\"20270101Z\" {key}", "alice@example.com", false },
        { "inside the window", "alice@example.com valid-after=\"20260101Z\",valid-before=\"20270101Z\" {key}", "alice@example.com", true },
        { "valid-before exactly now", "alice@example.com valid-before=\"20260615120000Z\" {key}", "alice@example.com", true },
        { "valid-after one second later", "alice@example.com valid-after=\"20260615120001Z\" {key}", "alice@example.com", false },
        { "bad line then good line", "alice@example.com bogus {key}\nalice@example.com {key}", "alice@example.com", true },
        { "cert-authority line", "alice@example.com cert-authority {key}", "alice@example.com", false },
        { "a star in the principal is matched by a star in the pattern", "a*@example.com {key}", "a*b@example.com", true },
        { "question mark against a two-byte character", "caf?@example.com {key}", "caf\u00e9@example.com", false },
        { "two question marks against a two-byte character", "caf??@example.com {key}", "caf\u00e9@example.com", true },
        { "UTC suffix on valid-before exactly now", "alice@example.com valid-before=\"20260615120000UTC\" {key}", "alice@example.com", true },
        { "valid-after equal to valid-before, both now", "alice@example.com valid-after=\"20260615120000Z\",valid-before=\"20260615120000Z\" {key}", "alice@example.com", false },
        { "valid-after in 1971", "alice@example.com valid-after=\"19710101Z\" {key}", "alice@example.com", true },
        { "backslash-quote inside namespaces=", "alice@example.com namespaces=\"a\\\"b,checkpoint-approval\" {key}", "alice@example.com", true },
        { "indented principal quoted from mid-word", "  al\"ice@example.com\" {key}", "alice@example.com", true },
        { "a 1023-byte sub-pattern makes the list match nothing", new string('a', 1023) + ",alice@example.com {key}", "alice@example.com", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CheckpointAndSshKeygen_AgreeOnTrust(string description, string lines, string principal, bool expected)
    {
        var signer = _keys["ed25519"];
        var allowedSigners = lines.Replace("{key}", signer.PublicKeyText, StringComparison.Ordinal)
            .Replace("{other}", _keys["ecdsa-256"].PublicKeyText, StringComparison.Ordinal) + "\n";
        var armored = _keys.Sign("ed25519", Manifest);

        var signature = SshSignature.Parse(armored);
        var checkpoint = signature.Verify(Manifest, Approval).IsValid
            && AllowedSigners.Parse(allowedSigners, "allowed_signers").Authorize(principal, signature.PublicKey, signature.Namespace, Now).IsTrusted;
        var openSsh = _keys.Verify(allowedSigners, principal, Approval, armored, Manifest, VerifyTime);

        Assert.True(expected == checkpoint, $"{description}: Checkpoint said {checkpoint}");
        Assert.True(expected == openSsh.Accepted, $"{description}: ssh-keygen said {openSsh.Accepted}: {openSsh.Output}");
    }

    [Theory]
    [InlineData("20260615115959Z", false)]
    [InlineData("20260615120000Z", true)]
    [InlineData("20260619100000Z", true)]
    [InlineData("20260619100001Z", false)]
    public void TimesWithoutZ_AreTrustedOnlyWhereSshKeygenInEveryZoneAgrees(string instant, bool expected)
    {
        // OpenSSH reads these times in the local zone. The extreme zones are UTC-12 and UTC+14 (POSIX TZ
        // "XXX+12" and "XXX-14"); Checkpoint must trust exactly where ssh-keygen in both of them does.
        var signer = _keys["ed25519"];
        var allowedSigners = $"alice@example.com valid-after=\"20260615\",valid-before=\"20260620\" {signer.PublicKeyText}\n";
        var armored = _keys.Sign("ed25519", Manifest);
        var now = DateTimeOffset.ParseExact(instant, "yyyyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

        var checkpoint = AllowedSigners.Parse(allowedSigners, "allowed_signers").Authorize("alice@example.com", signer.PublicKey, Approval, now).IsTrusted;
        var behindUtc = _keys.Verify(allowedSigners, "alice@example.com", Approval, armored, Manifest, instant, "XXX+12").Accepted;
        var aheadOfUtc = _keys.Verify(allowedSigners, "alice@example.com", Approval, armored, Manifest, instant, "XXX-14").Accepted;

        Assert.Equal(expected, checkpoint);
        Assert.Equal(expected, behindUtc && aheadOfUtc);
    }

    [Fact]
    public void PrincipalsFor_AgreesWithFindPrincipals()
    {
        var signer = _keys["ecdsa-384"];
        var allowedSigners = $"bob@example.com {_keys["ed25519"].PublicKeyText}\nalice@example.com,carol@example.com {signer.PublicKeyText}\n";
        var stem = Path.Combine(_keys.Directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(stem + ".allowed", allowedSigners);
        File.WriteAllText(stem + ".sig", _keys.Sign("ecdsa-384", Manifest));

        var (exitCode, output) = _keys.Run("-Y", "find-principals", "-f", stem + ".allowed", "-s", stem + ".sig");
        var principals = AllowedSigners.Parse(allowedSigners, "allowed_signers").PrincipalsFor(signer.PublicKey, Approval, Now);

        Assert.Equal(0, exitCode);
        Assert.Equal(output.Trim().Split('\n'), principals);
    }
}
