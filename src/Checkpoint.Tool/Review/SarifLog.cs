using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Checkpoint.Tool.Review;

/// <summary>Reads the compiler's SARIF 2.1 error log (<c>-p:ErrorLog=file,version=2.1</c>).</summary>
internal static class SarifLog
{
    private static readonly HashSet<string> OperationRules = new HashSet<string>(StringComparer.Ordinal) { "CHK001", "CHK002" };

    public static IReadOnlyList<AnalyzerFinding> ReadFindings(string sarifJson, string sourceRoot)
    {
        var findings = new List<AnalyzerFinding>();
        using var document = JsonDocument.Parse(sarifJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            return findings;
        }

        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var ruleId = String(result, "ruleId");
                if (ruleId == null || !OperationRules.Contains(ruleId))
                {
                    continue;
                }

                var message = result.TryGetProperty("message", out var messageElement) ? String(messageElement, "text") ?? string.Empty : string.Empty;
                var (operation, service, effect) = OperationAnalysis.DescribeMessage(message);
                var (path, line, column) = Location(result, sourceRoot);
                var suppressed = result.TryGetProperty("suppressions", out var suppressions)
                    && suppressions.ValueKind == JsonValueKind.Array
                    && suppressions.GetArrayLength() > 0;
                findings.Add(new AnalyzerFinding(ruleId, String(result, "level") ?? "warning", operation, service, effect, path, line, column, suppressed, ContainingMember(result)));
            }
        }

        return findings;
    }

    /// <summary>Roslyn writes diagnostic properties to properties.customProperties; accept them at either level.</summary>
    private static string? ContainingMember(JsonElement result)
    {
        if (!result.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (properties.TryGetProperty("customProperties", out var custom) && String(custom, "containingMember") is string member)
        {
            return member;
        }

        return String(properties, "containingMember");
    }

    private static (string Path, int Line, int Column) Location(JsonElement result, string sourceRoot)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0)
        {
            return ("(no location)", 0, 0);
        }

        var physical = locations[0].TryGetProperty("physicalLocation", out var p) ? p : default;
        if (physical.ValueKind != JsonValueKind.Object)
        {
            return ("(no location)", 0, 0);
        }

        var uri = physical.TryGetProperty("artifactLocation", out var artifact) ? String(artifact, "uri") : null;
        var line = 0;
        var column = 0;
        if (physical.TryGetProperty("region", out var region))
        {
            line = Int(region, "startLine");
            column = Int(region, "startColumn");
        }

        return (RelativePath(uri, sourceRoot), line, column);
    }

    internal static string RelativePath(string? uri, string sourceRoot)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "(no location)";
        }

        var path = uri!;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile)
        {
            path = absolute.LocalPath;
        }

        if (System.IO.Path.IsPathRooted(path))
        {
            var relative = System.IO.Path.GetRelativePath(sourceRoot, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal))
            {
                path = relative;
            }
        }

        return path.Replace('\\', '/');
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}
