using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>
/// Updating a branch from its base is not authoring it: a merge commit whose tree is exactly git's
/// automatic merge of its parents does not make its author or committer an author for CHK107.
/// </summary>
public sealed class MergeFromBaseTests
{
    private const string Branch = "copilot/feature";
    private const string AliceIdentity = "Alice <alice@example.com>";
    private const string GitHubWebFlow = "GitHub <noreply@github.com>";

    private static TestRepository AgentBranchWithBaseMovedOn()
    {
        var repo = TestRepository.Create();
        repo.Branch(Branch).Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Checkout("main").Write("docs/Notes.md", "Someone else's change on main\n").Commit("Notes").ToString();
        repo.PushMain();
        repo.Checkout(Branch);
        return repo;
    }

    /// <summary>GitHub's "Update branch": a merge of the base into the branch, authored by whoever clicked, committed by GitHub.</summary>
    private static string UpdateBranch(TestRepository repo, Action<TestRepository>? edit = null)
    {
        repo.Git("merge", "-q", "--no-ff", "--no-commit", "--no-verify", "origin/main");
        edit?.Invoke(repo);
        repo.Git("add", "-A");
        return repo.CommitIndex("Merge branch 'main' into " + Branch, AliceIdentity, GitHubWebFlow);
    }

    [Fact]
    public void UpdateBranchByTheApprover_AfterHerApproval_KeepsTheApproval()
    {
        using var repo = AgentBranchWithBaseMovedOn();
        repo.Approve(SshKey.Alice);
        var before = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.Approved, before);

        UpdateBranch(repo);
        var after = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, after);
        Assert.Equal(before.Digest, after.Digest);
        Assert.Equal(["alice@example.com"], after.Approvers);
    }

    [Fact]
    public void UpdateBranchByTheApprover_BeforeSheApproves_DoesNotMakeHerAnAuthor()
    {
        using var repo = AgentBranchWithBaseMovedOn();
        UpdateBranch(repo);
        repo.Approve(SshKey.Alice);

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void MergeWithAnEditOfItsOwn_StillMakesTheApproverAnAuthor()
    {
        using var repo = AgentBranchWithBaseMovedOn();
        var merge = UpdateBranch(repo, r => r.Write("src/Feature.cs", "class Feature { void Sneak() { } }\n"));
        repo.Approve(SshKey.Alice);

        AssertAuthored(repo.Evaluate(), merge);
    }

    [Fact]
    public void MergeThatResolvesAConflict_StillMakesTheApproverAnAuthor()
    {
        using var repo = TestRepository.Create();
        repo.Branch(Branch).Write("src/App.cs", "class App { static void Main() { System.Console.WriteLine(1); } }\n").Commit("Print one", TestRepository.CopilotAuthor);
        repo.Checkout("main").Write("src/App.cs", "class App { static void Main() { System.Console.WriteLine(2); } }\n").Commit("Print two");
        repo.PushMain();
        repo.Checkout(Branch);
        var conflicted = ProcessRunner.Run("git", ["merge", "--no-ff", "--no-commit", "origin/main"], repo.Root);
        Assert.NotEqual(0, conflicted.ExitCode);
        repo.Write("src/App.cs", "class App { static void Main() { System.Console.WriteLine(3); } }\n");
        repo.Git("add", "-A");
        var merge = repo.CommitIndex("Merge main, resolving the conflict", AliceIdentity, GitHubWebFlow);
        repo.Approve(SshKey.Alice);

        AssertAuthored(repo.Evaluate(), merge);
    }

    [Fact]
    public void MergeOfAnotherBranchTheApproverWrote_StillMakesHerAnAuthor()
    {
        using var repo = TestRepository.Create();
        repo.Branch(Branch).Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Branch("alice/helper").Write("src/Helper.cs", "class Helper { }\n").Commit("Helper", AliceIdentity);
        repo.Checkout(Branch).Merge("alice/helper", author: AliceIdentity);
        repo.Approve(SshKey.Alice);

        Assert.Contains(repo.Evaluate().Errors, e => e.Code == "CHK107" && e.Text.Contains("authored or committed", StringComparison.Ordinal));
    }

    private static void AssertAuthored(GateVerdict verdict, string commit)
    {
        Assert.Equal(GateOutcome.Failed, verdict.Outcome);
        Assert.All(verdict.Errors, e => Assert.Equal("CHK107", e.Code));
        Assert.Contains(verdict.Errors, e => e.Text.Contains(commit[..12], StringComparison.Ordinal));
    }
}
