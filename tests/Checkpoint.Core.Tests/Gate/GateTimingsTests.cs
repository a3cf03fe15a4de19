using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>The timing line the MSBuild task writes at diagnostic verbosity (docs/performance.md, benchmark 4).</summary>
public sealed class GateTimingsTests
{
    private const string Steps = @"\(open \d+ ms, head and base \d+ ms, policy and signers \d+ ms, merge-base and commits \d+ ms, identity \d+ ms, digest \d+ ms, approvals \d+ ms, working tree \d+ ms\)";

    [Fact]
    public void EveryEvaluation_ReportsOneTimingLine_WithEachStepAndTheGitProcessCount()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        (var unapproved, var unapprovedLine) = EvaluateWithTimings(repo);
        repo.Approve(SshKey.Alice);
        (var approved, var approvedLine) = EvaluateWithTimings(repo);

        VerdictAssert.Outcome(GateOutcome.Failed, unapproved);
        Assert.Matches(@"^Checkpoint gate timings: \d+ ms in all, [1-9]\d* git processes, outcome Failed " + Steps + "$", unapprovedLine);
        VerdictAssert.Outcome(GateOutcome.Approved, approved);
        Assert.Matches(@"^Checkpoint gate timings: \d+ ms in all, [1-9]\d* git processes, outcome Approved " + Steps + "$", approvedLine);
    }

    [Fact]
    public void OutsideARepository_TheTimingLineSaysSo()
    {
        var directory = Path.Combine(Path.GetTempPath(), "checkpoint-no-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var lines = new List<string>();
            var verdict = CheckpointGate.Evaluate(new GateRequest(directory) { Timings = lines.Add });

            VerdictAssert.Outcome(GateOutcome.GateUnavailable, verdict);
            Assert.Matches(@"^Checkpoint gate timings: \d+ ms in all, no repository, outcome GateUnavailable$", Assert.Single(lines));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (GateVerdict Verdict, string Line) EvaluateWithTimings(TestRepository repo)
    {
        var lines = new List<string>();
        var verdict = CheckpointGate.Evaluate(new GateRequest(repo.Root)
        {
            Environment = new Dictionary<string, string?>(),
            Now = TestRepository.Now,
            Timings = lines.Add,
        });
        return (verdict, Assert.Single(lines));
    }
}
