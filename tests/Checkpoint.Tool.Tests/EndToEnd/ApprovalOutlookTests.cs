using System.Text.Json;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>The review says whether the branch will build once the approval is signed, and whose signatures it needs.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ApprovalOutlookTests(InstalledTool tool)
{
    private string Outlook(TestRepository repository)
    {
        var result = tool.Run(repository.Root, null, "review", "--no-build", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("buildOutlook").GetString()!;
    }

    [Fact]
    public void AttestationNamingBob_SaysBobMustSign()
    {
        using var repository = ToolScenario.OnMain();
        repository.Branch("copilot/drop").Write("src/Service.cs", "class Service\n{\n    [Checkpoint.ApprovedBy(\"bob@example.com\", Reason = \"Drop\")]\n    void Drop() { }\n}\n").Commit("Drop", ToolScenario.Agent);

        var outlook = Outlook(repository);

        Assert.StartsWith("will build once signed by bob@example.com", outlook, StringComparison.Ordinal);
        Assert.Contains("not analyzed", outlook, StringComparison.Ordinal);
    }

    [Fact]
    public void AttestationTheGateCannotRead_SaysItWillNotBuild()
    {
        using var repository = ToolScenario.OnMain();
        repository.Branch("copilot/drop").Write("src/Service.cs", "class Service\n{\n    [Checkpoint.ApprovedBy(Names.Bob, Reason = \"Drop\")]\n    void Drop() { }\n}\n").Commit("Drop", ToolScenario.Agent);

        var outlook = Outlook(repository);

        Assert.StartsWith("will NOT build even once approved", outlook, StringComparison.Ordinal);
        Assert.Contains("src/Service.cs:3", outlook, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainChange_NeedsATrustedApproverWhoDidNotWriteIt()
    {
        using var repository = ToolScenario.WithAgentBranch(requiredApprovers: 2);

        Assert.StartsWith("will build once signed by a trusted approver who did not write any of it (2 distinct approvers in all)", Outlook(repository), StringComparison.Ordinal);
    }
}
