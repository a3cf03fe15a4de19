using System.Text;
using Checkpoint.Core.Approvals;

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
}
