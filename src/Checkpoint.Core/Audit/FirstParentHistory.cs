using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Audit;

/// <summary>
/// A protected branch's history as the audit walks it: the first-parent chain from the root to the
/// tip (each commit on it is one landing on the branch), and for every commit the position of the
/// first landing whose history contains it. That position answers, without a git process, which
/// commits a merge brought in and (almost always) the merge-base of a merge's two parents.
/// </summary>
internal sealed class FirstParentHistory
{
    private readonly IReadOnlyDictionary<string, GitCommitRecord> _commits;
    private readonly Dictionary<string, int> _landedAt = new Dictionary<string, int>(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _chainPosition = new Dictionary<string, int>(StringComparer.Ordinal);
    private readonly List<List<string>> _introduced = new List<List<string>>();

    public FirstParentHistory(IReadOnlyDictionary<string, GitCommitRecord> commits, string tip)
    {
        _commits = commits;
        var chain = new List<GitCommitRecord>();
        for (var at = Get(tip); ; at = Get(at.Parents[0]))
        {
            chain.Add(at);
            if (at.Parents.Count == 0)
            {
                break;
            }
        }

        chain.Reverse();
        Chain = chain;
        for (var position = 0; position < chain.Count; position++)
        {
            _chainPosition[chain[position].Id] = position;
        }

        // Oldest landing first: everything the landings before it reach already has its position,
        // so a walk from a merge's other parents stops where the branch already was.
        for (var position = 0; position < chain.Count; position++)
        {
            var introduced = new List<string>();
            var landing = chain[position];
            _landedAt[landing.Id] = position;
            var pending = new Stack<string>(landing.Parents.Skip(1));
            while (pending.Count > 0)
            {
                var id = pending.Pop();
                if (_landedAt.ContainsKey(id))
                {
                    continue;
                }

                _landedAt[id] = position;
                introduced.Add(id);
                foreach (var parent in Get(id).Parents)
                {
                    if (!_landedAt.ContainsKey(parent))
                    {
                        pending.Push(parent);
                    }
                }
            }

            _introduced.Add(introduced);
        }
    }

    /// <summary>The first-parent chain, root first: position <c>i</c> is the i-th landing on the branch.</summary>
    public IReadOnlyList<GitCommitRecord> Chain { get; }

    public GitCommitRecord Get(string id) =>
        _commits.TryGetValue(id, out var commit) ? commit : throw new GitException(GitFailureKind.UnexpectedOutput, $"commit {id} is in the history but was not read");

    /// <summary>The chain position of <paramref name="id"/>, or -1 when it is not on the chain.</summary>
    public int PositionOf(string id) => _chainPosition.TryGetValue(id, out var position) ? position : -1;

    /// <summary>The commits the landing at <paramref name="position"/> brought in besides itself (a merge's branch), newest first as walked.</summary>
    public IReadOnlyList<GitCommitRecord> IntroducedBy(int position) => _introduced[position].Select(Get).ToList();

    /// <summary>
    /// The merge-base of the chain commit before <paramref name="position"/> and <paramref name="side"/>
    /// (a parent of the merge at <paramref name="position"/>), or null when it is not unique from
    /// positions alone (criss-cross histories) and git must say.
    /// </summary>
    public string? MergeBase(int position, string side)
    {
        if (_landedAt[side] < position)
        {
            // The branch was already in the history: nothing new, its tip is the merge-base.
            return side;
        }

        // Every path from the side parent into the earlier history crosses a boundary commit; the
        // merge-base is the boundary commit that all the others are ancestors of.
        var boundary = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { side };
        var pending = new Stack<string>();
        pending.Push(side);
        while (pending.Count > 0)
        {
            foreach (var parent in Get(pending.Pop()).Parents)
            {
                if (!seen.Add(parent))
                {
                    continue;
                }

                if (_landedAt[parent] < position)
                {
                    boundary.Add(parent);
                }
                else
                {
                    pending.Push(parent);
                }
            }
        }

        // A chain commit is an ancestor of every later chain commit and of whatever those brought in.
        var onChain = boundary.Where(id => _chainPosition.ContainsKey(id)).ToList();
        var latest = onChain.Count == 0 ? -1 : onChain.Max(id => _chainPosition[id]);
        var remaining = boundary.Where(id => _chainPosition.TryGetValue(id, out var at) ? at == latest : _landedAt[id] > latest).ToList();
        return remaining.Count == 1 ? remaining[0] : null;
    }
}
