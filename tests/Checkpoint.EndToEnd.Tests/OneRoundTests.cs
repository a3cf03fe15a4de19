using System.Text.Json;

namespace Checkpoint.EndToEnd.Tests;

/// <summary>
/// The loop closes in one round, with the packed package, the installed tool, real repositories and
/// real keys: the agent's build shows the analyzer error and CHK100 together; the agent attests
/// naming Alice and pushes; Alice runs review and approve once; the CI build and verify pass.
/// </summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class OneRoundTests
{
    private const string Purge = "namespace Jobs;\n\npublic static class Purge\n{\n    public static void Run(string folder) => System.IO.Directory.Delete(folder, true);\n}\n";

    private const string AttestedPurge = "namespace Jobs;\n\npublic static class Purge\n{\n    [Checkpoint.ApprovedBy(\"alice@example.com\", Reason = \"Old exports fill the disk\", Ticket = \"OPS-7\")]\n    public static void Run(string folder) => System.IO.Directory.Delete(folder, true);\n}\n";

    [Fact]
    public void AgentAttestsNamingAlice_AliceReviewsAndApprovesOnce_CiBuildAndVerifyPass()
    {
        using var tool = new InstalledTool();
        var repository = GatedRepository.Create("one-round");
        var shop = repository.Consumer;
        var git = repository.Repository;

        // 1. The agent's change: one build shows where the destructive call is and that a human must sign.
        repository.AgentCommits("Jobs/Purge.cs", Purge, "Purge old exports");
        var first = shop.RestoreAndBuild(GatedRepository.Solution, ci: true);
        Assert.False(first.Succeeded, first.ToString());
        var errors = BuildOutput.Errors(first.Output);
        Assert.Contains(errors, e => e.Code is "CHK001" or "CHK002" && e.FileName == "Purge.cs" && e.Line == 5);
        Assert.Contains(errors, e => e.Code == "CHK100" && e.Message.Contains("docs/agents.md", StringComparison.Ordinal));

        // 2. The agent attests, naming the approver, and pushes.
        repository.AgentCommits("Jobs/Purge.cs", AttestedPurge, "Attest the purge for Alice");
        repository.PushBranch();
        var request = tool.Run(git.Root, null, "status", "--no-build", "--format", "markdown");
        Assert.Contains("names alice@example.com: needs alice@example.com's signature", request.StandardOutput, StringComparison.Ordinal);

        // 3. Alice reviews and approves, once.
        git.ActAs(SshKey.Alice);
        var review = tool.Run(git.Root, null, "review", "--no-build", "--format", "json");
        Assert.Equal(0, review.ExitCode);
        using (var json = JsonDocument.Parse(review.StandardOutput))
        {
            Assert.StartsWith("will build once signed by alice@example.com", json.RootElement.GetProperty("buildOutlook").GetString(), StringComparison.Ordinal);
        }

        var approve = tool.Run(git.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        git.Push(GatedRepository.Branch);

        // 4. CI builds and the required check passes.
        var ci = shop.Build(GatedRepository.Solution, ci: true);
        Assert.True(ci.Succeeded, ci.ToString());
        Assert.Contains("approved by alice@example.com", ci.Output, StringComparison.Ordinal);
        var verify = tool.Run(git.Root, new Dictionary<string, string?> { ["CI"] = "true" }, "verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }
}
