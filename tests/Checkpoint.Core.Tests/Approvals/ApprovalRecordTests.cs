using System.Text;
using Checkpoint.Core.Approvals;

namespace Checkpoint.Core.Tests.Approvals;

/// <summary>
/// The review record of a v2 manifest: what the approver was shown, in one canonical encoding, and
/// refused with one clear line when it is anything else.
/// </summary>
public sealed class ApprovalRecordTests
{
    internal const string ManifestWithRecord = """
        {
          "schema": "checkpoint.approval/v2",
          "repository": "github.com/contoso/app",
          "digest": "sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c",
          "approver": "alice@example.com",
          "createdAt": "2026-06-01T11:00:00Z",
          "expiresAt": "2026-06-08T11:00:00Z",
          "review": {
            "operationsAnalyzed": true,
            "operations": [
              {
                "change": "added",
                "tier": "destructive",
                "operation": "Amazon.S3.IAmazonS3.DeleteBucketAsync",
                "path": "src/Cleanup.cs",
                "line": 12,
                "member": "M:App.Cleanup.Run",
                "coverage": "none"
              },
              {
                "change": "moved",
                "tier": "disruptive",
                "operation": "System.IO.Directory.Delete",
                "path": "src/Purge.cs",
                "line": 5,
                "member": "M:App.Purge.Run",
                "previousPath": "src/Old.cs",
                "previousLine": 9,
                "previousMember": "M:App.Old.Run",
                "coverage": "attested"
              },
              {
                "change": "removed",
                "tier": "destructive",
                "operation": "k8s.IKubernetes.DeleteNamespaceAsync",
                "path": "src/Gone.cs"
              }
            ],
            "weakening": [
              {
                "kind": "build-configuration",
                "change": "modified",
                "path": "Directory.Build.props",
                "line": 3,
                "description": "sets CheckpointGateEnabled"
              },
              {
                "kind": "suppression",
                "change": "added",
                "path": ".editorconfig",
                "description": "silences CHK001"
              }
            ],
            "attestations": [
              {
                "attribute": "ApprovedBy",
                "change": "added",
                "path": "src/Cleanup.cs",
                "line": 11,
                "text": "[ApprovedBy(\u0022alice@example.com\u0022)]"
              },
              {
                "attribute": "Destructive",
                "change": "removed",
                "path": "src/Gone.cs",
                "line": 4,
                "text": "[Destructive]"
              }
            ],
            "truncated": true
          }
        }

        """;

    [Fact]
    public void ManifestWithARecord_RoundTripsByteForByte_WithEveryField()
    {
        var bytes = Encoding.UTF8.GetBytes(ManifestWithRecord.Replace("\r\n", "\n", StringComparison.Ordinal));

        var manifest = ApprovalManifest.Parse(bytes);

        Assert.Equal(ApprovalManifest.SchemaWithRecord, manifest.SchemaVersion);
        var record = manifest.Record!;
        Assert.True(record.OperationsAnalyzed);
        Assert.True(record.Truncated);
        var added = record.Operations[0];
        Assert.Equal("added destructive Amazon.S3.IAmazonS3.DeleteBucketAsync in src/Cleanup.cs (M:App.Cleanup.Run)", added.ToString());
        Assert.Equal((12, "none"), (added.Line, added.Coverage));
        var moved = record.Operations[1];
        Assert.Equal("moved disruptive System.IO.Directory.Delete in src/Purge.cs (M:App.Purge.Run)", moved.ToString());
        Assert.Equal((5, "attested", "src/Old.cs", 9, "M:App.Old.Run"), (moved.Line, moved.Coverage, moved.PreviousPath, moved.PreviousLine, moved.PreviousMember));
        var removed = record.Operations[2];
        Assert.Equal("removed destructive k8s.IKubernetes.DeleteNamespaceAsync in src/Gone.cs", removed.ToString());
        Assert.Null(removed.Line);
        Assert.Null(removed.Member);
        Assert.Null(removed.Coverage);
        Assert.Equal(
            new[] { "build-configuration modified Directory.Build.props: sets CheckpointGateEnabled", "suppression added .editorconfig: silences CHK001" },
            record.Weakening.Select(w => w.ToString()));
        Assert.Equal(3, record.Weakening[0].Line);
        Assert.Null(record.Weakening[1].Line);
        Assert.Equal(new[] { "added [ApprovedBy] src/Cleanup.cs:11", "removed [Destructive] src/Gone.cs:4" }, record.Attestations.Select(a => a.ToString()));
        Assert.Equal("[ApprovedBy(\"alice@example.com\")]", record.Attestations[0].Text);
        Assert.Equal(bytes, manifest.Serialize());
    }

    [Fact]
    public void RecordThatWasNotTruncated_LeavesTheFlagOut()
    {
        var record = new ApprovalRecord(operationsAnalyzed: false, Array.Empty<RecordedOperation>(), Array.Empty<RecordedWeakening>(), Array.Empty<RecordedAttestation>());
        var manifest = new ApprovalManifest(
            "github.com/contoso/app",
            "sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c",
            "alice@example.com",
            new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 6, 8, 11, 0, 0, TimeSpan.Zero),
            files: null,
            record: record);

        var text = Encoding.UTF8.GetString(manifest.Serialize());

        Assert.Contains("\"review\": {\n    \"operationsAnalyzed\": false,\n    \"operations\": [],\n    \"weakening\": [],\n    \"attestations\": []\n  }\n}\n", text, StringComparison.Ordinal);
        var parsed = ApprovalManifest.Parse(manifest.Serialize()).Record!;
        Assert.False(parsed.OperationsAnalyzed);
        Assert.False(parsed.Truncated);
    }

    [Theory]
    [InlineData("\"operationsAnalyzed\": true,", "", "manifest \"review\" is missing \"operationsAnalyzed\"")]
    [InlineData("\"change\": \"added\",\n        \"tier\"", "\"change\": \"renamed\",\n        \"tier\"", "manifest \"review.operations[0]\": \"change\" is \"renamed\"; expected one of added, removed, moved, coverage-changed")]
    [InlineData("\"tier\": \"destructive\",\n        \"operation\": \"Amazon", "\"tier\": \"harmless\",\n        \"operation\": \"Amazon", "manifest \"review.operations[0]\": \"tier\" is \"harmless\"; expected one of destructive, disruptive")]
    [InlineData("\"coverage\": \"none\"", "\"coverage\": \"None\"", "manifest \"review.operations[0]\": \"coverage\" must be lowercase letters, digits and dashes")]
    [InlineData("\"coverage\": \"attested\"", "\"coverage\": \"1attested\"", "manifest \"review.operations[1]\": \"coverage\" must be lowercase letters, digits and dashes")]
    [InlineData("\"kind\": \"suppression\"", "\"kind\": \"suppression!\"", "manifest \"review.weakening[1]\": \"kind\" must be lowercase letters, digits and dashes")]
    [InlineData("\"change\": \"modified\"", "\"change\": \"Modified\"", "manifest \"review.weakening[0]\": \"change\" must be lowercase letters, digits and dashes")]
    [InlineData("\"attribute\": \"Destructive\"", "\"attribute\": \"Obsolete\"", "manifest \"review.attestations[1]\": \"attribute\" is \"Obsolete\"; expected one of ApprovedBy, Destructive")]
    [InlineData("\"change\": \"removed\",\n        \"path\": \"src/Gone.cs\",\n        \"line\": 4", "\"change\": \"moved\",\n        \"path\": \"src/Gone.cs\",\n        \"line\": 4", "manifest \"review.attestations[1]\": \"change\" is \"moved\"; expected one of added, removed")]
    [InlineData("\"line\": 4,\n", "", "manifest \"review.attestations[1]\" is missing \"line\"")]
    [InlineData("\"truncated\": true", "\"truncated\": false", "manifest \"review.truncated\" is written only when true")]
    [InlineData("\"weakening\": [", "\"weakness\": [], \"weakening2\": [", "manifest \"review\" is missing \"weakening\"")]
    [InlineData("\"attestations\": [", "\"attestation\": [", "manifest \"review\" is missing \"attestations\"")]
    [InlineData("\"operations\": [", "\"operation\": [", "manifest \"review\" is missing \"operations\"")]
    [InlineData("\"truncated\": true", "\"truncated\": true, \"comment\": 1", "manifest \"review\" has unknown member \"comment\"")]
    [InlineData("\"coverage\": \"none\"", "\"coverage\": \"none\", \"note\": \"x\"", "manifest \"review.operations[0]\" has unknown member \"note\"")]
    public void MalformedRecord_IsRejectedWithOneClearLine(string find, string replace, string expected)
    {
        var json = ManifestWithRecord.Replace("\r\n", "\n", StringComparison.Ordinal);
        var changed = ApprovalManifestTests.ReplaceFirst(json, find, replace);

        var error = Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(Encoding.UTF8.GetBytes(changed)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordWithMoreItemsThanTheLimit_IsRejected_AndAtTheLimitAccepted()
    {
        static string With(int count)
        {
            var items = string.Join(",", Enumerable.Repeat("{\"kind\":\"suppression\",\"change\":\"added\",\"path\":\"a\",\"description\":\"d\"}", count));
            return "{\"schema\":\"checkpoint.approval/v2\",\"repository\":\"r\",\"digest\":\"sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c\","
                + "\"approver\":\"alice@example.com\",\"createdAt\":\"2026-06-01T11:00:00Z\",\"expiresAt\":\"2026-06-08T11:00:00Z\","
                + "\"review\":{\"operationsAnalyzed\":true,\"operations\":[],\"weakening\":[" + items + "],\"attestations\":[]}}";
        }

        Assert.Equal(ApprovalRecord.MaxItems, ApprovalManifest.Parse(Encoding.UTF8.GetBytes(With(ApprovalRecord.MaxItems))).Record!.Weakening.Count);
        var error = Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(Encoding.UTF8.GetBytes(With(ApprovalRecord.MaxItems + 1))));
        Assert.Equal("manifest \"review.weakening\" has more than 10000 items", error.Message);
    }

    [Theory]
    [InlineData(null, 10, null)]
    [InlineData("", 10, null)]
    [InlineData(" \t\n ", 10, null)]
    [InlineData("plain", 10, "plain")]
    [InlineData("  padded  ", 10, "padded")]
    [InlineData("line\nbreak\ttab", 20, "line break tab")]
    [InlineData("abcdefghij", 4, "abcd")]
    [InlineData("ab\U0001F600cd", 10, "ab\U0001F600cd")]
    [InlineData("ab\U0001F600cd", 3, "ab")]
    [InlineData("ab\U0001F600cd", 4, "ab\U0001F600")]
    public void Printable_KeepsWholeCharactersAndTurnsControlsIntoSpaces(string? text, int maxLength, string? expected)
    {
        Assert.Equal(expected, ApprovalRecord.Printable(text, maxLength));
    }

    [Fact]
    public void Printable_TurnsUnpairedSurrogatesIntoSpaces()
    {
        // Built in code: an attribute argument cannot carry an unpaired surrogate.
        Assert.Equal("a b", ApprovalRecord.Printable("a" + '\uD800' + "b", 10));
        Assert.Equal("a b", ApprovalRecord.Printable("a" + '\uDC00' + "b", 10));
        Assert.Equal("a", ApprovalRecord.Printable("a" + '\uD800', 10));
    }

    [Fact]
    public void RecordWithoutItsLists_IsAProgrammingError()
    {
        var none = Array.Empty<RecordedOperation>();
        var noWeakening = Array.Empty<RecordedWeakening>();
        var noAttestations = Array.Empty<RecordedAttestation>();

        Assert.Equal("operations", Assert.Throws<ArgumentNullException>(() => new ApprovalRecord(true, null!, noWeakening, noAttestations)).ParamName);
        Assert.Equal("weakening", Assert.Throws<ArgumentNullException>(() => new ApprovalRecord(true, none, null!, noAttestations)).ParamName);
        Assert.Equal("attestations", Assert.Throws<ArgumentNullException>(() => new ApprovalRecord(true, none, noWeakening, null!)).ParamName);
    }
}
