using System.Text.Json;
using Checkpoint.Core.Gate;
using Checkpoint.Tool.Output;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>The verdict's JSON as people and programs read it: text as written, null for what is absent.</summary>
public sealed class VerdictJsonTests
{
    [Fact]
    public void Apostrophes_AndMarkupCharacters_AreWrittenAsTheyAre()
    {
        var verdict = new GateVerdict
        {
            Outcome = GateOutcome.Failed,
            Branch = "copilot/it's-<b>&",
            Messages = [new GateMessage("CHK100", GateSeverity.Error, "branch 'copilot/it's-<b>&' needs a signed approval")],
        };

        var json = VerdictOutput.ToJson(verdict);

        Assert.Contains("\"branch\": \"copilot/it's-<b>&\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", json, StringComparison.Ordinal);
        Assert.Equal("copilot/it's-<b>&", JsonDocument.Parse(json).RootElement.GetProperty("branch").GetString());
    }

    [Fact]
    public void AMessageWithoutARule_HasANullCode()
    {
        var verdict = new GateVerdict
        {
            Outcome = GateOutcome.NotGated,
            Messages = [new GateMessage(string.Empty, GateSeverity.Info, "not gated: branch 'main' is protected")],
            Approvals = [new ApprovalReport(".checkpoint/approvals/a.json", "alice@example.com", true, null, null, null)],
        };

        var root = JsonDocument.Parse(VerdictOutput.ToJson(verdict)).RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("messages")[0].GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("approvals")[0].GetProperty("code").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("digest").ValueKind);
        Assert.Equal(JsonOutput.VerdictSchemaUri, root.GetProperty("$schema").GetString());
    }
}
