using System.Text.Json;
using Checkpoint.Tool.Tests.EndToEnd;

namespace Checkpoint.Tool.Tests.Audit;

/// <summary>
/// `checkpoint prune` through the command line, in process, on real repositories: old approvals
/// leave the protected branch's tree in one commit, recent ones stay, and the audit still finds the
/// removed ones in history.
/// </summary>
public sealed class PruneCommandTests
{
    // Approvals are made 2026-05-01 08:00 UTC; 200 days later they are older than 90 days.
    private static readonly DateTimeOffset Later = new(2026, 11, 17, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnTheProtectedBranch_OldApprovalsLeaveTheTreeInOneCommit_AndAuditStillFindsThem()
    {
        using var repo = ProtectedBranchWithAnOldApproval(out var merge);
        var recent = repo.ManifestFor(SshKey.Bob, createdAt: Later.AddDays(-10), validFor: TimeSpan.FromDays(14));
        repo.Approve(SshKey.Bob, recent.Serialize(), "bob-recent", committer: ToolScenario.Maintainer);
        repo.PushMain();
        var before = repo.Git("rev-parse", "HEAD");

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", "90d", "--yes");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(before, repo.Git("rev-parse", "HEAD~1"));
        Assert.Equal(
            [".checkpoint/approvals/alice-old.json", ".checkpoint/approvals/alice-old.json.sig"],
            repo.Git("diff-tree", "-r", "--name-only", "--no-commit-id", "HEAD~1", "HEAD").Split('\n'));
        Assert.Equal("D\tD", string.Join('\t', repo.Git("diff-tree", "-r", "--name-status", "--no-commit-id", "HEAD~1", "HEAD").Split('\n').Select(l => l[..1])));
        Assert.Equal(
            [".checkpoint/approvals/bob-recent.json", ".checkpoint/approvals/bob-recent.json.sig"],
            repo.Git("ls-tree", "--name-only", "HEAD", ".checkpoint/approvals/").Split('\n'));
        Assert.StartsWith("Prune 1 approval(s) created before", repo.Git("log", "-1", "--format=%s"), StringComparison.Ordinal);
        Assert.Equal("Maria Maintainer <maria@example.com>", repo.Git("log", "-1", "--format=%an <%ae>"));

        repo.PushMain();
        var audit = AuditCommandTests.Run(repo, Later, "audit", "--format", "json");

        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        using var document = JsonDocument.Parse(audit.Output);
        var changes = document.RootElement.GetProperty("changes").EnumerateArray().ToList();
        var merged = changes.Single(c => c.GetProperty("landingCommit").GetString() == merge);
        Assert.True(merged.GetProperty("approved").GetBoolean());
        Assert.Equal(".checkpoint/approvals/alice-old.json", merged.GetProperty("approvals")[0].GetProperty("path").GetString());
        var prune = changes.Single(c => c.GetProperty("landingCommit").GetString() == repo.Git("rev-parse", "HEAD"));
        Assert.False(prune.GetProperty("gated").GetBoolean());
        Assert.Equal("it changes only approval files", prune.GetProperty("gatedBecause").GetString());
    }

    [Fact]
    public void DryRun_ListsWhatWouldGo_AndChangesNothing()
    {
        using var repo = ProtectedBranchWithAnOldApproval(out _);
        var before = repo.Git("rev-parse", "HEAD");

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", "13w", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(".checkpoint/approvals/alice-old.json.sig", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, repo.Git("rev-parse", "HEAD"));
        Assert.Empty(repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void WithoutATerminalOrYes_RemovesNothing()
    {
        using var repo = ProtectedBranchWithAnOldApproval(out _);
        var before = repo.Git("rev-parse", "HEAD");

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", "90d");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("typed confirmation", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, repo.Git("rev-parse", "HEAD"));
        Assert.Empty(repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void NothingOlderThanTheAge_IsNothingToPrune()
    {
        using var repo = ProtectedBranchWithAnOldApproval(out _);
        var before = repo.Git("rev-parse", "HEAD");

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", "365d", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Nothing to prune", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, repo.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void OnAnAgentBranch_IsRefused()
    {
        using var repo = ProtectedBranchWithAnOldApproval(out _);
        repo.Branch("copilot/tidy-approvals");
        var before = repo.Git("rev-parse", "HEAD");

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", "90d", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("prune is done on a protected branch itself: HEAD is branch copilot/tidy-approvals", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, repo.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void AheadOfTheProtectedBranch_IsRefused()
    {
        using var repo = ProtectedBranchWithAnOldApproval(out _);
        repo.Write("README.md", "# Not pushed\n").Commit("Local only", ToolScenario.Maintainer);

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", "90d", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not the tip or in the history of a protected branch", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90")]
    [InlineData("3m")]
    [InlineData("0d")]
    [InlineData("99999w")]
    public void AgeThatIsNotDaysOrWeeks_IsExit2(string age)
    {
        using var repo = ToolScenario.OnMain();

        var result = AuditCommandTests.Run(repo, Later, "prune", "--older-than", age, "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--older-than", result.Error, StringComparison.Ordinal);
    }

    private static TestRepository ProtectedBranchWithAnOldApproval(out string merge)
    {
        var repo = ToolScenario.OnMain();
        AuditCommandTests.AgentBranch(repo, "copilot/old", "src/Old.cs");
        AuditCommandTests.Approve(repo, SshKey.Alice, "alice-old");
        merge = AuditCommandTests.MergeCommit(repo, "copilot/old", 1);
        return repo;
    }
}
