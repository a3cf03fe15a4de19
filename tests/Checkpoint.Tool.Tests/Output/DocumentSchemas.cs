using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>The schemas of docs/schemas, loaded once each, and a check of a document against one of them.</summary>
internal static class DocumentSchemas
{
    public const string Policy = "policy.schema.json";
    public const string Approval = "checkpoint.approval.v1.schema.json";
    public const string ApprovalWithRecord = "checkpoint.approval.v2.schema.json";
    public const string Verdict = "checkpoint.verdict.v1.schema.json";
    public const string Review = "checkpoint.review.v1.schema.json";

    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new(StringComparer.Ordinal);

    public static JsonSchema Load(string file) =>
        Loaded.GetOrAdd(file, name => JsonSchema.FromText(File.ReadAllText(SourceTree.Path("docs", "schemas", name))));

    /// <summary>The schema's errors for <paramref name="json"/>, one line each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string file, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Load(file).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, with no details")
            .ToList();
    }

    public static void AssertValid(string file, string json)
    {
        var errors = Errors(file, json);
        Assert.True(errors.Count == 0, $"not valid against docs/schemas/{file}:\n{string.Join("\n", errors)}\n--- document\n{json}");
    }
}
