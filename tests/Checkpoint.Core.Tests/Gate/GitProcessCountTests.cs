using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>
/// The gate reads git through one typed door: a handful of processes, one <c>cat-file --batch</c>
/// for every object. Counted by a wrapper script that logs each git it starts, then runs the real one.
/// </summary>
public sealed class GitProcessCountTests
{
    [Fact]
    public void ApprovedAgentBranch_TakesAtMostEightGitProcesses()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Branch("copilot/fix-typo")
            .Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Write("src/App.cs", "class App { }\n").Write("src/More.cs", "class More { }\n").Commit("More", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.Bob);

        var (verdict, invocations, timings) = EvaluateCounting(repo);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.True(invocations.Count <= 8, $"{invocations.Count} git processes:\n  " + string.Join("\n  ", invocations));
        Assert.Equal(1, invocations.Count(i => i.StartsWith("cat-file", StringComparison.Ordinal)));
        Assert.Contains($"{invocations.Count} git processes", timings, StringComparison.Ordinal);
    }

    [Fact]
    public void PastApprovalsOnTheBase_AreNeverRead()
    {
        using var repo = TestRepository.Create();
        for (var i = 0; i < 50; i++)
        {
            repo.Write($".checkpoint/approvals/merged-{i:D3}.json", "{}").Write($".checkpoint/approvals/merged-{i:D3}.json.sig", "not read");
        }

        repo.Commit("Fifty approvals merged over time");
        repo.PushMain();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var (verdict, invocations, _) = EvaluateCounting(repo);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        var approval = Assert.Single(verdict.Approvals);
        Assert.Equal(".checkpoint/approvals/alice.json", approval.Path);
        Assert.True(invocations.Count <= 8, string.Join("\n", invocations));
    }

    [Fact]
    public void UpdateFromTheBase_CostsOneMergeTreePerMerge_AndNoneWithoutMerges()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);
        repo.Write("src/Feature.cs", "[Checkpoint.ApprovedBy(\"alice@example.com\")] class Feature { }\n").Commit("Feature", TestRepository.CopilotAuthor);
        var (_, withoutMerge, _) = EvaluateCounting(repo);
        Assert.DoesNotContain(withoutMerge, i => i.StartsWith("merge-tree", StringComparison.Ordinal));

        repo.Checkout("main").Write("docs/Notes.md", "notes\n").Commit("Notes");
        repo.PushMain();
        repo.Checkout("copilot/fix-typo").Merge("origin/main", author: "Alice <alice@example.com>");
        repo.Approve(SshKey.Alice);

        var (verdict, invocations, _) = EvaluateCounting(repo);

        VerdictAssert.Outcome(GateOutcome.Approved, verdict);
        Assert.Single(invocations, i => i.StartsWith("merge-tree", StringComparison.Ordinal));
        Assert.True(invocations.Count <= 9, string.Join("\n", invocations));
        Assert.Equal(1, invocations.Count(i => i.StartsWith("cat-file", StringComparison.Ordinal)));
    }

    private static (GateVerdict Verdict, List<string> Invocations, string Timings) EvaluateCounting(TestRepository repo)
    {
        var folder = Path.Combine(Path.GetTempPath(), "checkpoint-git-count-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var log = Path.Combine(folder, "invocations.log");
            var wrapper = Path.Combine(folder, "git");
            var realGit = ProcessRunner.RunChecked("sh", ["-c", "command -v git"], folder).StandardOutput.TrimEnd('\n');
            File.WriteAllText(wrapper, $"#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in -c|--no-pager|--no-replace-objects|*=*) ;; *) printf '%s ' \"$a\" >> '{log}';; esac; done\necho >> '{log}'\nexec '{realGit}' \"$@\"\n");
            ProcessRunner.RunChecked("chmod", ["+x", wrapper], folder);
            var lines = new List<string>();
            var verdict = CheckpointGate.Evaluate(new GateRequest(repo.Root)
            {
                Environment = new Dictionary<string, string?>(),
                Now = TestRepository.Now,
                GitExecutable = wrapper,
                Timings = lines.Add,
            });
            var invocations = File.ReadAllLines(log).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            return (verdict, invocations, Assert.Single(lines));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
