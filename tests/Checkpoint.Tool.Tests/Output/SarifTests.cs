using System.Text.Json;
using Checkpoint.Core.Gate;
using Checkpoint.Tool.Output;
using Checkpoint.Tool.Output.Sarif;
using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>verify and review as SARIF 2.1.0: the shape code scanning needs, and rule metadata that cannot drift from the rule pages.</summary>
public sealed class SarifTests
{
    [Fact]
    public void Verdict_IsOneResultPerMessage_UnderItsRule_AtTheFileItIsAbout()
    {
        var verdict = new GateVerdict
        {
            Outcome = GateOutcome.Failed,
            RepositoryRoot = "/src/service",
            Messages =
            [
                new GateMessage("CHK100", GateSeverity.Error, "branch 'copilot/x' needs a signed approval"),
                new GateMessage("CHK103", GateSeverity.Error, "signer is not trusted", ".checkpoint/approvals/mallory-0123.json"),
                new GateMessage("", GateSeverity.Info, "not gated: a note"),
            ],
            Notices = ["policy.json differs on this branch; the base's copy was used"],
        };

        var run = SarifShape.AssertValid(VerdictOutput.ToSarif(verdict));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["CHK100", "CHK103", "checkpoint"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal(["error", "error", "note"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.Equal([".checkpoint/policy.json", ".checkpoint/approvals/mallory-0123.json", ".checkpoint/policy.json"], results.Select(Uri));
        Assert.Equal("file:///src/service/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.Contains("policy.json differs on this branch; the base's copy was used", notifications);
        Assert.Contains("checkpoint: failed", notifications);
    }

    [Fact]
    public void Review_ReportsWhatHeadHas_AndNotWhatItRemoved()
    {
        var review = new ChangeReview(
            "example.com/acme/service",
            "refs/remotes/origin/main",
            new string('a', 40),
            new string('b', 40),
            "sha256:" + new string('c', 64),
            [new BuildLogicChange("src/App/App.csproj", "modified", "a project file", "@@ -1 +1 @@\n")],
            [new WeakeningChange("src/App/App.csproj", 4, WeakeningKind.DiagnosticSettings, "added", "diagnostic setting added: <NoWarn>CHK001</NoWarn>")],
            new OperationReview(
                true,
                null,
                [
                    Operation("added", "CHK001", "none", "src/Ops/Cleanup.cs", 12),
                    Operation("added", "CHK008", "attested", "src/Ops/Retire.cs", 30),
                    Operation("removed", "CHK001", "none", "src/Ops/Old.cs", 5),
                ],
                ["2 compile errors in src/Ops/Broken.cs"],
                ["scripts/teardown.sh: not C#"]),
            [],
            []);

        var run = SarifShape.AssertValid(ReviewSarif.Write(review, "/src/service"));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["build-logic", "weakening/diagnostic-settings", "CHK001", "CHK008"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal(["warning", "warning", "error", "note"], results.Select(r => r.GetProperty("level").GetString()));
        Assert.DoesNotContain(results, r => Uri(r) == "src/Ops/Old.cs");
        Assert.Equal(12, results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal("https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/CHK001.md", rules["CHK001"].GetProperty("helpUri").GetString());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Review_NotAnalyzed_IsAFailedInvocationWithTheReason()
    {
        var review = new ChangeReview("r", "refs/remotes/origin/main", new string('a', 40), new string('b', 40), "sha256:" + new string('c', 64), [], [], OperationReview.NotAnalyzed("--no-build was given"), [], []);

        var run = SarifShape.AssertValid(ReviewSarif.Write(review, "/src/service"));

        var invocation = run.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains("NOT ANALYZED: --no-build was given", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GateRuleTitles_AreTheRulePagesTitles()
    {
        foreach (var rule in SarifRules.Gate)
        {
            var heading = File.ReadLines(SourceTree.Path("docs", "rules", rule.Id + ".md")).First();
            Assert.Equal($"# {rule.Id}: {rule.Title}", heading);
            Assert.Equal(SarifRules.RulesUri + rule.Id + ".md", rule.HelpUri);
        }

        Assert.Equal(Enumerable.Range(100, 8).Select(n => "CHK" + n), SarifRules.Gate.Select(r => r.Id));
    }

    [Fact]
    public void AnalyzerRules_AreTheAnalyzersDescriptors_WithTheirPages()
    {
        Assert.Equal(SarifRules.Analyzers.Select(r => r.Id).Order(StringComparer.Ordinal), SarifRules.Analyzers.Select(r => r.Id));
        Assert.Subset(SarifRules.Analyzers.Select(r => r.Id).ToHashSet(), Enumerable.Range(1, 8).Select(n => "CHK00" + n).ToHashSet());
        foreach (var rule in SarifRules.Analyzers)
        {
            Assert.Equal(SarifRules.RulesUri + rule.Id + ".md", rule.HelpUri);
            Assert.True(File.Exists(SourceTree.Path("docs", "rules", rule.Id + ".md")), rule.Id);
        }
    }

    private static OperationChange Operation(string change, string ruleId, string coverage, string path, int line) =>
        new(change, ruleId, "Error", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "Amazon.S3", "deletes an S3 bucket", "Destructive", path, line, "M:Ops.Cleanup.Run", null, null, null, false, coverage, coverage == "attested" ? "alice@example.com" : null, false);

    private static string? Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
}
