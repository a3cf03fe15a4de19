using System;
using System.IO;
using System.Text.Json;

namespace Checkpoint.Tool.Baseline;

/// <summary>
/// Reads one compilation's SARIF 2.1 error log. The baseline key is the diagnostic property
/// <c>CheckpointBaselineKey</c>, which the compiler copies to <c>properties.customProperties</c>;
/// the message text is never parsed.
/// </summary>
internal static class CompilerLog
{
    public const string BaselineKeyProperty = "CheckpointBaselineKey";

    public static void ReadInto(string sarifPath, ProjectSites sites)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(sarifPath), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ToolException($"the compiler's log {sarifPath} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            sites.Compilations++;
            if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    Read(result, sites);
                }
            }
        }
    }

    private static void Read(JsonElement result, ProjectSites sites)
    {
        var ruleId = String(result, "ruleId") ?? string.Empty;
        if (ruleId.StartsWith("CS", StringComparison.Ordinal) && String(result, "level") == "error" && !IsSuppressed(result))
        {
            sites.CompileErrors.Add(ruleId + ": " + (result.TryGetProperty("message", out var message) ? String(message, "text") : null));
            return;
        }

        if (ruleId is not ("CHK001" or "CHK002"))
        {
            return;
        }

        var key = result.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty("customProperties", out var custom)
            ? String(custom, BaselineKeyProperty)
            : null;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ToolException($"a {ruleId} result in {sites.ProjectPath}'s compiler log has no {BaselineKeyProperty} property; the Checkpoint.Analyzers package is older than this tool");
        }

        sites.All.Add(key!);
        if (!IsSuppressed(result) && !sites.Unlisted.Contains(key!))
        {
            sites.Unlisted.Add(key!);
        }
    }

    private static bool IsSuppressed(JsonElement result) =>
        result.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array && suppressions.GetArrayLength() > 0;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
