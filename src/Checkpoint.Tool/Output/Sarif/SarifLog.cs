using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Checkpoint.Tool.Output.Sarif;

/// <summary>
/// Writes one SARIF 2.1.0 log with one run of the checkpoint tool: the rules it names (with help
/// links), its results with repository-relative locations, and notifications about the run. GitHub
/// code scanning, Azure DevOps' SARIF viewer and the SARIF SDK read it.
/// </summary>
internal static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base every location is relative to.</summary>
    public const string RootBaseId = "%SRCROOT%";

    public static string Write(
        string? repositoryRoot,
        IEnumerable<SarifRule> rules,
        IReadOnlyList<SarifResult> results,
        IReadOnlyList<SarifNotification> notifications,
        bool executionSuccessful)
    {
        // Only the rules the results name, in a fixed order, so ruleIndex is stable for a given log.
        var named = new HashSet<string>(results.Select(r => r.RuleId), StringComparer.Ordinal);
        var ruleList = rules.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).Where(r => named.Contains(r.Id)).ToList();
        var missing = named.Where(id => ruleList.All(r => r.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("SARIF results name rules with no metadata: " + string.Join(", ", missing));
        }

        var index = ruleList.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "checkpoint");
            json.WriteString("version", ToolVersion);
            json.WriteString("semanticVersion", ToolVersion);
            json.WriteString("informationUri", "https://github.com/checkpoint-dotnet/checkpoint");
            json.WriteStartArray("rules");
            foreach (var rule in ruleList)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteStartObject("help");
                json.WriteString("text", "See " + rule.HelpUri);
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", rule.Level);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", executionSuccessful);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var notification in notifications)
            {
                json.WriteStartObject();
                json.WriteString("level", notification.Level);
                WriteMessage(json, notification.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            if (repositoryRoot != null)
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(RootBaseId);
                json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(repositoryRoot) + Path.DirectorySeparatorChar).AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteStartArray("results");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", result.RuleId);
                json.WriteNumber("ruleIndex", index[result.RuleId]);
                json.WriteString("level", result.Level);
                WriteMessage(json, result.Message);
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", EscapePath(result.Path));
                json.WriteString("uriBaseId", RootBaseId);
                json.WriteEndObject();
                if (result.Line is int line && line > 0)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", line);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The tool's version without build metadata (<c>0.1.0</c>, <c>0.1.0-dev</c>).</summary>
    public static string ToolVersion
    {
        get
        {
            var informational = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }
    }

    private static void WriteMessage(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject("message");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference for a repository path: each segment percent-encoded, '/' kept.</summary>
    private static string EscapePath(string path) =>
        string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
}
