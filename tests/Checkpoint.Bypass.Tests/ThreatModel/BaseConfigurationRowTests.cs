using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>Rows 3, 4 and 7: the branch cannot change who is trusted, the policy, or the base it is compared with.</summary>
public sealed class BaseConfigurationRowTests
{
    [Fact]
    public void Row03_SignerAddedOnBranch_IsNotTrusted()
    {
        using var repo = Scenario.AgentChange();
        repo.Write(".checkpoint/allowed_signers", SshKey.Alice.AllowedSignersLine() + "\n" + SshKey.Mallory.AllowedSignersLine() + "\n")
            .Commit("Trust the build bot", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Mallory);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.UntrustedSigner, verdict);
        Assert.Contains(".checkpoint/allowed_signers differs on this branch; the base's copy was used", verdict.Notices);
    }

    [Fact]
    public void Row03_SignersReplacedOnBranch_IsNotTrusted()
    {
        using var repo = Scenario.AgentChange();
        repo.Write(".checkpoint/allowed_signers", SshKey.Mallory.AllowedSignersLine(options: null) + "\n")
            .Commit("Rotate signers", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Mallory);

        VerdictAssert.FailsWith(GateCodes.UntrustedSigner, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row04_PolicyEditedOnBranch_IsIgnoredInFavourOfTheBase()
    {
        // The base wants two approvers on every branch; the branch asks for one, protects itself and narrows the scope.
        using var repo = TestRepository.Create("""{ "scope": "all-branches", "requiredApprovers": 2 }""", SshKey.Alice, SshKey.Bob);
        repo.Branch("feature").Write("README.md", "# Demo, fixed\n")
            .Write(".checkpoint/policy.json", """{ "scope": "agent-branches", "requiredApprovers": 1, "protectedBranches": ["main", "feature"] }""")
            .Commit("Relax the policy", "Dev Eloper <dev@example.com>");
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.InsufficientApprovers, verdict);
        Assert.Contains(".checkpoint/policy.json differs on this branch; the base's copy was used", verdict.Notices);
    }

    [Fact]
    public void Row04_PolicyDeletedOnBranch_IsIgnoredInFavourOfTheBase()
    {
        using var repo = TestRepository.Create(Scenario.AllBranchesPolicy);
        repo.Branch("feature").Write("README.md", "# Demo, fixed\n").Delete(".checkpoint/policy.json")
            .Commit("Drop the policy", "Dev Eloper <dev@example.com>");

        VerdictAssert.FailsWith(GateCodes.NoApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row07_BaseRefOverriddenToTheBranchItself_LosesToThePullRequestTarget()
    {
        using var repo = Scenario.AgentChange();
        var pullRequest = Scenario.GitHubActions.With(("GITHUB_BASE_REF", "main"), ("GITHUB_HEAD_REF", Scenario.AgentBranch));

        var verdict = repo.Evaluate(pullRequest, baseRef: "refs/heads/" + Scenario.AgentBranch);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
        Assert.NotEqual(verdict.HeadCommit, verdict.MergeBase);
    }

    [Fact]
    public void Row07_BaseRefOverriddenInCiWithoutAPullRequest_IsIgnored()
    {
        using var repo = Scenario.AgentChange();

        var verdict = repo.Evaluate(Scenario.Ci, baseRef: "refs/heads/" + Scenario.AgentBranch);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
    }

    [Fact]
    public void Row07_BaseRefOverriddenToHead_LosesToThePullRequestTarget()
    {
        using var repo = Scenario.AgentChange();
        var pullRequest = Scenario.GitHubActions.With(("GITHUB_BASE_REF", "main"));

        var verdict = repo.Evaluate(pullRequest, baseRef: "HEAD");

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
    }
}
