using System.Text;
using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>Paths git allows but shells and parsers trip on: spaces, quotes, newlines, tabs, backslashes, non-UTF-8 bytes.</summary>
public sealed class PathTests
{
    // Bash $'...' strings: each becomes one file name, byte for byte.
    private static readonly string[] AwkwardNames =
    [
        "'with space.txt'",
        "'double\"quote.txt'",
        "$'single\\'quote.txt'",
        "$'new\\nline.txt'",
        "$'tab\\there.txt'",
        "'back\\slash.txt'",
        "$'latin1-\\xe9t\\xe9.txt'",
        "$'invalid-\\xff\\xfe.txt'",
        "'ünïcødé ✓.txt'",
        "'-dash-first.txt'",
        "'dir with space/nested \"file\".txt'",
    ];

    [Fact]
    public void AwkwardPaths_GiveAStableDigest_InEveryClone()
    {
        using var repo = AwkwardBranch();

        var first = repo.Evaluate(Scenario.Ci);
        var second = repo.Evaluate(Scenario.Ci);
        var clone = CloneOfBranch(repo);
        var cloned = CheckpointGate.Evaluate(new GateRequest(clone) { Environment = Scenario.Ci, Now = TestRepository.Now });

        VerdictAssert.FailsWith(GateCodes.NoApproval, first);
        Assert.NotNull(first.Digest);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Digest, cloned.Digest);
    }

    [Fact]
    public void AwkwardPaths_KeepEveryMessageOnOneLine()
    {
        using var repo = AwkwardBranch();
        repo.Approve(SshKey.Alice);
        repo.Write("README.md", "# Changed after approval\n");
        ProcessRunner.RunChecked("bash", ["-c", "printf 'changed\\n' > $'new\\nline.txt'"], repo.Root);
        repo.Commit("Change after approval", TestRepository.CopilotAuthor);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, verdict);
        Assert.All(verdict.Messages, m => Assert.DoesNotContain('\n', m.Text));
    }

    [Fact]
    public void AwkwardPaths_CanBeApproved_AndTheApprovalHolds()
    {
        using var repo = AwkwardBranch();
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Equal(new[] { SshKey.Alice.Principal }, verdict.Approvers);
    }

    [Fact]
    public void AwkwardPaths_ChangedAfterApproval_AreRejected()
    {
        using var repo = AwkwardBranch();
        repo.Approve(SshKey.Alice);
        ProcessRunner.RunChecked("bash", ["-c", "printf 'changed\\n' > $'invalid-\\xff\\xfe.txt'"], repo.Root);
        repo.Commit("Change after approval", TestRepository.CopilotAuthor);

        VerdictAssert.FailsWith(GateCodes.ApprovalMismatch, repo.Evaluate(Scenario.Ci));
    }

    private static TestRepository AwkwardBranch()
    {
        var repo = Scenario.AgentChange();
        var script = new StringBuilder("set -e; mkdir -p 'dir with space'\n");
        var index = 0;
        foreach (var name in AwkwardNames)
        {
            script.Append("printf 'content ").Append(index++).Append("\\n' > ").Append(name).Append('\n');
        }

        ProcessRunner.RunChecked("bash", ["-c", script.ToString()], repo.Root);
        repo.Commit("Add awkward names", TestRepository.CopilotAuthor);
        var tracked = repo.GitBytes(null, "ls-files", "-z").Count(b => b == 0);
        Assert.True(tracked >= AwkwardNames.Length + 3, $"only {tracked} files are tracked");
        return repo;
    }

    private static string CloneOfBranch(TestRepository repo)
    {
        repo.Git("push", "-q", "origin", Scenario.AgentBranch);
        var clone = Path.Combine(repo.Root, "..", "clone");
        repo.Git("clone", "-q", "--branch", Scenario.AgentBranch, repo.OriginPath, clone);
        return clone;
    }
}
