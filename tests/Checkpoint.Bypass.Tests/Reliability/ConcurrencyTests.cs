using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>Builds of several projects, or several builds, evaluate the same repository at once.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void ParallelEvaluations_OfAnUnapprovedBranch_GiveIdenticalVerdicts()
    {
        using var repo = Scenario.AgentChange();

        var verdicts = EvaluateInParallel(repo, 4);

        Assert.Single(verdicts.Distinct());
        Assert.Contains("CHK100", verdicts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ParallelEvaluations_OfAnApprovedBranch_GiveIdenticalVerdicts()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);

        var verdicts = EvaluateInParallel(repo, 4);

        Assert.Single(verdicts.Distinct());
        Assert.StartsWith("Approved", verdicts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ParallelCheckpointVerifyProcesses_GiveIdenticalAnswers()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, repo.ManifestFor(SshKey.Alice, createdAt: DateTimeOffset.UtcNow.AddHours(-1)).Serialize());

        var results = Enumerable.Range(0, 4)
            .AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => CheckpointTool.Run(repo.Root, Scenario.Ci, "verify", "--format", "json"))
            .ToArray();

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.Single(results.Select(r => r.Output).Distinct());
    }

    private static List<string> EvaluateInParallel(TestRepository repo, int count)
    {
        using var start = new Barrier(count);
        var evaluations = Enumerable.Range(0, count)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return repo.Evaluate(Scenario.Ci);
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(evaluations);
        return evaluations.Select(t => Describe(t.Result)).ToList();
    }

    private static string Describe(GateVerdict verdict) =>
        string.Join("\n", new[] { verdict.Outcome.ToString(), verdict.Digest ?? "-", verdict.BaseCommit ?? "-", verdict.MergeBase ?? "-" }
            .Concat(verdict.Messages.Select(m => m.ToString())));
}
