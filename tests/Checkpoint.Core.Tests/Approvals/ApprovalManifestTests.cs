using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Approvals;

public sealed class ApprovalManifestTests
{
    internal const string ValidManifest = """
        {
          "schema": "checkpoint.approval/v1",
          "repository": "github.com/contoso/app",
          "digest": "sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c",
          "approver": "alice@example.com",
          "createdAt": "2026-06-01T11:00:00Z",
          "expiresAt": "2026-06-08T11:00:00Z",
          "base": {
            "ref": "refs/remotes/origin/main",
            "mergeBase": "0123456789abcdef0123456789abcdef01234567"
          },
          "files": [
            {
              "path": "hello.txt",
              "entry": "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
            }
          ]
        }

        """;

    [Fact]
    public void CanonicalManifest_RoundTripsByteForByte()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidManifest.Replace("\r\n", "\n", StringComparison.Ordinal));

        var manifest = ApprovalManifest.Parse(bytes);

        Assert.Equal("alice@example.com", manifest.Approver);
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 11, 0, 0, TimeSpan.Zero), manifest.ExpiresAt);
        Assert.Equal("hello.txt", Assert.Single(manifest.Files!).Path);
        Assert.Equal(bytes, manifest.Serialize());
    }

    [Fact]
    public void HandWrittenManifestWithOnlyRequiredFields_IsAccepted()
    {
        const string minimal = "{\"schema\":\"checkpoint.approval/v1\",\"repository\":\"github.com/contoso/app\",\"digest\":\"sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c\",\"approver\":\"alice@example.com\",\"createdAt\":\"2026-06-01T13:00:00+02:00\",\"expiresAt\":\"2026-06-08T11:00:00Z\"}";

        var manifest = ApprovalManifest.Parse(Encoding.UTF8.GetBytes(minimal));

        Assert.Null(manifest.Files);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero), manifest.CreatedAt);
    }

    [Theory]
    [InlineData("\"schema\": \"checkpoint.approval/v1\"", "\"schema\": \"checkpoint.approval/v3\"", "expected \"checkpoint.approval/v1\" or \"checkpoint.approval/v2\"")]
    [InlineData("\"schema\": \"checkpoint.approval/v1\"", "\"schema\": \"checkpoint.approval/v2\"", "manifest \"review\" is required by schema \"checkpoint.approval/v2\"")]
    [InlineData("\"digest\": \"sha256:a97e", "\"digest\": \"sha256:A97e", "64 lowercase hex")]
    [InlineData("\"approver\": \"alice@example.com\"", "\"approver\": \"alice @example.com\"", "whitespace")]
    [InlineData("\"createdAt\": \"2026-06-01T11:00:00Z\"", "\"createdAt\": \"2026-06-01T11:00:00\"", "timestamp like")]
    [InlineData("\"createdAt\": \"2026-06-01T11:00:00Z\"", "\"createdAt\": \"2026-06-09T11:00:00Z\"", "later than")]
    [InlineData("\"approver\": \"alice@example.com\",", "\"approver\": \"alice@example.com\", \"approver\": \"bob@example.com\",", "twice")]
    [InlineData("\"approver\": \"alice@example.com\",", "\"approver\": \"alice@example.com\", \"comment\": \"lgtm\",", "unknown member \"comment\"")]
    [InlineData("\"repository\": \"github.com/contoso/app\",", "", "missing \"repository\"")]
    [InlineData("\"path\": \"hello.txt\",", "\"path\": 3,", "must be a string")]
    [InlineData("\"mergeBase\": \"0123456789abcdef0123456789abcdef01234567\"", "\"mergeBase\": \"HEAD\"", "full lowercase commit id")]
    public void MalformedManifest_IsRejectedWithOneClearLine(string find, string replace, string expected)
    {
        var json = ValidManifest.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ValidManifest, json);

        var ex = Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void Constants_AreTheDocumentedContract()
    {
        Assert.Equal("checkpoint-approval", ApprovalManifest.SignatureNamespace);
        Assert.Equal(".checkpoint/approvals", ApprovalManifest.ApprovalsDirectory);
        Assert.Equal("checkpoint.approval/v1", ApprovalManifest.Schema);
    }

    [Theory]
    [InlineData("\"approver\": \"alice@example.com\",", "", "manifest is missing \"approver\"")]
    [InlineData("\"createdAt\": \"2026-06-01T11:00:00Z\"", "\"createdAt\": \"yesterday\"", "manifest \"createdAt\" must be a timestamp like 2026-01-31T12:00:00Z")]
    [InlineData("\"expiresAt\": \"2026-06-08T11:00:00Z\"", "\"expiresAt\": \"2026-06-08T11:00:00\"", "manifest \"expiresAt\" must be a timestamp like 2026-01-31T12:00:00Z")]
    [InlineData("\"expiresAt\": \"2026-06-08T11:00:00Z\"", "\"expiresAt\": \"2026-06-01T11:00:00Z\"", "manifest \"expiresAt\" must be later than \"createdAt\"")]
    [InlineData("\"ref\": \"refs/remotes/origin/main\",", "\"ref\": \"refs/remotes/origin/main\", \"tip\": \"x\",", "manifest \"base\" has unknown member \"tip\"")]
    [InlineData("\"ref\": \"refs/remotes/origin/main\",", "\"ref\": 1,", "manifest \"base\": \"ref\" must be a string, not a number")]
    [InlineData("\"path\": \"hello.txt\",", "\"path\": \"hello.txt\", \"mode\": \"100644\",", "manifest \"files[0]\" has unknown member \"mode\"")]
    [InlineData("\"path\": \"hello.txt\",", "\"size\": 3,", "manifest \"files[0]\" is missing \"path\"")]
    [InlineData("\"entry\": \"sha256:5891", "\"entry\": \"sha1:5891", "manifest \"files[0].entry\" must be \"sha256:\" followed by 64 lowercase hex digits")]
    [InlineData("{\n  \"schema\"", "[{\n  \"schema\"", "manifest is not valid JSON")]
    [InlineData("{\n  \"schema\"", "{\"a\": 1}{\n  \"schema\"", "manifest is not valid JSON")]
    public void MalformedManifest_IsRejectedWithItsExactMessage(string find, string replace, string expected)
    {
        var json = ReplaceFirst(ValidManifest.Replace("\r\n", "\n", StringComparison.Ordinal), find, replace);

        Assert.False(ApprovalManifest.TryParse(Encoding.UTF8.GetBytes(json), out var manifest, out var error));

        Assert.Null(manifest);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FileListedTwice_IsRejectedByItsPath()
    {
        var twice = ValidManifest.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(
            "\"files\": [\n",
            "\"files\": [\n    {\"path\": \"hello.txt\", \"entry\": \"sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\"},\n",
            StringComparison.Ordinal);

        var error = Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(Encoding.UTF8.GetBytes(twice)));

        Assert.Equal("manifest \"files\" lists \"hello.txt\" twice", error.Message);
    }

    [Fact]
    public void TextJsonCannotTurnIntoAString_IsRejectedAsNotWellFormed()
    {
        // An escaped unpaired surrogate is valid JSON, but no string: System.Text.Json refuses to decode it.
        var json = ValidManifest.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\"github.com/contoso/app\"", "\"\\ud800\"", StringComparison.Ordinal);

        var error = Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith("manifest is not well-formed: ", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void ValidManifest_TryParses()
    {
        Assert.True(ApprovalManifest.TryParse(Encoding.UTF8.GetBytes(ValidManifest), out var manifest, out var error));

        Assert.Null(error);
        Assert.Equal("alice@example.com", manifest!.Approver);
    }

    [Fact]
    public void TimestampWithFractionalSeconds_IsReadToTheSecondItNames()
    {
        var json = ValidManifest.Replace("\"2026-06-01T11:00:00Z\"", "\"2026-06-01T11:00:00.250Z\"", StringComparison.Ordinal);

        var manifest = ApprovalManifest.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 0, 0, 250, TimeSpan.Zero), manifest.CreatedAt);
    }

    [Fact]
    public void ManifestOfExactlyTheSizeLimit_IsRead_AndOneByteMoreIsRefusedUnread()
    {
        var valid = Encoding.UTF8.GetBytes(ValidManifest.Replace("\r\n", "\n", StringComparison.Ordinal));
        var atLimit = new byte[ApprovalManifest.MaxSizeBytes];
        Array.Fill(atLimit, (byte)' ');
        valid.CopyTo(atLimit, 0);

        Assert.Equal("alice@example.com", ApprovalManifest.Parse(atLimit).Approver);
        var over = new byte[ApprovalManifest.MaxSizeBytes + 1];
        var error = Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(over));
        Assert.Equal($"manifest is {ApprovalManifest.MaxSizeBytes + 1} bytes; the limit is {ApprovalManifest.MaxSizeBytes}", error.Message);
    }

    [Theory]
    [InlineData("refs/remotes/origin/main", null, "\"base\": {\n    \"ref\": \"refs/remotes/origin/main\"\n  }")]
    [InlineData(null, "0123456789abcdef0123456789abcdef01234567", "\"base\": {\n    \"mergeBase\": \"0123456789abcdef0123456789abcdef01234567\"\n  }")]
    [InlineData(null, null, null)]
    public void BaseIsWrittenWithWhicheverPartIsKnown(string? baseRef, string? mergeBase, string? expected)
    {
        var manifest = new ApprovalManifest(
            "github.com/contoso/app",
            "sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c",
            "alice@example.com",
            new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 6, 8, 11, 0, 0, TimeSpan.Zero),
            baseRef: baseRef,
            mergeBase: mergeBase);

        var bytes = manifest.Serialize();
        var text = Encoding.UTF8.GetString(bytes);

        if (expected is null)
        {
            Assert.DoesNotContain("\"base\"", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal(bytes, ApprovalManifest.Parse(bytes).Serialize());
    }

    [Fact]
    public void ManifestForADiff_NamesItsFiles_AndIsValidFromTheWholeSecondItWasMade()
    {
        var diff = DiffDigest.FromEntries(new[]
        {
            DiffDigest.CreateEntry(GitPath.FromString("hello.txt"), "000000", "100644", "-", "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"),
        });
        var made = new DateTimeOffset(2026, 6, 1, 13, 0, 0, 999, TimeSpan.FromHours(2)).AddTicks(5);

        var manifest = ApprovalManifest.CreateFor(diff, "github.com/contoso/app", "alice@example.com", made, TimeSpan.FromDays(7), "refs/remotes/origin/main", "0123456789abcdef0123456789abcdef01234567");

        Assert.Equal(diff.Digest, manifest.Digest);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero), manifest.CreatedAt);
        Assert.Equal(TimeSpan.Zero, manifest.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 11, 0, 0, TimeSpan.Zero), manifest.ExpiresAt);
        Assert.Equal(diff.Entries.Single().Hash, Assert.Single(manifest.Files!).EntryHash);
        Assert.Equal("hello.txt", manifest.Files![0].Path);
    }

    [Fact]
    public void ManifestWithoutADiffOrATimeToLive_IsAProgrammingError()
    {
        var diff = DiffDigest.FromEntries(Array.Empty<DigestEntry>());
        var now = DateTimeOffset.UtcNow;

        Assert.Equal("diff", Assert.Throws<ArgumentNullException>(() => ApprovalManifest.CreateFor(null!, "r", "a", now, TimeSpan.FromDays(1))).ParamName);
        foreach (var validFor in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1) })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalManifest.CreateFor(diff, "r", "a", now, validFor));
            Assert.Equal("validFor", error.ParamName);
            Assert.StartsWith("an approval must be valid for a positive time", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The text with its first <paramref name="find"/> replaced; fails the test when there is none.</summary>
    internal static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the manifest");
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
