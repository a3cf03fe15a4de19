using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Resolution;

/// <summary>
/// Resolves the change checked out in a working tree into one <see cref="ResolvedChange"/>, the
/// only place Checkpoint works out base, HEAD, merge-base, trust, commits, diff and approvals. It
/// never throws: a failure comes back as a <see cref="ResolutionFailure"/> with a code and a message.
/// </summary>
/// <remarks>
/// Git processes for one resolution, at most: <c>rev-parse</c> (root and shallowness),
/// <c>for-each-ref</c>, one <c>cat-file --batch</c> for every object (commits, trust files,
/// approvals, blobs), <c>merge-base</c>, <c>log</c>, <c>diff-tree</c>, <c>config</c> (only without
/// a policy <c>repository</c>), <c>status</c>; <c>merge-base --is-ancestor</c> only when the
/// branch name claims a protected branch whose tip is neither HEAD nor the base; and one
/// <c>merge-tree</c> per merge commit in the range (at most four), only when there are merges.
/// </remarks>
public static class ChangeResolver
{
    /// <summary>Merge commits checked against git's automatic merge per resolution; more count as authored.</summary>
    internal const int MaxMergeChecks = 4;

    internal const string NoIdentityMessage = "no repository identity: set \"repository\" in .checkpoint/policy.json on the base, or add an origin remote";

    public static ChangeResolution Resolve(ChangeRequest request) => ResolveIn(request, openRepository: null);

    /// <summary>
    /// Resolves again in a repository this process already opened (say, after <c>checkpoint approve</c>
    /// committed): no second <c>rev-parse</c>, and the same <c>cat-file --batch</c>, which reads refs
    /// and new objects afresh on every request. The caller keeps the repository; the resolution does
    /// not dispose it.
    /// </summary>
    public static ChangeResolution Resolve(ChangeRequest request, GitRepository repository) =>
        ResolveIn(request, repository ?? throw new ArgumentNullException(nameof(repository)));

    private static ChangeResolution ResolveIn(ChangeRequest request, GitRepository? openRepository)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<string>();
        var phaseStart = TimeSpan.Zero;
        void Phase(string name)
        {
            var now = clock.Elapsed;
            timings.Add(name + " " + (now - phaseStart).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms");
            phaseStart = now;
        }

        GitRepository? repository = null;
        var partial = new Partial();
        try
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            try
            {
                repository = openRepository ?? GitRepository.Open(request.WorkingDirectory, request.GitExecutable);
            }
            catch (GitException ex) when (ex.Kind == GitFailureKind.NotARepository || (ex.Kind == GitFailureKind.GitMissing && RepositoryLocator.Find(request.WorkingDirectory) is null))
            {
                // No repository here at all (or no git, and no .git that would need it).
                return new ChangeResolution(null, new ResolutionFailure(GateCodes.GateUnavailable, ex.Message, noRepository: true), timings, clock.Elapsed, null);
            }
            catch (GitException ex)
            {
                var where = request.Ci.IsCi ? $" (CI detected through {request.Ci.CiVariable})" : string.Empty;
                throw new CheckpointException(GateCodes.GateUnavailable, ex.Message + where, ex);
            }

            partial.Root = repository.Root;
            Phase("open");
            var change = Resolve(request, repository, partial, Phase, ownsRepository: openRepository is null);
            return new ChangeResolution(change, null, timings, clock.Elapsed, repository.GitProcessesStarted);
        }
        catch (Exception ex)
        {
            // Fail closed, in one line: whatever went wrong is a failure with a code, never a pass.
            var failure = ex switch
            {
                CheckpointException checkpoint => new ResolutionFailure(checkpoint.Code, checkpoint.Message, noRepository: false),
                GitException git => new ResolutionFailure(GateCodes.GateUnavailable, "git failed: " + git.Message, noRepository: false),
                _ => new ResolutionFailure(GateCodes.GateUnavailable, $"the change could not be resolved ({ex.GetType().Name}: {OneLine(ex.Message)})", noRepository: false),
            };
            failure.RepositoryRoot = partial.Root;
            failure.Base = partial.Base;
            failure.Head = partial.Head;
            failure.Branch = partial.Branch;
            failure.ProtectedBranch = partial.ProtectedTip;
            var processes = repository?.GitProcessesStarted;
            if (openRepository is null)
            {
                repository?.Dispose();
            }

            return new ChangeResolution(null, failure, timings, clock.Elapsed, processes);
        }
    }

    private static ResolvedChange Resolve(ChangeRequest request, GitRepository repository, Partial partial, Action<string> phase, bool ownsRepository)
    {
        var ci = request.Ci;
        var refs = repository.ReadRefs(BaseResolver.OverrideRefName(request.BaseRef, ci) is string overrideRef ? new[] { overrideRef } : Array.Empty<string>());
        var head = repository.Objects.ReadCommit("HEAD")
            ?? throw new CheckpointException(GateCodes.DiffUnavailable, "HEAD has no commit yet; there is no diff to check");
        partial.Head = head.Id;
        var branch = ci.IsCi && ci.SourceBranch != null ? ci.SourceBranch : refs.CurrentBranch ?? ci.SourceBranch;
        partial.Branch = branch;
        var resolvedBase = BaseResolver.Resolve(repository.Objects, refs, request.BaseRef, ci, request.BaseRefSetting);
        partial.Base = resolvedBase;
        phase("head and base");

        var configuration = TrustedConfiguration.Read(repository.Objects, resolvedBase.Commit);
        phase("policy and signers");

        var protectedRefs = ProtectedRefs(refs, configuration.Policy);
        partial.ProtectedTip = protectedRefs.Where(p => p.Reference.ObjectId == head.Id).Select(p => new ProtectedBranch(p.Name, p.Reference.Name, isTip: true)).FirstOrDefault();
        string mergeBase;
        IReadOnlyList<GitCommit> commits;
        if (head.Id == resolvedBase.Commit)
        {
            mergeBase = head.Id;
            commits = Array.Empty<GitCommit>();
        }
        else
        {
            if (repository.IsShallow)
            {
                throw new CheckpointException(
                    GateCodes.DiffUnavailable,
                    "the repository is a shallow clone, so the merge-base and the branch's commits cannot be known; fetch the full history (actions/checkout: fetch-depth: 0; or git fetch --unshallow)");
            }

            mergeBase = repository.MergeBase(resolvedBase.Commit, head.Id) ?? throw new CheckpointException(
                GateCodes.DiffUnavailable,
                $"HEAD and {resolvedBase.RefName} have unrelated histories (no merge-base); the diff cannot be computed");
            commits = mergeBase == head.Id ? Array.Empty<GitCommit>() : MarkAutomaticMerges(repository, repository.ListCommits(mergeBase, head.Id));
        }

        var protectedBranch = partial.ProtectedTip ?? ProtectedAncestor(repository, protectedRefs, resolvedBase, head.Id, mergeBase, branch, ci);
        phase("merge-base and commits");

        var identity = configuration.Policy.Repository ?? RepositoryIdentity.Normalize(repository.GetConfig("remote.origin.url"));
        phase("identity");

        var diff = mergeBase == head.Id ? DiffDigest.FromEntries(Array.Empty<DigestEntry>()) : DiffDigest.Compute(repository, mergeBase, head.Id);
        phase("digest");

        var approvalNotices = new List<string>();
        var approvals = ApprovalReader.Read(repository.Objects, head.Id, diff.Changes, approvalNotices);
        phase("approvals");

        // Approval files are left out, as from the digest: a base keeps every approval ever merged,
        // and the gate's cost must not grow with them.
        var workingTree = repository.ReadWorkingTreeStatus(ApprovalPaths.Directory + "/*.json", ApprovalPaths.Directory + "/*.json.sig");
        phase("working tree");

        return new ResolvedChange(repository, resolvedBase, head, mergeBase, branch, protectedBranch, configuration, identity, commits, diff, approvals, approvalNotices, workingTree)
        {
            OwnsRepository = ownsRepository,
        };
    }

    /// <summary>
    /// Marks the merge commits whose tree is exactly the automatic merge of their two parents, so
    /// that updating a branch from its base (GitHub's "Update branch") does not make the person who
    /// did it an author of the change. One <c>git merge-tree</c> per merge, only when the range has
    /// merges, for at most <see cref="MaxMergeChecks"/> of them; the others count as written by
    /// their author and committer, as does a merge with conflicts resolved or edits.
    /// </summary>
    private static IReadOnlyList<GitCommit> MarkAutomaticMerges(GitRepository repository, IReadOnlyList<GitCommit> commits)
    {
        if (!commits.Any(c => c.Parents.Count == 2))
        {
            return commits;
        }

        var checks = 0;
        var marked = new List<GitCommit>(commits.Count);
        foreach (var commit in commits)
        {
            if (commit.Parents.Count == 2 && checks++ < MaxMergeChecks
                && repository.Objects.ReadCommit(commit.Id) is { } read
                && repository.AutomaticMergeTree(commit.Parents[0], commit.Parents[1]) is string tree
                && string.Equals(tree, read.Tree, StringComparison.Ordinal))
            {
                marked.Add(commit.AsAutomaticMerge());
            }
            else
            {
                marked.Add(commit);
            }
        }

        return marked;
    }

    /// <summary>origin's remote-tracking refs whose branch name the policy protects, the base's first.</summary>
    private static IReadOnlyList<(string Name, GitRef Reference)> ProtectedRefs(GitRefs refs, CheckpointPolicy policy) =>
        refs.Under(BaseResolver.RemotePrefix)
            .Where(r => r.SymbolicTarget is null)
            .Select(r => (Name: r.Name.Substring(BaseResolver.RemotePrefix.Length), Reference: r))
            .Where(p => p.Name != "HEAD" && policy.IsProtected(p.Name))
            .ToList();

    /// <summary>
    /// HEAD in the history of a protected remote ref, checked with git. The base costs nothing (HEAD
    /// is in its history when it is the merge-base); another protected ref is checked only when the
    /// branch's name claims it, so that an agent branch never pays for walking every release branch.
    /// </summary>
    private static ProtectedBranch? ProtectedAncestor(GitRepository repository, IReadOnlyList<(string Name, GitRef Reference)> protectedRefs, ResolvedBase resolvedBase, string head, string mergeBase, string? branch, CiEnvironment ci)
    {
        var baseRef = protectedRefs.FirstOrDefault(p => p.Reference.Name == resolvedBase.RefName);
        if (baseRef.Reference != null && mergeBase == head)
        {
            return new ProtectedBranch(baseRef.Name, baseRef.Reference.Name, isTip: false);
        }

        if (branch is null || ci.IsPullRequest)
        {
            return null;
        }

        var claimed = protectedRefs.FirstOrDefault(p => p.Name == branch);
        if (claimed.Reference is null || claimed.Reference.Name == resolvedBase.RefName)
        {
            return null;
        }

        return repository.IsAncestor(head, claimed.Reference.ObjectId) ? new ProtectedBranch(claimed.Name, claimed.Reference.Name, isTip: false) : null;
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>What is known when a later step fails, for the failing verdict.</summary>
    private sealed class Partial
    {
        public string? Root { get; set; }

        public ResolvedBase? Base { get; set; }

        public string? Head { get; set; }

        public string? Branch { get; set; }

        public ProtectedBranch? ProtectedTip { get; set; }
    }
}
