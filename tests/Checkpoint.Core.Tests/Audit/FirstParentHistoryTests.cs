using Checkpoint.Core.Audit;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Audit;

/// <summary>The merge-bases the audit works out from landing positions are git's own, or it asks git.</summary>
public sealed class FirstParentHistoryTests
{
    [Fact]
    public void MergeBasesFromPositions_AreTheOnesGitFinds_OnRandomHistories()
    {
        using var repo = TestRepository.Create();
        var tree = repo.Git("rev-parse", "HEAD^{tree}");
        var random = new Random(20261205);
        var main = repo.Git("rev-parse", "HEAD");
        var branches = new List<string>();
        var counter = 0;
        string Commit(params string[] parents)
        {
            var arguments = new List<string> { "commit-tree", tree, "-m", "c" + counter++ };
            foreach (var parent in parents)
            {
                arguments.AddRange(["-p", parent]);
            }

            return repo.Git([.. arguments]);
        }

        for (var step = 0; step < 120; step++)
        {
            switch (random.Next(6))
            {
                case 0:
                    // A branch from main, or from another branch.
                    branches.Add(Commit(branches.Count > 0 && random.Next(3) == 0 ? branches[random.Next(branches.Count)] : main));
                    break;
                case 1 when branches.Count > 0:
                    var index = random.Next(branches.Count);
                    branches[index] = Commit(branches[index]);
                    break;
                case 2 when branches.Count > 0:
                    // The branch takes main in ("update branch").
                    var updated = random.Next(branches.Count);
                    branches[updated] = Commit(branches[updated], main);
                    break;
                case 3 when branches.Count > 1:
                    // One branch takes another in.
                    var into = random.Next(branches.Count);
                    branches[into] = Commit(branches[into], branches[random.Next(branches.Count)]);
                    break;
                case 4 when branches.Count > 0:
                    var merged = random.Next(branches.Count);
                    main = Commit(main, branches[merged]);
                    if (random.Next(2) == 0)
                    {
                        branches.RemoveAt(merged);
                    }

                    break;
                default:
                    main = Commit(main);
                    break;
            }
        }

        using var git = GitRepository.Open(repo.Root);
        var history = new FirstParentHistory(GitHistory.ReadCommits(git.Objects, GitHistory.ListCommitIds(git, main)), main);
        var merges = 0;
        var answered = 0;
        for (var position = 1; position < history.Chain.Count; position++)
        {
            var landing = history.Chain[position];
            if (landing.Parents.Count != 2)
            {
                continue;
            }

            merges++;
            var mergeBase = history.MergeBase(position, landing.Parents[1]);
            var all = repo.Git("merge-base", "--all", landing.Parents[0], landing.Parents[1]).Split('\n');
            if (mergeBase is null)
            {
                continue;
            }

            answered++;
            Assert.Equal([mergeBase], all);
        }

        Assert.True(merges >= 10, $"only {merges} merges");
        Assert.True(answered >= merges * 3 / 4, $"{answered} of {merges} merge-bases answered without git");
    }
}
