using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>
/// The lines a verdict shows beside its outcome: how loud each rejected approval is once enough
/// others count, the approver count that names nobody, the working-tree list and its two wordings,
/// the branch that is behind its base, and the notice for a server that does not protect the ref.
/// </summary>
public sealed class VerdictLinesTests
{
    private static readonly Dictionary<string, string?> PullRequest = new()
    {
        ["CI"] = "true",
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_HEAD_REF"] = "claude/feature",
        ["GITHUB_BASE_REF"] = "main",
    };

    [Fact]
    public void RejectedApprovalsNextToEnoughValidOnes_AreIgnoredAtTheSeverityOfTheirKind()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var stale = repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/Feature.cs", "class Feature { int x; }\n").Commit("Change", TestRepository.CopilotAuthor);
        var untrusted = repo.Approve(SshKey.Mallory);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(new[] { "alice@example.com" }, verdict.Approvers);

        // A stale approval is expected after one more commit: information, not a warning.
        var staleLine = Assert.Single(verdict.Messages, m => m.File == stale);
        Assert.Equal(("CHK101", GateSeverity.Info), (staleLine.Code, staleLine.Severity));
        Assert.StartsWith(stale + ": approval is for diff ", staleLine.Text, StringComparison.Ordinal);
        Assert.EndsWith(" (ignored: enough other approvals)", staleLine.Text, StringComparison.Ordinal);

        var untrustedLine = Assert.Single(verdict.Messages, m => m.File == untrusted);
        Assert.Equal(("CHK103", GateSeverity.Warning), (untrustedLine.Code, untrustedLine.Severity));
        Assert.StartsWith(untrusted + ": signer ", untrustedLine.Text, StringComparison.Ordinal);
        Assert.EndsWith(" (ignored: enough other approvals)", untrustedLine.Text, StringComparison.Ordinal);

        Assert.Equal(3, verdict.Approvals.Count);
        Assert.Equal(
            new[] { (".checkpoint/approvals/alice.json", true, (string?)null), (untrusted, false, "CHK103"), (stale, false, "CHK101") },
            verdict.Approvals.Select(a => (a.Path, a.Valid, a.Code)));
    }

    [Fact]
    public void RejectedApprovalsWithoutAValidOne_AreErrorsAndNoApproverCount()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var stale = repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/Feature.cs", "class Feature { int x; }\n").Commit("Change", TestRepository.CopilotAuthor);
        var untrusted = repo.Approve(SshKey.Mallory);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Equal(2, verdict.Errors.Count());
        Assert.Contains(verdict.Errors, e => e.Code == "CHK101" && e.File == stale);
        Assert.Contains(verdict.Errors, e => e.Code == "CHK103" && e.File == untrusted);
        Assert.All(verdict.Errors, e => Assert.Equal($"{e.File}: {verdict.Approvals.Single(a => a.Path == e.File).Reason}", e.Text));

        // Each approval already says why it does not count; "0 approvers" would only repeat it.
        Assert.DoesNotContain(verdict.Messages, m => m.Code == "CHK107");
        Assert.Empty(verdict.Approvers);
    }

    [Fact]
    public void SelfApprovalNextToEnoughOthers_IsAWarning()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Bob tweaks it", SshKey.Bob.Identity);
        var own = repo.Approve(SshKey.Bob);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        var line = Assert.Single(verdict.Messages, m => m.File == own);
        Assert.Equal(("CHK107", GateSeverity.Warning), (line.Code, line.Severity));
        Assert.StartsWith(own + ": approver 'bob@example.com' authored or committed ", line.Text, StringComparison.Ordinal);
        Assert.EndsWith("; an approver must not approve their own changes", line.Text, StringComparison.Ordinal);
        Assert.Equal(new[] { "alice@example.com" }, verdict.Approvers);
    }

    [Fact]
    public void OnlyASelfApproval_CountsNoApproverAndSaysSo()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Alice tweaks it", SshKey.Alice.Identity);
        var own = repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Contains(verdict.Errors, e => e.Code == "CHK107" && e.File == own);
        var count = Assert.Single(verdict.Errors, e => e.File is null);
        Assert.Equal(("CHK107", $"0 distinct approver(s) (none) but the policy requires 1; diff {verdict.Digest}"), (count.Code, count.Text));
    }

    [Fact]
    public void WorkingTreeList_ShowsTenFilesAndCountsTheRest()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature");
        for (var i = 1; i <= 12; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ }}\n");
        }

        repo.Commit("Add twelve files", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        for (var i = 1; i <= 12; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ void Unapproved() {{ }} }}\n");
        }

        var list = string.Join(", ", Enumerable.Range(1, 10).Select(i => $"src/F{i:00}.cs")) + " and 2 more";

        var local = repo.Evaluate();
        VerdictAssert.Outcome(GateOutcome.Approved, local);
        Assert.Equal(new[] { GateSeverity.Warning, GateSeverity.Info }, local.Messages.Select(m => m.Severity));
        var warning = Assert.Single(local.Messages, m => m.Severity == GateSeverity.Warning);
        Assert.Equal($"the working tree differs from HEAD in tracked files ({list}); the approval covers HEAD only, and in CI this fails the build", warning.Text);

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate(PullRequest));
        Assert.Equal($"the working tree differs from HEAD in tracked files ({list}); in CI the build would compile code nobody approved", error.Text);
    }

    [Fact]
    public void WorkingTreeListOfTenFiles_HasNoCount()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature");
        for (var i = 1; i <= 10; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ }}\n");
        }

        repo.Commit("Add ten files", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        for (var i = 1; i <= 10; i++)
        {
            repo.Write($"src/F{i:00}.cs", $"class F{i} {{ void Unapproved() {{ }} }}\n");
        }

        var warning = Assert.Single(repo.Evaluate().Messages, m => m.Severity == GateSeverity.Warning);
        Assert.Contains("(" + string.Join(", ", Enumerable.Range(1, 10).Select(i => $"src/F{i:00}.cs")) + ");", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchBehindARevertedBase_SaysRebaseAndNamesBothCommits()
    {
        using var repo = TestRepository.Create();
        var reverted = repo.Write("src/Job.cs", "class Job { }\n").Commit("Add the job");
        repo.PushMain();
        repo.Delete("src/Job.cs").Commit("Revert the job");
        repo.PushMain();
        var tip = repo.Git("rev-parse", "HEAD");
        repo.Git("checkout", "-q", "-b", "claude/feature", reverted);

        var error = VerdictAssert.FailsWith("CHK100", repo.Evaluate(PullRequest));

        Assert.Equal(
            $"branch 'claude/feature' adds no change of its own, but HEAD ({reverted[..12]}) is behind refs/remotes/origin/main ({tip[..12]}) and its tree differs from the base tip's: " +
            "the build would compile code that is not on the base (for example a commit the base has since reverted). Rebase the branch onto refs/remotes/origin/main (gated because branch 'claude/feature' matches agent prefix 'claude/').",
            error.Text);
    }

    [Fact]
    public void ProtectedBranchTheServerDoesNotProtect_IsCheckedAndSaysWhy()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/More.cs", "class More { }\n").Commit("Direct change", TestRepository.CopilotAuthor);
        repo.PushMain();
        var push = new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF_NAME"] = "main", ["GITHUB_REF_TYPE"] = "branch" };

        var unprotected = repo.Evaluate(new Dictionary<string, string?>(push) { ["GITHUB_REF_PROTECTED"] = "false" });
        Assert.Contains("HEAD is the tip of refs/remotes/origin/main (protected branch 'main'), but GITHUB_REF_PROTECTED=false: the server does not protect the ref being built, so the branch is checked like any other", unprotected.Notices);
        Assert.DoesNotContain(unprotected.Messages, m => m.Text.StartsWith("Checkpoint: not gated: HEAD is", StringComparison.Ordinal));
        Assert.Contains(unprotected.Messages, m => m.Code.Length == 0 && m.Severity == GateSeverity.Info && m.Text == "Checkpoint: " + unprotected.Notices[0]);

        var protectedRef = repo.Evaluate(new Dictionary<string, string?>(push) { ["GITHUB_REF_PROTECTED"] = "true" });
        VerdictAssert.Outcome(GateOutcome.NotGated, protectedRef);
        Assert.Empty(protectedRef.Notices);
        Assert.Equal("Checkpoint: not gated: HEAD is the tip of refs/remotes/origin/main (protected branch 'main') and this is not a pull request build", Assert.Single(protectedRef.Messages).Text);
    }
    [Fact]
    public void PullRequestBuiltAtAProtectedBranchTip_IsGatedLikeAnyChange()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/More.cs", "class More { }\n").Commit("Direct change", TestRepository.CopilotAuthor);
        repo.PushMain();

        // The server's word on the ref does not matter in a pull request: it is checked either way, without a notice.
        var verdict = repo.Evaluate(new Dictionary<string, string?>(PullRequest) { ["GITHUB_REF_PROTECTED"] = "false" });

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.Empty(verdict.Notices);
        Assert.DoesNotContain("protected branch", verdict.GatedBecause, StringComparison.Ordinal);
        Assert.Contains("nothing to approve", Assert.Single(verdict.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShallowCloneOfAnotherProtectedBranchsTip_IsNotGatedOutsideAPullRequest_AndFailsInsideOne()
    {
        // HEAD is origin/master's tip, the base is origin/main: a shallow clone cannot compare them.
        using var repo = TestRepository.Create();
        repo.Branch("master").Write("src/Master.cs", "class Master { }\n").Commit("Only on master");
        repo.Push("master");
        var shallow = Path.Combine(repo.Folder, "shallow");
        ProcessRunner.RunChecked("git", ["clone", "-q", "--depth", "1", "--no-single-branch", "file://" + repo.OriginPath, shallow], repo.Folder);
        ProcessRunner.RunChecked("git", ["checkout", "-q", "master"], shallow);
        var push = new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF_NAME"] = "master" };

        var tip = CheckpointGate.Evaluate(new GateRequest(shallow) { Now = TestRepository.Now, Environment = push });

        VerdictAssert.Outcome(GateOutcome.NotGated, tip);
        var line = Assert.Single(tip.Messages);
        Assert.Equal((string.Empty, GateSeverity.Info), (line.Code, line.Severity));
        Assert.Equal("Checkpoint: not gated: HEAD is the tip of refs/remotes/origin/master (protected branch 'master') and this is not a pull request build", line.Text);
        Assert.Equal(line.Text["Checkpoint: not gated: ".Length..], tip.GatedBecause);

        // In a pull request the same clone fails, and the base override it asked for is ignored with a warning.
        var pullRequest = CheckpointGate.Evaluate(new GateRequest(shallow) { Now = TestRepository.Now, Environment = PullRequest, BaseRef = "master" });
        var error = VerdictAssert.FailsWith("CHK105", pullRequest);
        Assert.Equal("the repository is a shallow clone, so the merge-base and the branch's commits cannot be known; fetch the full history (actions/checkout: fetch-depth: 0; or git fetch --unshallow)", error.Text);
        var notice = Assert.Single(pullRequest.Messages, m => m.Severity == GateSeverity.Warning);
        Assert.Equal(string.Empty, notice.Code);
        Assert.Contains("CheckpointBaseRef 'master' was ignored", notice.Text, StringComparison.Ordinal);
        Assert.Equal(GateSeverity.Error, pullRequest.Messages[0].Severity);
    }

    [Fact]
    public void ApproverCount_NamesEveryApproverThatCounts()
    {
        using var repo = TestRepository.Create("{ \"requiredApprovers\": 3 }", SshKey.Alice, SshKey.Bob, SshKey.EcdsaCarol);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.Bob);

        var verdict = repo.Evaluate();

        var error = VerdictAssert.FailsWith("CHK107", verdict);
        Assert.Equal($"2 distinct approver(s) (alice@example.com, bob@example.com) but the policy requires 3; diff {verdict.Digest}", error.Text);
    }

    [Fact]
    public void OneValidApprovalNextToARejectedOne_IsCountedAgainstTheRequiredNumber()
    {
        using var repo = TestRepository.Create("{ \"requiredApprovers\": 2 }", SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.Mallory);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.Equal(new[] { "CHK103", "CHK107" }, verdict.Errors.Select(e => e.Code));
        Assert.Equal($"1 distinct approver(s) (alice@example.com) but the policy requires 2; diff {verdict.Digest}", verdict.Errors.Last().Text);
    }

    [Fact]
    public void SignatureWithoutItsManifest_IsANotice()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Write(".checkpoint/approvals/orphan.json.sig", "SIGNATURE").Commit("A stray signature", SshKey.Alice.Identity);

        var verdict = repo.Evaluate();

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Contains("'.checkpoint/approvals/orphan.json.sig' has no manifest next to it and was ignored", verdict.Notices);
        Assert.Equal((string.Empty, GateSeverity.Info, "Checkpoint: '.checkpoint/approvals/orphan.json.sig' has no manifest next to it and was ignored"), (verdict.Messages[^1].Code, verdict.Messages[^1].Severity, verdict.Messages[^1].Text));
    }

    [Fact]
    public void RequestWithoutAnything_FailsClosedOutsideCi()
    {
        var verdict = CheckpointGate.Evaluate(null!);

        VerdictAssert.FailsWith("CHK106", verdict);
        Assert.False(verdict.IsCi);
    }

    [Fact]
    public void AttestationNamingSomeoneWhoDidNotSign_ListsWhoDid()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob, SshKey.EcdsaCarol);
        repo.Branch("claude/feature").Write("src/Cleanup.cs", AttestationBindingTests.Job("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n")).Commit("Retire", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.EcdsaCarol);

        var error = VerdictAssert.FailsWith("CHK108", repo.Evaluate());

        Assert.EndsWith("(valid approvals: alice@example.com, carol@example.com); 'bob@example.com' must review the change and sign it, or the attestation must name someone who did", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AttestationWhenNoApprovalIsValid_SaysNone()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature").Write("src/Cleanup.cs", AttestationBindingTests.Job("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n")).Commit("Retire", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/More.cs", "class More { }\n").Commit("More", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate();

        Assert.Contains(verdict.Errors, e => e.Code == "CHK101");
        var unbound = Assert.Single(verdict.Errors, e => e.Code == "CHK108");
        Assert.Contains("(valid approvals: none)", unbound.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalRequest_NamesEveryAttestationAndUncommittedApproval()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Branch("claude/feature")
            .Write("src/Cleanup.cs", AttestationBindingTests.Job("    [ApprovedBy(\"alice@example.com\", Reason = \"a\")]\n    [ApprovedBy(\"bob@example.com\", Reason = \"b\")]\n"))
            .Commit("Retire", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, commit: false);

        var error = VerdictAssert.FailsWith("CHK100", repo.Evaluate());

        Assert.Contains(" The attestations it adds (src/Cleanup.cs:5, src/Cleanup.cs:6) name alice@example.com, bob@example.com: each of them must sign (CHK108).", error.Text, StringComparison.Ordinal);
        Assert.EndsWith(" Approval files exist in the working tree but not in HEAD (.checkpoint/approvals/alice.json, .checkpoint/approvals/alice.json.sig): commit them.", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UncommittedApprovalNextToOneThatDoesNotCount_IsAHint()
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/Feature.cs", "class Feature { int x; }\n").Commit("Change", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice, commit: false);

        var verdict = repo.Evaluate();

        VerdictAssert.FailsWith("CHK101", verdict);
        var hint = Assert.Single(verdict.Messages, m => m.Text.StartsWith("approval files", StringComparison.Ordinal));
        Assert.Equal((string.Empty, GateSeverity.Info), (hint.Code, hint.Severity));
        Assert.Equal("approval files in the working tree are not committed (.checkpoint/approvals/alice.json, .checkpoint/approvals/alice.json.sig); the gate reads HEAD: commit them", hint.Text);
    }

    [Fact]
    public void DetachedHead_IsNamedAsSuch()
    {
        using var repo = TestRepository.Create("{ \"scope\": \"all-branches\" }");
        var reverted = repo.Write("src/Job.cs", "class Job { }\n").Commit("Add the job", TestRepository.CopilotAuthor);
        repo.PushMain();
        repo.Delete("src/Job.cs").Commit("Revert the job");
        repo.PushMain();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        repo.Git("checkout", "-q", "--detach");

        var unapproved = VerdictAssert.FailsWith("CHK100", repo.Evaluate());
        Assert.StartsWith("branch '(detached HEAD)' needs a signed approval", unapproved.Text, StringComparison.Ordinal);

        // Behind the base, with a working tree that differs: both are errors in CI (a push build of
        // a ref the server does not protect, so that HEAD in main's history does not exempt it).
        repo.Git("checkout", "-q", "--detach", reverted);
        repo.Write("src/Job.cs", "class Job { void Changed() { } }\n");
        var behind = repo.Evaluate(new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF_PROTECTED"] = "false" });
        VerdictAssert.Outcome(GateOutcome.Failed, behind);
        Assert.Equal(new[] { "CHK100", "CHK101" }, behind.Errors.Select(e => e.Code));
        Assert.StartsWith("branch '(detached HEAD)' adds no change of its own", behind.Errors.First().Text, StringComparison.Ordinal);
        Assert.EndsWith("(gated because the policy's scope is all-branches).", behind.Errors.First().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionThatThrows_IsAFailingVerdictThatKnowsWhetherItIsCi()
    {
        var local = CiEnvironment.FromVariables(new Dictionary<string, string?>());
        var ci = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["CI"] = "true" });
        using var neither = new ChangeResolution(null, null, Array.Empty<string>(), TimeSpan.Zero, null);

        var verdict = CheckpointGate.Decide(neither, local, TestRepository.Now);

        var error = VerdictAssert.FailsWith("CHK106", verdict);
        Assert.Equal("the gate failed unexpectedly (ArgumentException: a resolution has a change or a failure (Parameter 'resolution')); the build is stopped because the branch could not be checked", error.Text);
        Assert.False(verdict.IsCi);
        Assert.True(CheckpointGate.Decide(neither, ci, TestRepository.Now).IsCi);
        Assert.Contains("ArgumentNullException", VerdictAssert.FailsWith("CHK106", CheckpointGate.Decide(null!, ci, TestRepository.Now)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingArguments_AreNamed()
    {
        var local = CiEnvironment.FromVariables(new Dictionary<string, string?>());
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        using var resolution = repo.Resolve();
        using var failed = ChangeResolver.Resolve(new ChangeRequest(Path.Combine(repo.Folder, "missing"), local));

        Assert.Equal("resolution", Assert.Throws<ArgumentNullException>(() => GateDecision.Decide(null!, local, TestRepository.Now)).ParamName);
        Assert.Equal("ci", Assert.Throws<ArgumentNullException>(() => GateDecision.Decide(resolution, null!, TestRepository.Now)).ParamName);
        Assert.Equal("failure", Assert.Throws<ArgumentNullException>(() => GateDecision.Decide((ResolutionFailure)null!, local)).ParamName);
        Assert.Equal("ci", Assert.Throws<ArgumentNullException>(() => GateDecision.Decide(failed.Failure!, null!)).ParamName);
        Assert.Equal("change", Assert.Throws<ArgumentNullException>(() => GateDecision.CheckApproval(null!, new Checkpoint.Core.Approvals.ApprovalFile("a.json", null, null, null), TestRepository.Now)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => GateDecision.CheckApproval(resolution.Change!, null!, TestRepository.Now)).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentNullException>(() => CheckpointGate.TimingLine(null!, GateOutcome.Failed)).ParamName);
    }
}
