using System.Text.Json;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>
/// What a SARIF 2.1.0 log must have for GitHub code scanning and other readers: the version and
/// schema, a named tool whose rules each have an ID, a short description, a help link and a level,
/// and results that name one of those rules, with a message and at least one repository-relative
/// location (code scanning refuses a result without one).
/// </summary>
internal static class SarifShape
{
    private static readonly string[] Levels = ["error", "warning", "note", "none"];

    public static JsonElement AssertValid(string sarif)
    {
        var root = JsonDocument.Parse(sarif).RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("checkpoint", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.StartsWith("https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Levels);
        }

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(ruleId, ids[index]);
            Assert.Contains(result.GetProperty("level").GetString(), Levels);
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.False(Uri.IsWellFormedUriString(uri, UriKind.Absolute), "locations are relative to the repository: " + uri);
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            if (location.TryGetProperty("region", out var region))
            {
                Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            }
        }

        if (run.TryGetProperty("originalUriBaseIds", out var bases))
        {
            Assert.EndsWith("/", bases.GetProperty("%SRCROOT%").GetProperty("uri").GetString(), StringComparison.Ordinal);
        }

        return run;
    }
}
