using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Gate;

public sealed class BaseResolutionTests
{
    [Fact]
    public void LocalBranchAndTagNamedOriginMain_CannotShadowTheRemoteTrackingRef()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        // Both point at the branch tip: if either were taken as the base, the diff would be empty.
        repo.Git("branch", "origin/main", "HEAD");
        repo.Git("tag", "origin/main", "HEAD");
        repo.Git("tag", "main", "HEAD");

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
        Assert.Equal(repo.Git("rev-parse", "refs/remotes/origin/main"), verdict.BaseCommit);
    }

    [Fact]
    public void BaseRefOverrideThatDisagreesWithThePullRequestTarget_IsIgnoredInCi()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Git("update-ref", "refs/remotes/origin/copilot/fix-typo", "HEAD");

        var verdict = repo.Evaluate(
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_BASE_REF"] = "main", ["GITHUB_HEAD_REF"] = "copilot/fix-typo" },
            baseRef: "copilot/fix-typo");

        VerdictAssert.FailsWith("CHK100", verdict);
        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
        Assert.Contains(verdict.Messages, m => m.Severity == GateSeverity.Warning && m.Code.Length == 0 && m.Text.Contains("CheckpointBaseRef 'copilot/fix-typo' was ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void BaseRefOverridePointingAtABranchTheAgentControls_IsIgnoredInCiPushBuilds()
    {
        using var repo = TestRepository.Create();
        // The agent pushes a "base" of its own that trusts its own key, then builds against it.
        repo.Branch("copilot/trust-root")
            .Write(".checkpoint/allowed_signers", SshKey.Mallory.AllowedSignersLine() + "\n")
            .Write("src/Evil.cs", "class Evil { }\n")
            .Commit("My own trust root", TestRepository.CopilotAuthor);
        repo.Git("push", "-q", "origin", "copilot/trust-root");
        repo.Git("fetch", "-q", "origin");
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Mallory);

        var verdict = repo.Evaluate(
            new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_REF_NAME"] = "copilot/fix-typo" },
            baseRef: "origin/copilot/trust-root");

        VerdictAssert.FailsWith("CHK103", verdict);
        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
        Assert.Contains(verdict.Messages, m => m.Severity == GateSeverity.Warning && m.Text.Contains("CheckpointBaseRef 'origin/copilot/trust-root' was ignored", StringComparison.Ordinal));

        // Outside CI the override is honoured: local builds are advisory.
        Assert.Equal("refs/remotes/origin/copilot/trust-root", repo.Evaluate(baseRef: "origin/copilot/trust-root").BaseRef);
    }

    [Fact]
    public void BaseRefOverrideOutsideCi_IsUsedAsAFullRefName()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(baseRef: "refs/heads/main");

        Assert.Equal("refs/heads/main", verdict.BaseRef);
        VerdictAssert.FailsWith("CHK100", verdict);
    }

    [Fact]
    public void PullRequestTargetFromAzureVariable_DropsRefsHeads()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(new Dictionary<string, string?> { ["TF_BUILD"] = "True", ["SYSTEM_PULLREQUEST_TARGETBRANCH"] = "refs/heads/main" });

        Assert.Equal("refs/remotes/origin/main", verdict.BaseRef);
    }

    [Fact]
    public void MissingPullRequestTarget_FailsWithChk105SayingFetch()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true", ["GITLAB_CI"] = "true", ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "release" });

        var error = VerdictAssert.FailsWith("CHK105", verdict);
        Assert.Contains("refs/remotes/origin/release", error.Text);
        Assert.Contains("fetch-depth: 0", error.Text);
    }

    [Fact]
    public void NoRemoteAtAll_FailsWithChk105()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Git("remote", "remove", "origin");

        var error = VerdictAssert.FailsWith("CHK105", repo.Evaluate());
        Assert.Contains("no base ref", error.Text);
    }

    [Fact]
    public void ShallowClone_FailsWithChk105SayingFetchDepthZero()
    {
        using var repo = TestRepository.Create();
        repo.Write("more.txt", "more\n").Commit("Second commit on main");
        repo.PushMain();
        var shallow = Path.Combine(Path.GetDirectoryName(repo.Root)!, "shallow");
        ProcessRunner.RunChecked("git", ["clone", "-q", "--depth", "1", "file://" + repo.OriginPath, shallow], Path.GetDirectoryName(repo.Root)!);
        ProcessRunner.RunChecked("git", ["checkout", "-q", "-b", "copilot/x"], shallow);
        File.WriteAllText(Path.Combine(shallow, "agent.txt"), "agent\n");
        ProcessRunner.RunChecked("git", ["add", "agent.txt"], shallow);
        ProcessRunner.RunChecked("git", ["-c", "user.name=Copilot", "-c", "user.email=Copilot@users.noreply.github.com", "commit", "-q", "-m", "Agent change"], shallow);

        var verdict = CheckpointGate.Evaluate(new GateRequest(shallow) { Now = TestRepository.Now, Environment = new Dictionary<string, string?> { ["CI"] = "true" } });

        var error = VerdictAssert.FailsWith("CHK105", verdict);
        Assert.Contains("shallow", error.Text);
        Assert.Contains("fetch-depth: 0", error.Text);
    }

    [Fact]
    public void UnrelatedHistory_FailsWithChk105()
    {
        using var repo = TestRepository.Create();
        repo.Git("checkout", "-q", "--orphan", "copilot/orphan");
        repo.Write("orphan.txt", "alone\n").Commit("Orphan", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith("CHK105", repo.Evaluate());
        Assert.Contains("unrelated histories", error.Text);
    }

    [Fact]
    public void NoCommitsYet_FailsWithChk105()
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkpoint-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            ProcessRunner.RunChecked("git", ["init", "-q"], folder);
            VerdictAssert.FailsWith("CHK105", CheckpointGate.Evaluate(new GateRequest(folder) { Now = TestRepository.Now }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [RootOnlyFact]
    public void RepositoryOwnedByAnotherUser_FailsWithChk106SafeDirectory()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        ProcessRunner.RunChecked("chown", ["-R", "65534", repo.Root], repo.Root);
        try
        {
            var error = VerdictAssert.FailsWith("CHK106", repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true" }));
            Assert.Contains("safe.directory", error.Text);
        }
        finally
        {
            ProcessRunner.RunChecked("chown", ["-R", "0", repo.Root], repo.Root);
        }
    }

    [Theory]
    [InlineData("fatal: detected dubious ownership in repository at '/x'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /x", GitFailureKind.UnsafeDirectory)]
    [InlineData("fatal: not a git repository (or any of the parent directories): .git", GitFailureKind.NotARepository)]
    [InlineData("fatal: bad revision", GitFailureKind.CommandFailed)]
    public void GitErrors_AreClassifiedFromGitsMessage(string stderr, GitFailureKind expected)
    {
        // A real safe.directory refusal needs a repository owned by another user, which tests cannot
        // create without root; git's message text is what the classification relies on.
        var exception = GitCli.Failure(new[] { "rev-parse" }, new GitResult(128, Array.Empty<byte>(), stderr));

        Assert.Equal(expected, exception.Kind);
        Assert.DoesNotContain("\n", exception.Message);
    }
}
