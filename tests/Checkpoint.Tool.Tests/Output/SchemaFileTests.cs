using System.Text.Json;
using System.Text.RegularExpressions;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Gate;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>The schema files themselves: where they say they live, what the tool says they are, and that they reject what the code would refuse.</summary>
public sealed partial class SchemaFileTests
{
    [GeneratedRegex("```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    public static TheoryData<string> Schemas() => new(DocumentSchemas.Policy, DocumentSchemas.Approval, DocumentSchemas.ApprovalWithRecord, DocumentSchemas.Verdict, DocumentSchemas.Review);

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_IsWhereItsIdSays(string file)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SourceTree.Path("docs", "schemas", file)));

        Assert.Equal(JsonOutput.SchemaBaseUri + file, schema.RootElement.GetProperty("$id").GetString());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.NotNull(DocumentSchemas.Load(file));
    }

    [Fact]
    public void TheToolsSchemaAddresses_AreTheSchemaFiles()
    {
        Assert.Equal(JsonOutput.SchemaBaseUri + DocumentSchemas.Verdict, JsonOutput.VerdictSchemaUri);
        Assert.Equal(JsonOutput.SchemaBaseUri + DocumentSchemas.Review, JsonOutput.ReviewSchemaUri);
        Assert.Equal(JsonOutput.SchemaBaseUri + DocumentSchemas.Policy, JsonOutput.PolicySchemaUri);
    }

    /// <summary>Every member a v2 record can carry, as the code writes it, against the v2 schema; and a record under v1 is refused by both.</summary>
    [Fact]
    public void ManifestWithAFullRecord_MatchesTheV2Schema_AndNotV1()
    {
        var record = new ApprovalRecord(
            true,
            [
                new RecordedOperation("added", "destructive", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "src/Cleanup.cs", 9, "M:Cleanup.Drop"),
                new RecordedOperation("moved", "disruptive", "Amazon.EC2.IAmazonEC2.StopInstancesAsync", "src/Ops.cs", 4, "M:Ops.Stop", "src/Old.cs", 7, "M:Old.Stop", "global-config"),
            ],
            [new RecordedWeakening("suppression", "created", "src/Cleanup.cs", 1, "#pragma warning disable CHK001")],
            [new RecordedAttestation("ApprovedBy", "added", "src/Cleanup.cs", 8, "[ApprovedBy(\"alice@example.com\")]")],
            truncated: true);
        var manifest = new ApprovalManifest(
            "github.com/acme/service",
            "sha256:" + new string('a', 64),
            "alice@example.com",
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero),
            [new ApprovedFile("src/Cleanup.cs", "sha256:" + new string('b', 64))],
            "refs/remotes/origin/main",
            new string('c', 40),
            record);
        var json = System.Text.Encoding.UTF8.GetString(manifest.Serialize());

        DocumentSchemas.AssertValid(DocumentSchemas.ApprovalWithRecord, json);
        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.Approval, json));
        var asV1 = json.Replace("checkpoint.approval/v2", "checkpoint.approval/v1", StringComparison.Ordinal);
        Assert.Throws<ApprovalFormatException>(() => ApprovalManifest.Parse(System.Text.Encoding.UTF8.GetBytes(asV1)));
        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.Approval, asV1));
        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.ApprovalWithRecord, asV1));
    }

    [Fact]
    public void PolicyExamplesOfTheDocs_AreValid()
    {
        var examples = JsonBlock().Matches(SourceTree.ReadText("docs/policy.md").ReplaceLineEndings("\n")).Select(m => m.Groups["json"].Value).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => DocumentSchemas.AssertValid(DocumentSchemas.Policy, example));
    }

    [Theory]
    [InlineData("""{ "protectedBranches": [] }""")]
    [InlineData("""{ "scope": "some-branches" }""")]
    [InlineData("""{ "requiredApprovers": 11 }""")]
    [InlineData("""{ "requireApprovers": 2 }""")]
    public void PolicyTheGateRefuses_IsInvalid(string policy)
    {
        Assert.Throws<Checkpoint.Core.Policy.PolicyFormatException>(() => Checkpoint.Core.Policy.CheckpointPolicy.Parse(System.Text.Encoding.UTF8.GetBytes(policy)));
        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.Policy, policy));
    }

    [Fact]
    public void AVerdictWithAMemberTheSchemaDoesNotKnow_IsInvalid()
    {
        var json = VerdictOutput.ToJson(new GateVerdict { Outcome = GateOutcome.NotGated });
        DocumentSchemas.AssertValid(DocumentSchemas.Verdict, json);

        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.Verdict, json.Replace("\"isCi\"", "\"extra\": 1, \"isCi\"", StringComparison.Ordinal)));
        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.Verdict, json.Replace("\"not-gated\"", "\"maybe\"", StringComparison.Ordinal)));
    }
}
