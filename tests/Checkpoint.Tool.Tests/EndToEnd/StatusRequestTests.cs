using Checkpoint.Tool.Tests.Output;
using System.Text.Json;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>`checkpoint status` says what the branch needs, in text, markdown and JSON.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class StatusRequestTests(InstalledTool tool)
{
    private static TestRepository AttestingBob()
    {
        var repository = ToolScenario.OnMain();
        repository.Branch("copilot/drop")
            .Write("src/Service.cs", "class Service\n{\n    [Checkpoint.ApprovedBy(\"bob@example.com\", Reason = \"Drop\")]\n    void Drop() { }\n    [Checkpoint.ApprovedBy(Names.Carol)]\n    void Keep() { }\n}\n")
            .Commit("Drop", ToolScenario.Agent);
        return repository;
    }

    [Fact]
    public void Json_ListsTheAttestationsWhoseSignaturesTheyNeed_AndTheTrustedPrincipals()
    {
        using var repository = AttestingBob();

        var result = tool.Run(repository.Root, null, "status", "--no-build", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("checkpoint.verdict/v1", json.RootElement.GetProperty("schema").GetString());
        DocumentSchemas.AssertValid(DocumentSchemas.Verdict, result.StandardOutput);
        Assert.StartsWith("sha256:", json.RootElement.GetProperty("digest").GetString(), StringComparison.Ordinal);
        var request = json.RootElement.GetProperty("request");
        var attestations = request.GetProperty("attestations").EnumerateArray().ToList();
        Assert.Equal(2, attestations.Count);
        Assert.Equal("bob@example.com", attestations[0].GetProperty("approver").GetString());
        Assert.Equal(3, attestations[0].GetProperty("line").GetInt32());
        Assert.False(attestations[0].GetProperty("signed").GetBoolean());
        Assert.Contains("not a string literal", attestations[1].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(["alice@example.com", "bob@example.com"], request.GetProperty("trustedPrincipals").EnumerateArray().Select(p => p.GetString()));
        Assert.False(request.GetProperty("operationsAnalyzed").GetBoolean());
        Assert.StartsWith("will NOT build", request.GetProperty("outlook").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_IsARequestAnAgentCanPasteIntoThePullRequest()
    {
        using var repository = AttestingBob();

        var result = tool.Run(repository.Root, null, "status", "--no-build", "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("## Checkpoint: approval request", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("src/Service.cs:3: names bob@example.com: needs bob@example.com's signature", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("src/Service.cs:5: cannot be read by the gate", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("`alice@example.com`, `bob@example.com`", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_EndsWithWhatTheBranchNeeds()
    {
        using var repository = AttestingBob();

        var result = tool.Run(repository.Root, null, "status", "--no-build");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("What the branch needs", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("needs bob@example.com's signature", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("docs/agents.md", result.StandardOutput, StringComparison.Ordinal);
    }
}
