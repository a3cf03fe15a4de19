using System.Text.Json;
using System.Text.RegularExpressions;
using Checkpoint.Core.Gate;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>The schema files themselves: where they say they live, what the tool says they are, and that they reject what the code would refuse.</summary>
public sealed partial class SchemaFileTests
{
    [GeneratedRegex("```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    public static TheoryData<string> Schemas() => new(DocumentSchemas.Policy, DocumentSchemas.Approval, DocumentSchemas.Verdict, DocumentSchemas.Review);

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
