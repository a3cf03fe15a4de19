using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>Rows 9, 13-16 and 19: attacks on what git shows the gate.</summary>
public sealed class GitDataRowTests
{
    [Fact]
    public void Row09_CiWorkflowRemovedOnBranch_IsPartOfTheGatedDiff()
    {
        using var repo = TestRepository.Create();
        repo.Write(".github/workflows/checkpoint-verify.yml", SourceTree.ReadText("docs/ci/checkpoint-verify.yml")).Commit("Require checkpoint verify");
        repo.PushMain();
        repo.Branch(Scenario.AgentBranch).Delete(".github/workflows/checkpoint-verify.yml").Write("README.md", "# Demo, fixed\n")
            .Commit("Tidy CI", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
    }

    [Fact]
    public void Row09_DocumentedWorkflowRunsFromTheBase_OnPullRequestTarget()
    {
        // The branch's copy of the workflow never runs for the required check: GitHub takes pull_request_target from the base.
        var workflow = SourceTree.ReadText("docs/ci/checkpoint-verify.yml");

        Assert.Contains("pull_request_target:", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  pull_request:", workflow, StringComparison.Ordinal);
        // It runs the action pinned to a commit, never the pull request's copy (`uses: ./`), and the action runs verify.
        Assert.Matches(@"uses: checkpoint-dotnet/checkpoint@[0-9a-f]{40}", workflow);
        Assert.DoesNotMatch(@"(?m)^\s*uses: \./", workflow);
        Assert.Contains("\"$checkpoint\" verify", SourceTree.ReadText("action.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Row13_ShallowClone_FailsWithChk105()
    {
        using var repo = Scenario.AgentChange();
        repo.Git("push", "-q", "origin", Scenario.AgentBranch);
        var shallow = Path.Combine(repo.Root, "..", "shallow");
        repo.Git("clone", "-q", "--depth", "1", "--no-single-branch", "--branch", Scenario.AgentBranch, "file://" + repo.OriginPath, shallow);

        var verdict = CheckpointGate.Evaluate(new GateRequest(shallow) { Environment = Scenario.Ci, Now = TestRepository.Now });

        var error = VerdictAssert.FailsWith(GateCodes.DiffUnavailable, verdict);
        Assert.Contains("fetch-depth: 0", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row13_ShallowCloneOfAnApprovedBranch_StillFails()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(Scenario.Ci));
        repo.Git("push", "-q", "origin", Scenario.AgentBranch);
        var shallow = Path.Combine(repo.Root, "..", "shallow");
        repo.Git("clone", "-q", "--depth", "1", "--no-single-branch", "--branch", Scenario.AgentBranch, "file://" + repo.OriginPath, shallow);

        var verdict = CheckpointGate.Evaluate(new GateRequest(shallow) { Environment = Scenario.Ci, Now = TestRepository.Now });

        VerdictAssert.FailsWith(GateCodes.DiffUnavailable, verdict);
    }

    [Theory]
    [InlineData("branch")]
    [InlineData("tag")]
    [InlineData("both")]
    public void Row14_RefNamedOriginMainPointingAtHead_DoesNotShadowTheBase(string kind)
    {
        using var repo = Scenario.AgentChange();
        var before = repo.Evaluate(Scenario.Ci);
        if (kind is "branch" or "both")
        {
            repo.Git("branch", "origin/main", "HEAD");
        }

        if (kind is "tag" or "both")
        {
            repo.Git("tag", "origin/main", "HEAD");
        }

        foreach (var baseRef in new[] { null, "origin/main", "main" })
        {
            var verdict = repo.Evaluate(Scenario.Ci, baseRef: baseRef);

            VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
            Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
            Assert.Equal(before.BaseCommit, verdict.BaseCommit);
            Assert.Equal(before.Digest, verdict.Digest);
        }
    }

    [Fact]
    public void Row14_RefNamedOriginMain_DoesNotShadowThePullRequestTarget()
    {
        using var repo = Scenario.AgentChange();
        var before = repo.Evaluate(Scenario.Ci);
        repo.Git("branch", "origin/main", "HEAD");
        repo.Git("tag", "main", "HEAD");

        var verdict = repo.Evaluate(Scenario.GitHubActions.With(("GITHUB_BASE_REF", "main")));

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal(before.BaseCommit, verdict.BaseCommit);
    }

    [Fact]
    public void Row15_ReplaceRefHidingTheBranchBehindTheBase_DoesNotEmptyTheDiff()
    {
        using var repo = Scenario.AgentChange();
        var before = repo.Evaluate(Scenario.Ci);
        repo.Git("replace", "HEAD", "origin/main");
        Assert.Equal(repo.Git("rev-parse", "origin/main^{tree}"), repo.Git("rev-parse", "HEAD^{tree}"));

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal(before.Digest, verdict.Digest);
    }

    [Fact]
    public void Row15_ReplaceRefDisguisingAnUnapprovedCommitAsTheApprovedOne_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        var approved = repo.Git("rev-parse", "HEAD");
        repo.Write("src/App.cs", "class App { static void Main() => System.IO.Directory.Delete(\"/\", true); }\n").Commit("Clean up", TestRepository.CopilotAuthor);
        repo.Git("replace", "HEAD", approved);
        Assert.Equal(repo.Git("rev-parse", approved + "^{tree}"), repo.Git("rev-parse", "HEAD^{tree}"));

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate());
        Assert.Contains("src/App.cs", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row15_GraftedHistory_DoesNotChangeTheMergeBase()
    {
        using var repo = Scenario.AgentChange();
        var before = repo.Evaluate(Scenario.Ci);
        // Grafted as a root commit, the branch would have no merge-base with main, or one of its choosing.
        repo.Git("replace", "--graft", "HEAD");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal(before.MergeBase, verdict.MergeBase);
        Assert.Equal(before.Digest, verdict.Digest);
    }

    [Fact]
    public void Row16_FiltersTextconvAndAutocrlf_DoNotChangeTheDigestOrTheVerdict()
    {
        using var repo = Scenario.AgentChange();
        repo.Write("src/App.cs", "class App\n{\n    static void Main() { System.Console.WriteLine(\"hi\"); }\n}\n").Commit("Say hi", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        var before = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.Approved, before);

        // Everything a checkout's configuration can do to content on its way in or out.
        repo.Git("config", "core.autocrlf", "true");
        repo.Git("config", "core.eol", "crlf");
        repo.Git("config", "filter.hide.clean", "sed s/hi/bye/");
        repo.Git("config", "filter.hide.smudge", "sed s/bye/hi/");
        repo.Git("config", "diff.hide.textconv", "sed s/.*//");
        repo.Git("config", "diff.external", "/bin/true");
        File.WriteAllText(Path.Combine(repo.Root, ".git/info/attributes"), "* filter=hide diff=hide text eol=crlf\n");

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(before.Digest, verdict.Digest);
    }

    [Fact]
    public void Row16_LineEndingOnlyChangeAfterApproval_IsRejected()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        repo.Git("config", "core.autocrlf", "false");
        repo.WriteBytes("README.md", System.Text.Encoding.UTF8.GetBytes("# Demo, fixed\r\n")).Commit("Normalize", TestRepository.CopilotAuthor);
        repo.Git("config", "core.autocrlf", "true");

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate());
        Assert.Contains("README.md", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row19_TrackedFileChangedAfterCheckout_FailsInCi()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(Scenario.Ci));
        File.AppendAllText(Path.Combine(repo.Root, "src/App.cs"), "// generated before the build\n");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Contains(verdict.Errors, e => e.Text.Contains("src/App.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Row19_TrackedFileChangedAfterCheckout_OnlyWarnsLocally()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        File.AppendAllText(Path.Combine(repo.Root, "src/App.cs"), "// generated before the build\n");

        var verdict = repo.Evaluate(Scenario.Local);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Contains(verdict.Messages, m => m.Severity == GateSeverity.Warning && m.Text.Contains("src/App.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Row19_StagedButUncommittedChange_FailsInCi()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        repo.Write("src/App.cs", "class App { }\n").Git("add", "src/App.cs");

        VerdictAssert.Outcome(GateOutcome.Failed, repo.Evaluate(Scenario.Ci));
    }

    /// <summary>
    /// The documented boundary of row 19: the gate compares tracked files only. An untracked file that
    /// appears before the build comes from build logic or a CI step, which the branch can only add
    /// through the diff a human approves. If the gate ever starts catching this, update the row.
    /// </summary>
    [Fact]
    public void Row19_UntrackedFileGeneratedBeforeTheBuild_IsOutsideTheWorkingTreeCheck_AsDocumented()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        File.WriteAllText(Path.Combine(repo.Root, "src/Generated.cs"), "class Generated { }\n");

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(Scenario.Ci));
        var row = SourceTree.ReadText("docs/threat-model.md").Split('\n').Single(line => line.StartsWith("| 19 |", StringComparison.Ordinal));
        Assert.Contains("does not look at untracked files", row, StringComparison.Ordinal);
    }
}
