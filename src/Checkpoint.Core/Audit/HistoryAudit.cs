using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Core.Audit;

/// <summary>
/// Reads a protected branch's history back and answers, for every change that landed, who approved
/// it and what they approved, checked as the gate would have checked it when it landed: against the
/// policy, allowed_signers and revoked list of the branch at that point. Everything is git data read
/// through <see cref="GitRepository"/>: one <c>rev-list</c>, one <c>cat-file --batch</c> for every
/// object, one <c>diff-tree --stdin</c> for every comparison of two trees, and <c>merge-base</c> only
/// for criss-cross merges. Nothing from the history runs.
/// </summary>
/// <remarks>
/// How a change is delimited (docs/audit.md): a merge commit's change is its branch, from the
/// merge-base of its parents to its second parent (what the approver reviewed); a commit with one
/// parent is its own change (a squash merge or a direct push); consecutive commits that one approval
/// covers, written after that approval, are one change (a rebase merge).
/// </remarks>
public sealed class HistoryAudit
{
    /// <summary>How far back from an approval the audit looks for the start of a rebase merge.</summary>
    public const int MaxRangeCommits = 100;

    private const string BranchRange = "branch";
    private const string LandedRange = "landed";

    private static readonly CiEnvironment NoCi = CiEnvironment.FromVariables(new Dictionary<string, string?>());

    private readonly GitRepository _repository;
    private readonly FirstParentHistory _history;
    private readonly GitTreeDiff _trees;
    private readonly string? _origin;
    private readonly Dictionary<string, IReadOnlyList<GitRawChange>> _commitChanges = new Dictionary<string, IReadOnlyList<GitRawChange>>(StringComparer.Ordinal);
    private int _mergeBasesFromGit;
    private TrustTimeline? _trust;

    private HistoryAudit(GitRepository repository, FirstParentHistory history, string? origin)
    {
        _repository = repository;
        _history = history;
        _origin = origin;
        _trees = repository.Trees;
    }

    private GitObjectReader Objects => _repository.Objects;

    private IReadOnlyList<GitCommitRecord> Chain => _history.Chain;

    /// <summary>Audits the branch the request names.</summary>
    /// <exception cref="CheckpointException">No branch to audit, or a shallow clone (the history is incomplete).</exception>
    /// <exception cref="GitException">git is missing, this is not a repository, or git failed.</exception>
    public static AuditReport Run(AuditRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var clock = Stopwatch.StartNew();
        var timings = new List<string>();
        var phaseStart = TimeSpan.Zero;
        void Phase(string name)
        {
            timings.Add(name + " " + (clock.Elapsed - phaseStart).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms");
            phaseStart = clock.Elapsed;
        }

        using var repository = GitRepository.Open(request.WorkingDirectory, request.GitExecutable);
        if (repository.IsShallow)
        {
            throw new CheckpointException(
                GateCodes.DiffUnavailable,
                "the repository is a shallow clone, so its history cannot be audited; fetch all of it (actions/checkout: fetch-depth: 0; or git fetch --unshallow)");
        }

        var overrideRef = string.IsNullOrWhiteSpace(request.BaseRef) ? null : BaseResolver.ToFullRefName(request.BaseRef!.Trim());
        var refs = repository.ReadRefs(overrideRef is null ? Array.Empty<string>() : new[] { overrideRef });
        var resolved = BaseResolver.Resolve(repository.Objects, refs, request.BaseRef, NoCi);
        var origin = RepositoryIdentity.Normalize(repository.GetConfig("remote.origin.url"));
        Phase("branch");

        var ids = GitHistory.ListCommitIds(repository, resolved.Commit);
        var commits = GitHistory.ReadCommits(repository.Objects, ids);
        var history = new FirstParentHistory(commits, resolved.Commit);
        Phase("history");

        var audit = new HistoryAudit(repository, history, origin);
        var changes = audit.Audit(request.Since, request.Until, Phase);
        return new AuditReport(resolved.RefName, resolved.Commit, origin, request.Since, request.Until, changes)
        {
            CommitsRead = commits.Count,
            GitProcesses = repository.GitProcessesStarted,
            MergeBasesFromGit = audit._mergeBasesFromGit,
            Elapsed = clock.Elapsed,
            Timings = timings,
        };
    }

    private static bool InWindow(GitCommitRecord commit, DateTimeOffset? since, DateTimeOffset? until) =>
        (since is null || commit.Committer.Time >= since) && (until is null || commit.Committer.Time < until);

    private static bool TouchesApprovals(IReadOnlyList<GitRawChange> raw) =>
        raw.Any(c => ApprovalPaths.IsInDirectory(c.Path) || c.Path.Display == ".checkpoint" || c.Path.Display == ApprovalPaths.Directory);

    /// <summary>
    /// Adds, changes or removes a regular approval file (a prune removes them). The name alone is not
    /// enough: a symlink or a subfolder in approvals/ is part of the change, as it is of the digest.
    /// </summary>
    private static bool IsApprovalFileChange(GitRawChange change) =>
        ApprovalPaths.IsApprovalName(change.Path)
        && (change.OldMode == ApprovalPaths.RegularFileMode || change.OldMode == ApprovalPaths.AbsentMode)
        && (change.NewMode == ApprovalPaths.RegularFileMode || change.NewMode == ApprovalPaths.AbsentMode);

    private static bool IsUnreadable(ApprovalRejection? rejection) =>
        rejection is ApprovalRejection.Unusable or ApprovalRejection.MalformedManifest or ApprovalRejection.MalformedSignature or ApprovalRejection.InvalidSignature;

    private IReadOnlyList<AuditedChange> Audit(DateTimeOffset? since, DateTimeOffset? until, Action<string> phase)
    {
        var positions = Enumerable.Range(0, Chain.Count).Where(p => InWindow(Chain[p], since, until)).ToList();
        if (positions.Count == 0)
        {
            return Array.Empty<AuditedChange>();
        }

        var units = positions.Select(CreateUnit).ToList();
        var pairs = new List<(string?, string?)>();
        foreach (var unit in units)
        {
            pairs.Add((Tree(unit.OldCommit), _history.Get(unit.Head).Tree));
            if (unit.Shape == ChangeShape.MergeCommit)
            {
                pairs.Add((Chain[unit.End - 1].Tree, Chain[unit.End].Tree));
            }
        }

        var diffs = _trees.Compare(pairs);
        var next = 0;
        foreach (var unit in units)
        {
            unit.Raw = diffs[next++];
            if (unit.Shape == ChangeShape.MergeCommit)
            {
                unit.LandedRaw = diffs[next++];
            }
        }

        phase("diffs");
        foreach (var unit in units)
        {
            ReadApprovals(unit);
        }

        phase("digests and approvals");
        units = GroupRebaseMerges(units);
        phase("rebase merges");

        _trust = new TrustTimeline(Objects, Chain, units.Min(u => u.Start) - 1);
        phase("trust");
        CompareAuthoredCommits(units);
        phase("commits");
        var audited = units.Select(Evaluate).Reverse().ToList();
        phase("verification");
        return audited;
    }

    private Unit CreateUnit(int position)
    {
        var landing = Chain[position];
        if (landing.Parents.Count == 0)
        {
            return new Unit(ChangeShape.RootCommit, position, position, null, landing.Id);
        }

        if (landing.Parents.Count == 1)
        {
            return new Unit(ChangeShape.SingleCommit, position, position, landing.Parents[0], landing.Id);
        }

        if (landing.Parents.Count > 2)
        {
            // An octopus merge has no one branch: what it changed on the protected branch is the change.
            return new Unit(ChangeShape.MergeCommit, position, position, landing.Parents[0], landing.Id) { IsOctopus = true, Note = "an octopus merge: its change is what it changed on the branch (first parent to merge)" };
        }

        var side = landing.Parents[1];
        var mergeBase = _history.MergeBase(position, side);
        string? note = null;
        if (mergeBase is null)
        {
            mergeBase = _repository.MergeBase(landing.Parents[0], side)
                ?? throw new GitException(GitFailureKind.UnexpectedOutput, $"git finds no merge-base for the parents of {landing.Id}, which share history");
            _mergeBasesFromGit++;
            note = "criss-cross history: git merge-base chose the merge-base";
        }

        return new Unit(ChangeShape.MergeCommit, position, position, mergeBase, side) { Note = note };
    }

    private string? Tree(string? commit) => commit is null ? null : _history.Get(commit).Tree;

    private void ReadApprovals(Unit unit)
    {
        unit.Digest = DiffDigest.Compute(Objects, unit.Raw);
        unit.Files = TouchesApprovals(unit.Raw)
            ? ApprovalReader.Read(Objects, unit.Head, unit.Digest.Changes, unit.ApprovalNotices)
            : Array.Empty<ApprovalFile>();
    }

    /// <summary>
    /// A commit that brings approvals none of which is for its own diff may be the last of a rebase
    /// merge: the approval is for the diff of the commits before it too. The range must end at the
    /// approval's commit, contain only commits with one parent written after the approval was made,
    /// and have exactly the approved digest; the shortest such range is the change.
    /// </summary>
    private List<Unit> GroupRebaseMerges(List<Unit> units)
    {
        var result = new List<Unit>();
        foreach (var unit in units)
        {
            var range = unit.Shape == ChangeShape.SingleCommit && unit.Files.Count > 0 ? FindRange(unit) : null;
            if (range != null)
            {
                result.RemoveAll(u => u.Start >= range.Start);
                result.Add(range);
            }
            else
            {
                result.Add(unit);
            }
        }

        return result;
    }

    private Unit? FindRange(Unit unit)
    {
        var manifests = unit.Files
            .Select(f => f.Manifest != null && ApprovalManifest.TryParse(f.Manifest, out var m, out _) ? m : null)
            .Where(m => m != null)
            .Select(m => m!)
            .ToList();
        if (manifests.Count == 0 || manifests.Any(m => m.Digest == unit.Digest.Digest))
        {
            return null;
        }

        var wanted = new HashSet<string>(manifests.Select(m => m.Digest), StringComparer.Ordinal);
        var earliest = manifests.Min(m => m.CreatedAt) - ApprovalVerifier.AllowedClockSkew;
        var fileLists = manifests.Where(m => m.Files != null).Select(m => m.Files!.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList()).ToList();
        var anyWithoutFiles = manifests.Any(m => m.Files is null);
        for (var start = unit.End - 1; start >= 1 && start > unit.End - MaxRangeCommits; start--)
        {
            var first = Chain[start];
            if (first.Parents.Count != 1 || first.Committer.Time < earliest)
            {
                return null;
            }

            var raw = _trees.Compare(Chain[start - 1].Tree, Chain[unit.End].Tree);
            var paths = raw.Where(c => !ApprovalPaths.IsLeftOut(c.Path, c.OldMode, c.NewMode)).Select(c => c.Path.Display).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (!anyWithoutFiles && !fileLists.Any(list => list.SequenceEqual(paths, StringComparer.Ordinal)))
            {
                continue;
            }

            var digest = DiffDigest.Compute(Objects, raw);
            if (!wanted.Contains(digest.Digest))
            {
                continue;
            }

            // Only an approval made before every commit of the range was written can cover them all.
            var approval = manifests.First(m => m.Digest == digest.Digest);
            if (Enumerable.Range(start, unit.End - start + 1).Any(p => Chain[p].Committer.Time < approval.CreatedAt - ApprovalVerifier.AllowedClockSkew))
            {
                continue;
            }

            var range = new Unit(ChangeShape.CommitRange, start, unit.End, Chain[start - 1].Id, unit.Head) { Raw = raw };
            ReadApprovals(range);
            return range;
        }

        return null;
    }

    private AuditedChange Evaluate(Unit unit)
    {
        var landing = Chain[unit.End];
        var commits = Enumerable.Range(unit.Start, unit.End - unit.Start + 1).Select(p => Chain[p]).ToList();
        var isMerge = unit.Shape == ChangeShape.MergeCommit;
        var branch = isMerge ? MergeMessage.BranchName(landing.Subject) : null;
        var change = new AuditedChange(
            unit.Shape,
            commits,
            unit.Start > 0 ? Chain[unit.Start - 1].Id : null,
            isMerge ? unit.OldCommit : null,
            unit.Head,
            branch)
        {
            Digest = unit.Digest.Digest,
            FileCount = unit.Digest.Entries.Count,
        };
        var branchCommits = isMerge ? _history.IntroducedBy(unit.End) : Array.Empty<GitCommitRecord>();
        change.BranchCommits = branchCommits;
        var notes = new List<string>(unit.ApprovalNotices);
        if (unit.Note != null)
        {
            notes.Add(unit.Note);
        }

        var findings = new List<AuditFinding>();
        var trust = unit.Start > 0 ? _trust!.At(unit.Start - 1) : null;
        var configuration = trust?.Configuration;
        var policy = configuration?.Policy ?? CheckpointPolicy.Default;

        // What the merge commit changes beyond its branch was written at merge time: nobody reviewed it.
        var mergedOnly = isMerge && unit.LandedRaw != null && !unit.IsOctopus
            ? unit.LandedRaw.Where(c => !ApprovalPaths.IsLeftOut(c.Path, c.OldMode, c.NewMode)).Select(c => c.Path.Display)
                .Except(unit.Raw.Select(c => c.Path.Display), StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList()
            : new List<string>();
        var approvalsOnly = unit.Raw.Count > 0 && unit.Raw.All(IsApprovalFileChange);
        if (trust is null || (!trust.Configured && trust.Problem is null))
        {
            change.GatedBecause = trust is null ? "the branch's first commit has no base to check against" : "Checkpoint was not set up on the base (no .checkpoint/policy.json or allowed_signers)";
        }
        else if (trust.Problem != null)
        {
            change.Gated = true;
            change.GatedBecause = "the base's configuration cannot be read, so the gate failed every gated build there";
        }
        else if (approvalsOnly)
        {
            change.GatedBecause = "it changes only approval files";
        }
        else if (unit.Digest.Entries.Count == 0 && mergedOnly.Count == 0)
        {
            change.GatedBecause = "it changes nothing the digest covers";
        }
        else if (policy.Scope == GateScope.AllBranches)
        {
            change.Gated = true;
            change.GatedBecause = "the policy's scope is all-branches";
        }
        else
        {
            var detection = isMerge ? branchCommits.Concat(new[] { landing }) : commits;
            var signal = AgentDetection.Detect(policy, branch, NoCi, detection.Select(c => c.ToCommit()).ToList());
            change.Gated = signal != null;
            change.GatedBecause = signal ?? "no agent signal in its commits or branch name (scope agent-branches)";
        }

        if (trust?.Problem != null && (change.FileCount > 0 || unit.Files.Count > 0))
        {
            findings.Add(new AuditFinding(AuditFindingKind.UnreadableTrust, landing.Id, $"the base {GitRepository.Short(change.BaseCommit!)} cannot be checked against: {trust.Problem}"));
        }

        var identity = policy.Repository ?? _origin;
        if (identity is null && configuration != null && unit.Files.Count > 0)
        {
            notes.Add(ChangeResolver.NoIdentityMessage + "; the approvals could not be matched to this repository");
        }

        var unverified = trust is null ? "not verified: the branch's first commit has no base" : "not verified: the base's configuration cannot be read";
        var approvals = unit.Files.Select(file => Check(unit, change, file, configuration, identity, landing.Committer.Time, isMerge ? branchCommits : commits, !isMerge, unverified)).ToList();
        change.Approvals = approvals;
        change.Approvers = approvals.Where(a => a.Counted).Select(a => a.Approver!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        change.Approved = configuration != null && GateDecision.DistinctApprovers(approvals.Select(a => a.Check)) >= policy.RequiredApprovers;

        if (change.Gated && !change.Approved && trust?.Problem is null)
        {
            findings.Add(new AuditFinding(AuditFindingKind.Unapproved, landing.Id, UnapprovedText(change, policy)));
        }

        if (change.Gated && mergedOnly.Count > 0)
        {
            var list = string.Join(", ", mergedOnly.Take(10)) + (mergedOnly.Count > 10 ? $" and {mergedOnly.Count - 10} more" : string.Empty);
            findings.Add(new AuditFinding(AuditFindingKind.ChangedByMerge, landing.Id, $"the merge commit changes {mergedOnly.Count} path(s) its branch does not change, so no approval of the branch covers them: {list}"));
        }

        foreach (var approval in approvals)
        {
            if (approval.SelfApprovedCommit != null)
            {
                findings.Add(new AuditFinding(AuditFindingKind.SelfApproved, landing.Id, $"{approval.Path}: {approval.Reason}", approval.Path));
            }

            if (approval.RevokedLater != null)
            {
                findings.Add(new AuditFinding(AuditFindingKind.RevokedLater, landing.Id, $"{approval.Path}: approved by {approval.Approver} with {approval.KeyFingerprint}; {approval.RevokedLater} was revoked later, from {GitRepository.Short(approval.RevokedLaterAt!)} on", approval.Path));
            }

            if (IsUnreadable(approval.Rejection))
            {
                findings.Add(new AuditFinding(AuditFindingKind.UnreadableApproval, landing.Id, $"{approval.Path}: {approval.Reason}", approval.Path));
            }
        }

        change.Findings = findings;
        change.Notes = notes;
        return change;
    }

    private AuditedApproval Check(Unit unit, AuditedChange change, ApprovalFile file, TrustedConfiguration? configuration, string? identity, DateTimeOffset landedAt, IReadOnlyList<GitCommitRecord> authored, bool authorsOnly, string unverified)
    {
        ApprovalManifest? manifest = null;
        if (file.Manifest != null)
        {
            ApprovalManifest.TryParse(file.Manifest, out manifest, out _);
        }

        if (configuration is null)
        {
            return new AuditedApproval(new ApprovalCheck(file, manifest, ApprovalRejection.NoTrustedSigners, unverified, null, null, Array.Empty<string>()), null, null);
        }

        var diff = unit.Digest;
        string? matched = null;
        if (manifest != null && manifest.Digest == unit.Digest.Digest)
        {
            matched = unit.Shape == ChangeShape.MergeCommit ? BranchRange : LandedRange;
        }
        else if (manifest != null && unit.LandedRaw != null)
        {
            // A pull request build checks the merge of the branch into its target: what landed.
            unit.LandedDigest ??= DiffDigest.Compute(Objects, unit.LandedRaw);
            if (manifest.Digest == unit.LandedDigest.Digest)
            {
                diff = unit.LandedDigest;
                matched = LandedRange;
                change.LandedDigest = diff.Digest;
            }
        }

        var verifier = new ApprovalVerifier(diff, identity ?? string.Empty, configuration.AllowedSigners, configuration.Policy, landedAt, configuration.Revoked);
        var check = verifier.Check(file);
        if (!check.IsValid)
        {
            return new AuditedApproval(check, matched, null);
        }

        string? revoked = null;
        string? revokedAt = null;
        if (_trust!.RevokedFrom(unit.End, check.Key?.Fingerprint, ApprovalVerifier.ManifestHash(file.Manifest!), check.Manifest!.Digest) is { } later)
        {
            revoked = later.What;
            revokedAt = later.Commit.Id;
        }

        string? self = null;
        if (OwnWork(check, authored, authorsOnly) is { } own)
        {
            self = own.Id;
            var who = authorsOnly ? $"authored {own.ShortId}" : $"authored or committed {own.ShortId}";
            check = check.RejectedFor(
                ApprovalRejection.SelfApproved,
                $"approver '{check.Manifest!.Approver}' {who} in the change ({own.Author}, committer {own.Committer}); an approver must not approve their own changes");
        }

        return new AuditedApproval(check, matched, self) { RevokedLater = revoked, RevokedLaterAt = revokedAt };
    }

    /// <summary>
    /// The gate's own-work rule (<see cref="ApprovalVerifier.OwnWork"/>) over the change's commits.
    /// What each commit changes is read only for commits whose people match the approver. For a
    /// squash or rebase merge only authors count: the committer is whoever (or whatever) merged.
    /// </summary>
    private GitCommitRecord? OwnWork(ApprovalCheck check, IReadOnlyList<GitCommitRecord> commits, bool authorsOnly)
    {
        GitCommit Shown(GitCommitRecord commit, IReadOnlyList<GitRawChange>? changes) => authorsOnly
            ? new GitCommit(commit.Id, commit.Parents, commit.Author.Name, commit.Author.Email, string.Empty, string.Empty, commit.Message, changes)
            : commit.ToCommit(changes);

        var matching = commits.Where(c => ApprovalVerifier.OwnWork(check, new[] { Shown(c, null) }) != null).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        // A commit that only adds approval files is committing an approval, not writing the change.
        var missing = matching.Where(c => c.Parents.Count == 1 && !_commitChanges.ContainsKey(c.Id)).ToList();
        var diffs = _trees.Compare(missing.Select(CommitPair).ToList());
        for (var i = 0; i < missing.Count; i++)
        {
            _commitChanges[missing[i].Id] = diffs[i];
        }

        return matching.FirstOrDefault(c => ApprovalVerifier.OwnWork(check, new[] { Shown(c, _commitChanges.TryGetValue(c.Id, out var list) ? list : null) }) != null);
    }

    private (string? OldTree, string? NewTree) CommitPair(GitCommitRecord commit) => (_history.Get(commit.Parents[0]).Tree, commit.Tree);

    /// <summary>
    /// What each commit with one parent changes, for every change that has approvals to check against
    /// its authors (<see cref="OwnWork"/>), asked of git in one batch rather than once per change. A
    /// single commit's change is already known (its own diff).
    /// </summary>
    private void CompareAuthoredCommits(IReadOnlyList<Unit> units)
    {
        var wanted = new List<GitCommitRecord>();
        foreach (var unit in units.Where(u => u.Files.Count > 0))
        {
            if (unit.Shape == ChangeShape.SingleCommit)
            {
                _commitChanges[Chain[unit.End].Id] = unit.Raw;
                continue;
            }

            var authored = unit.Shape == ChangeShape.MergeCommit
                ? _history.IntroducedBy(unit.End)
                : Enumerable.Range(unit.Start, unit.End - unit.Start + 1).Select(p => Chain[p]).ToList();
            wanted.AddRange(authored.Where(c => c.Parents.Count == 1 && !_commitChanges.ContainsKey(c.Id)));
        }

        wanted = wanted.GroupBy(c => c.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var diffs = _trees.Compare(wanted.Select(CommitPair).ToList());
        for (var i = 0; i < wanted.Count; i++)
        {
            _commitChanges[wanted[i].Id] = diffs[i];
        }
    }

    private static string UnapprovedText(AuditedChange change, CheckpointPolicy policy)
    {
        var reasons = change.Approvals.Where(a => !a.Counted).Select(a => $"{a.Path}: {a.Reason}").ToList();
        var text = change.Approvals.Count == 0
            ? "landed without an approval"
            : $"landed without a valid approval ({string.Join("; ", reasons.Take(3))}{(reasons.Count > 3 ? $"; and {reasons.Count - 3} more" : string.Empty)})";
        if (policy.RequiredApprovers > 1)
        {
            text += $"; the policy requires {policy.RequiredApprovers} distinct approvers, {change.Approvers.Count} counted";
        }

        return text + $"; gated because {change.GatedBecause}";
    }

    /// <summary>One change being put together: where it starts and ends on the chain, and its diff.</summary>
    private sealed class Unit
    {
        public Unit(ChangeShape shape, int start, int end, string? oldCommit, string head)
        {
            Shape = shape;
            Start = start;
            End = end;
            OldCommit = oldCommit;
            Head = head;
        }

        public ChangeShape Shape { get; }

        public int Start { get; }

        public int End { get; }

        /// <summary>The old side of the diff: the merge-base, the commit before the range, or null for the root.</summary>
        public string? OldCommit { get; }

        public string Head { get; }

        public IReadOnlyList<GitRawChange> Raw { get; set; } = Array.Empty<GitRawChange>();

        /// <summary>For a merge commit: first parent to merge.</summary>
        public IReadOnlyList<GitRawChange>? LandedRaw { get; set; }

        public DiffDigest Digest { get; set; } = DiffDigest.FromEntries(Array.Empty<DigestEntry>());

        public DiffDigest? LandedDigest { get; set; }

        public IReadOnlyList<ApprovalFile> Files { get; set; } = Array.Empty<ApprovalFile>();

        public List<string> ApprovalNotices { get; } = new List<string>();

        public string? Note { get; set; }

        public bool IsOctopus { get; set; }
    }
}
