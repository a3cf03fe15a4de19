using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>
/// Rows 23 and 24: a protected branch exempts a build only when git shows HEAD is its remote tip or
/// in its history, never because a name says so; and "nothing to approve" only when HEAD builds what
/// the base tip builds.
/// </summary>
public sealed class ProtectedBranchRowTests
{
    private const string ReleasePolicy = """{ "protectedBranches": ["main", "release/*"] }""";

    [Fact]
    public void Row23_TagNamedMainOnAnAgentCommit_IsGated()
    {
        using var repo = Scenario.AgentChange();
        repo.Git("tag", "main", "HEAD");
        repo.Git("checkout", "-q", "--detach", "refs/tags/main");

        var verdict = repo.Evaluate(Scenario.GitHubActions.With(("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/tags/main"), ("GITHUB_REF_NAME", "main"), ("GITHUB_REF_TYPE", "tag")));

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
    }

    [Fact]
    public void Row23_GitLabTagPipelineNamedMain_IsGated()
    {
        using var repo = Scenario.AgentChange();
        repo.Git("tag", "main", "HEAD");
        repo.Git("checkout", "-q", "--detach", "refs/tags/main");

        var verdict = repo.Evaluate(Scenario.Ci.With(("GITLAB_CI", "true"), ("CI_COMMIT_TAG", "main"), ("CI_COMMIT_REF_NAME", "main"), ("CI_COMMIT_REF_PROTECTED", "true")));

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
    }

    [Theory]
    [InlineData("issue_comment")]
    [InlineData("workflow_run")]
    public void Row23_BuildOfPullRequestCodeOnAnEventWhoseRefIsMain_IsGated(string eventName)
    {
        // These events run with GITHUB_REF pointing at the default branch while the job checks out
        // the pull request's code.
        using var repo = Scenario.AgentChange();
        repo.Git("checkout", "-q", "--detach", "HEAD");

        var verdict = repo.Evaluate(Scenario.GitHubActions.With(("GITHUB_EVENT_NAME", eventName), ("GITHUB_REF", "refs/heads/main"), ("GITHUB_REF_NAME", "main"), ("GITHUB_REF_TYPE", "branch"), ("GITHUB_REF_PROTECTED", "true")));

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
    }

    [Fact]
    public void Row23_LocalBranchNamedMainWithAnUnpushedAgentCommit_IsGated()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/Cleanup.cs", "class Cleanup { }\n").Commit("Clean up", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(Scenario.Local);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal("main", verdict.Branch);
    }

    [Fact]
    public void Row23_NewBranchMatchingAProtectedPattern_IsGatedWhenTheServerSaysItIsNotProtected()
    {
        using var repo = TestRepository.Create(ReleasePolicy);
        repo.Branch("release/agent").Write("src/Cleanup.cs", "class Cleanup { }\n").Commit("Clean up", TestRepository.CopilotAuthor);
        repo.Git("push", "-q", "origin", "release/agent");
        repo.Git("fetch", "-q", "origin");

        var verdict = repo.Evaluate(Scenario.GitHubActions.With(("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF_NAME", "release/agent"), ("GITHUB_REF_TYPE", "branch"), ("GITHUB_REF_PROTECTED", "false")));

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Contains(verdict.Notices, n => n.Contains("GITHUB_REF_PROTECTED=false", StringComparison.Ordinal));
    }

    [Fact]
    public void Row23_NewLocalBranchMatchingAProtectedPattern_IsGated()
    {
        using var repo = TestRepository.Create(ReleasePolicy);
        repo.Branch("release/agent").Write("src/Cleanup.cs", "class Cleanup { }\n").Commit("Clean up", TestRepository.CopilotAuthor);

        VerdictAssert.FailsWith(GateCodes.NoApproval, repo.Evaluate(Scenario.Local));
    }

    [Fact]
    public void Row23_PushBuildOfAProtectedBranchTip_IsNotGated()
    {
        // The control: a release branch the server protects, built at its remote tip.
        using var repo = TestRepository.Create(ReleasePolicy);
        repo.Branch("release/1.0").Write("src/Fix.cs", "class Fix { }\n").Commit("Hotfix", TestRepository.CopilotAuthor);
        repo.Git("push", "-q", "origin", "release/1.0");
        repo.Git("fetch", "-q", "origin");

        var verdict = repo.Evaluate(Scenario.GitHubActions.With(("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF_NAME", "release/1.0"), ("GITHUB_REF_TYPE", "branch"), ("GITHUB_REF_PROTECTED", "true")));

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.StartsWith("HEAD is the tip of refs/remotes/origin/release/1.0", verdict.GatedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Row24_BranchAtACommitTheBaseLaterReverted_IsNotNothingToApprove()
    {
        using var repo = TestRepository.Create();
        var reverted = repo.Write("src/Job.cs", "class Job { void Run() => System.IO.Directory.Delete(\"/data\", true); }\n").Commit("Add the purge job");
        repo.PushMain();
        repo.Delete("src/Job.cs").Commit("Revert the purge job");
        repo.PushMain();
        repo.Git("checkout", "-q", "-b", "copilot/purge", reverted);

        var error = VerdictAssert.FailsWith(GateCodes.NoApproval, repo.Evaluate(Scenario.PullRequest("copilot/purge")));
        Assert.Contains("behind refs/remotes/origin/main", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row24_PushBuildOfABranchAtARevertedCommit_IsGatedWhenTheServerSaysTheRefIsNotProtected()
    {
        using var repo = TestRepository.Create();
        var reverted = repo.Write("src/Job.cs", "class Job { }\n").Commit("Add the job");
        repo.PushMain();
        repo.Delete("src/Job.cs").Commit("Revert the job");
        repo.PushMain();
        repo.Git("checkout", "-q", "-b", "copilot/job", reverted);

        var verdict = repo.Evaluate(Scenario.GitHubActions.With(("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF_NAME", "copilot/job"), ("GITHUB_REF_TYPE", "branch"), ("GITHUB_REF_PROTECTED", "false")));

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
    }

    [Fact]
    public void Row24_BranchThatIsTheBaseTip_HasNothingToApprove()
    {
        // The control: the same tree as the base tip builds nothing new.
        using var repo = TestRepository.Create();
        repo.Branch(Scenario.AgentBranch);

        var verdict = repo.Evaluate(Scenario.PullRequest());

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.Contains(verdict.Messages, m => m.Text.Contains("nothing to approve", StringComparison.Ordinal));
    }
}
