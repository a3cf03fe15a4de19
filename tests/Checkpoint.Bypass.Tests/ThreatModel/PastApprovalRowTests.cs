using System.Security.Cryptography;
using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>
/// Rows 25 and 26: approvals merged into the base earlier never approve a branch (only the ones it
/// adds or changes do), and the base's <c>.checkpoint/revoked</c> takes approvals, diffs and keys
/// out of service for good.
/// </summary>
public sealed class PastApprovalRowTests
{
    [Fact]
    public void Row25_ChangeRevertedOnTheBase_DoesNotComeBackOnItsMergedApproval()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/purge").Write("src/Purge.cs", "class Purge { void Run() => System.IO.Directory.Delete(\"/data\", true); }\n")
            .Commit("Add the purge job", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Checkout("main").Git("merge", "-q", "--no-ff", "-m", "Merge the purge job", "copilot/purge");
        repo.PushMain();
        repo.Delete("src/Purge.cs").Commit("Revert the purge job");
        repo.PushMain();

        // The same change again: the same diff digest as the approval still in the tree.
        repo.Branch("copilot/purge-again").Write("src/Purge.cs", "class Purge { void Run() => System.IO.Directory.Delete(\"/data\", true); }\n")
            .Commit("Bring the purge job back", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Empty(verdict.Approvals);
    }

    [Fact]
    public void Row25_ThousandsOfMergedApprovals_DoNotStopABranchFromBeingApproved()
    {
        using var repo = TestRepository.Create();
        for (var i = 0; i < 1_001; i++)
        {
            repo.Write($".checkpoint/approvals/a{i:D4}.json", "{}\n").Write($".checkpoint/approvals/a{i:D4}.json.sig", "signed long ago\n");
        }

        repo.Commit("Approvals merged over the years");
        repo.PushMain();
        repo.Branch(Scenario.AgentBranch).Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(".checkpoint/approvals/alice.json", Assert.Single(verdict.Approvals).Path);
    }

    [Fact]
    public void Row26_RevokedKey_ApprovesNothing()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate(Scenario.Ci));

        Revoke(repo, "key " + Fingerprint(SshKey.Alice) + "  # laptop stolen");

        var error = VerdictAssert.FailsWith(GateCodes.UntrustedSigner, repo.Evaluate(Scenario.Ci));
        Assert.Contains("revoked", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row26_RevokedApproval_NoLongerCounts()
    {
        using var repo = Scenario.AgentChange();
        var path = repo.Approve(SshKey.Alice);
        var manifestHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(repo.Root, path))));

        Revoke(repo, "approval " + manifestHash);

        var error = VerdictAssert.FailsWith(GateCodes.ExpiredApproval, repo.Evaluate(Scenario.Ci));
        Assert.Contains("revoked", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row26_RevokedDiff_CannotBeApprovedAgain()
    {
        using var repo = Scenario.AgentChange();
        var digest = repo.Evaluate(Scenario.Ci).Digest!;
        Revoke(repo, "diff " + digest);
        repo.Approve(SshKey.Alice);

        VerdictAssert.FailsWith(GateCodes.ExpiredApproval, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row26_RevokedListDeletedOnTheBranch_StillApplies()
    {
        using var repo = TestRepository.Create();
        Revoke(repo, "key " + Fingerprint(SshKey.Alice));
        repo.Branch(Scenario.AgentBranch).Write("README.md", "# Demo, fixed\n").Delete(".checkpoint/revoked")
            .Commit("Forget the revocations", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.UntrustedSigner, verdict);
        Assert.Contains(".checkpoint/revoked differs on this branch; the base's copy was used", verdict.Notices);
    }

    [Theory]
    [InlineData("key alice")]
    [InlineData("approval sha256:1234")]
    [InlineData("revoke everything")]
    [InlineData("key SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA trailing words")]
    public void Row26_MalformedRevokedList_FailsClosed(string line)
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        Revoke(repo, line);

        var error = VerdictAssert.FailsWith(GateCodes.GateUnavailable, repo.Evaluate(Scenario.Ci));
        Assert.Contains(".checkpoint/revoked@", error.Text, StringComparison.Ordinal);
    }

    /// <summary>Adds <paramref name="line"/> to the base's revoked list, pushes it, and rebases nothing: the base moves on.</summary>
    private static void Revoke(TestRepository repo, string line)
    {
        var branch = repo.Git("rev-parse", "--abbrev-ref", "HEAD");
        repo.Checkout("main");
        var path = Path.Combine(repo.Root, ".checkpoint", "revoked");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Approvals and keys that never count again\n";
        repo.Write(".checkpoint/revoked", existing + line + "\n").Commit("Revoke");
        repo.PushMain();
        repo.Checkout(branch);
    }

    /// <summary>The key's fingerprint as ssh-keygen prints it (real ssh-keygen, not Checkpoint's code).</summary>
    private static string Fingerprint(SshKey key)
    {
        var output = ProcessRunner.RunChecked("ssh-keygen", ["-l", "-f", key.PrivateKeyPath + ".pub"], Path.GetTempPath()).StandardOutput;
        return output.Split(' ')[1];
    }
}
