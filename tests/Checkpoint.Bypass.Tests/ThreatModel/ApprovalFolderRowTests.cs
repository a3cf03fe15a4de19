using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>
/// Row 22: the digest leaves out only what an approval is (a regular <c>*.json</c> or
/// <c>*.json.sig</c> directly in <c>.checkpoint/approvals/</c>, added or changed). Anything else put
/// there is part of the change a human approves, and a symlink into the folder fails the gate.
/// </summary>
public sealed class ApprovalFolderRowTests
{
    [Theory]
    [InlineData(".checkpoint/approvals/Payload.cs", "class Payload { void Run() => System.IO.Directory.Delete(\"/\", true); }\n")]
    [InlineData(".checkpoint/approvals/Directory.Build.targets", "<Project><Target Name=\"Wipe\" BeforeTargets=\"Build\" /></Project>\n")]
    [InlineData(".checkpoint/approvals/cleanup.sh", "#!/bin/sh\nrm -rf /\n")]
    [InlineData(".checkpoint/approvals/nested/payload.json", "{}\n")]
    public void Row22_FileTheBranchPutsInTheApprovalsFolder_NeedsAnApproval(string path, string content)
    {
        using var repo = TestRepository.Create();
        repo.Branch(Scenario.AgentBranch).Write(path, content).Commit("Keep it with the approvals", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Failed, verdict);
        Assert.DoesNotContain(verdict.Messages, m => m.Text.Contains("nothing to approve", StringComparison.Ordinal));
        Assert.Contains(verdict.Errors, e => e.Code is GateCodes.NoApproval or GateCodes.InvalidApproval);
    }

    [Fact]
    public void Row22_ExecutableApprovalFile_IsPartOfTheDigest()
    {
        using var repo = Scenario.AgentChange();
        var before = repo.Evaluate(Scenario.Ci).Digest;
        repo.Write(".checkpoint/approvals/tool.json", "{}\n").Git("add", ".checkpoint/approvals/tool.json");
        repo.Git("update-index", "--chmod=+x", ".checkpoint/approvals/tool.json");
        repo.CommitIndex("An executable json", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(Scenario.Ci);

        Assert.NotEqual(before, verdict.Digest);
        Assert.Contains(verdict.Errors, e => e.Code == GateCodes.InvalidApproval && e.Text.Contains("mode 100755", StringComparison.Ordinal));
    }

    [Fact]
    public void Row22_MergedApprovalDeletedByTheBranch_IsPartOfTheDigest()
    {
        using var repo = TestRepository.Create();
        repo.Write(".checkpoint/approvals/old.json", "{}\n").Write(".checkpoint/approvals/old.json.sig", "signed long ago\n").Commit("An approval merged earlier");
        repo.PushMain();
        repo.Branch(Scenario.AgentBranch).Delete(".checkpoint/approvals/old.json").Delete(".checkpoint/approvals/old.json.sig").Commit("Tidy up", TestRepository.CopilotAuthor);

        VerdictAssert.FailsWith(GateCodes.NoApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row22_SymlinkIntoTheApprovalsFolder_CannotCarryCodeThatChangesAfterApproval()
    {
        using var repo = Scenario.AgentChange();
        repo.Write(".checkpoint/approvals/payload.json", "class Payload { }\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "src", "Payload.cs"), "../.checkpoint/approvals/payload.json");
        repo.Commit("Add a payload", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        // After the approval, only the file behind the link changes: a file the digest leaves out.
        repo.Write(".checkpoint/approvals/payload.json", "class Payload { void Run() => System.IO.Directory.Delete(\"/\", true); }\n")
            .Commit("Tweak", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate(Scenario.Ci));
        Assert.Contains("src/Payload.cs' is a symlink", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row22_SymlinkToAFolderAboveTheApprovals_FailsTheGate()
    {
        using var repo = Scenario.AgentChange();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "src", "root"), "..");
        repo.Commit("Shortcut to the root", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var error = VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate(Scenario.Ci));
        Assert.Contains("src/root", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row22_ApprovalFilesThemselves_StayOutOfTheDigest()
    {
        // The control: an approval is committed after the diff it approves and does not change it.
        using var repo = Scenario.AgentChange();
        var before = repo.Evaluate(Scenario.Ci).Digest;
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(before, verdict.Digest);
    }
}
