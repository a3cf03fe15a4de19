using Checkpoint.Tool.Tests.Output;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>Real output of the installed tool, and the files it writes, against docs/schemas.</summary>
[Collection(InstalledToolForVerdictsCollection.Name)]
public sealed class SchemaTests(InstalledTool tool)
{
    [Fact]
    public void VerdictsOfEveryOutcome_MatchTheVerdictSchema()
    {
        using var repository = ToolScenario.WithAgentBranch("copilot/it's-<b>");
        var failed = tool.Run(repository.Root, null, "verify", "--format", "json");
        var status = tool.Run(repository.Root, null, "status", "--format", "json");
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);
        var approved = tool.Run(repository.Root, null, "verify", "--format", "json");
        repository.Git("checkout", "-q", "main");
        var notGated = tool.Run(repository.Root, null, "verify", "--format", "json");
        var outside = tool.Run(Path.GetTempPath(), null, "verify", "--format", "json");

        Assert.Equal([1, 0, 0, 0, 2], new[] { failed.ExitCode, status.ExitCode, approved.ExitCode, notGated.ExitCode, outside.ExitCode });
        foreach (var output in new[] { failed, status, approved, notGated, outside })
        {
            DocumentSchemas.AssertValid(DocumentSchemas.Verdict, output.Output);
        }

        Assert.Contains("\"branch\": \"copilot/it's-<b>\"", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_MatchesTheReviewSchema()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.Write("Directory.Build.props", "<Project><PropertyGroup><NoWarn>CHK001</NoWarn></PropertyGroup></Project>\n");
        repository.Write("src/Ops.cs", "#pragma warning disable CHK001\n[Checkpoint.ApprovedBy(\"agent@example.com\", Reason = \"x\")]\nclass Ops { }\n");
        repository.Write("bin.dat", "\0binary\0");
        repository.Commit("More changes", ToolScenario.Agent);

        var review = tool.Run(repository.Root, null, "review", "--format", "json", "--no-build");

        Assert.Equal(0, review.ExitCode);
        DocumentSchemas.AssertValid(DocumentSchemas.Review, review.Output);
        Assert.Contains("\"kind\": \"diagnostic-settings\"", review.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyThatInitWrites_AndTheApprovalThatApproveSigns_MatchTheirSchemas()
    {
        using var repository = ToolScenario.WithAgentBranch();
        var policyPath = Path.Combine(repository.Root, ".checkpoint", "policy.json");
        File.Delete(policyPath);
        Assert.Equal(0, tool.Run(repository.Root, null, "init", "--key", SshKey.Alice.PublicKeyPath, "--principal", "alice@example.com", "--scope", "all-branches", "--force").ExitCode);
        var policy = File.ReadAllText(policyPath);
        repository.Git("checkout", "-q", "--", ".checkpoint");
        repository.ActAs(SshKey.Alice);

        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);

        DocumentSchemas.AssertValid(DocumentSchemas.Policy, policy);
        Assert.Contains("\"$schema\": \"https://raw.githubusercontent.com/checkpoint-dotnet/checkpoint/main/docs/schemas/policy.schema.json\"", policy, StringComparison.Ordinal);
        var manifest = Directory.GetFiles(Path.Combine(repository.Root, ".checkpoint", "approvals"), "*.json").Single();
        // approve records what the review showed, so it writes v2; the v1 schema refuses its "review" member.
        var approval = File.ReadAllText(manifest);
        Assert.Contains("\"schema\": \"checkpoint.approval/v2\"", approval, StringComparison.Ordinal);
        DocumentSchemas.AssertValid(DocumentSchemas.ApprovalWithRecord, approval);
        Assert.NotEmpty(DocumentSchemas.Errors(DocumentSchemas.Approval, approval));
    }
}
