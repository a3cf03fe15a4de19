using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Attestations;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Resolution;

/// <summary>
/// Everything about the change checked out in a working tree, resolved once from git (in the way
/// Nerdbank.GitVersioning's <c>VersionOracle</c> is built once from a <c>GitContext</c>): the base
/// and the configuration trusted from its tip, HEAD, the merge-base, the branch's commits and diff,
/// the approvals it adds and the working tree. The gate's decision (<c>GateDecision</c>) and every
/// command of the tool read this one object, so they cannot disagree.
/// </summary>
/// <remarks>
/// Reading more (blobs and trees at the merge-base or HEAD, for a review) goes through
/// <see cref="Objects"/>, the same batched git door. Dispose it to stop that git process.
/// </remarks>
public sealed class ResolvedChange : IDisposable
{
    private IReadOnlyList<ChangedFile>? _changedFiles;
    private IReadOnlyList<string>? _uncommittedApprovals;
    private AttestationChanges? _attestations;

    internal ResolvedChange(
        GitRepository repository,
        ResolvedBase resolvedBase,
        GitCommitObject head,
        string mergeBase,
        string? branch,
        ProtectedBranch? protectedBranch,
        TrustedConfiguration configuration,
        string? identity,
        IReadOnlyList<GitCommit> commits,
        DiffDigest diff,
        IReadOnlyList<ApprovalFile> approvals,
        IReadOnlyList<string> approvalNotices,
        WorkingTreeStatus workingTree)
    {
        Repository = repository;
        Base = resolvedBase;
        Head = head.Id;
        HeadTree = head.Tree;
        MergeBase = mergeBase;
        Branch = branch;
        ProtectedBranch = protectedBranch;
        Configuration = configuration;
        Identity = identity;
        Commits = commits;
        Diff = diff;
        Approvals = approvals;
        ApprovalNotices = approvalNotices;
        WorkingTree = workingTree;
    }

    /// <summary>The git door this change was read through.</summary>
    public GitRepository Repository { get; }

    /// <summary>Reads blobs and trees at any commit (the merge-base, HEAD) through one <c>cat-file --batch</c>.</summary>
    public GitObjectReader Objects => Repository.Objects;

    /// <summary>The top-level directory of the working tree.</summary>
    public string RepositoryRoot => Repository.Root;

    /// <summary>The base: full refname, tip commit and tree, and where the choice came from.</summary>
    public ResolvedBase Base { get; }

    /// <summary>The commit HEAD points to.</summary>
    public string Head { get; }

    /// <summary>HEAD's root tree.</summary>
    public string HeadTree { get; }

    /// <summary>The merge-base of the base tip and HEAD: the old side of the diff.</summary>
    public string MergeBase { get; }

    /// <summary>The branch being built: the CI system's name for it in CI, else the local branch; null when detached.</summary>
    public string? Branch { get; }

    /// <summary>The protected branch git proves HEAD is on (its remote tip, or in its history); null when none.</summary>
    public ProtectedBranch? ProtectedBranch { get; }

    /// <summary>The policy, allowed_signers and revoked list, read from the base tip.</summary>
    public TrustedConfiguration Configuration { get; }

    public CheckpointPolicy Policy => Configuration.Policy;

    /// <summary>The repository identity approvals must name: the policy's, else origin's normalized URL; null when neither exists.</summary>
    public string? Identity { get; }

    /// <summary>The commits of merge-base..HEAD, newest first, with their authors, committers, parents and changes.</summary>
    public IReadOnlyList<GitCommit> Commits { get; }

    /// <summary>The diff and its digest. <see cref="DiffDigest.Changes"/> lists every changed path, approvals included.</summary>
    public DiffDigest Diff { get; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the diff: what an approval must name.</summary>
    public string Digest => Diff.Digest;

    /// <summary>Every path the branch changes, with status, modes, object ids and whether the digest leaves it out.</summary>
    public IReadOnlyList<DiffEntry> Entries => Diff.Changes;

    /// <summary>The approvals the branch adds or changes (the only ones that can approve it), read from HEAD.</summary>
    public IReadOnlyList<ApprovalFile> Approvals { get; }

    /// <summary>Approval files skipped without an error (a signature with no manifest).</summary>
    public IReadOnlyList<string> ApprovalNotices { get; }

    /// <summary>The working tree against HEAD, approval files left out.</summary>
    public WorkingTreeStatus WorkingTree { get; }

    /// <summary>
    /// Approval files (<c>*.json</c>, <c>*.json.sig</c>) in the working tree's approvals folder that
    /// HEAD does not have: written, not committed. Only for a hint when approvals are missing, so it
    /// is read on first use (a folder listing and one tree object) and never fails the caller.
    /// </summary>
    public IReadOnlyList<string> UncommittedApprovals => _uncommittedApprovals ??= ReadUncommittedApprovals();

    /// <summary>
    /// The <c>[ApprovedBy]</c> attestations the branch adds or changes in <c>.cs</c> files, read as
    /// text from both sides of the diff on first use (through <see cref="Objects"/>, no new git
    /// process), so that a branch that is not gated never pays for it. It never throws: a file that
    /// cannot be read comes back as an attestation the gate cannot read, and fails a gated build.
    /// </summary>
    public AttestationChanges Attestations => _attestations ??= ReadAttestations();

    /// <summary>True when HEAD's tree is the base tip's.</summary>
    public bool HasBaseTree => string.Equals(HeadTree, Base.Tree, StringComparison.Ordinal);

    /// <summary>
    /// True when the branch adds nothing the digest covers but builds something else than the base
    /// tip: HEAD is behind a base that changed since (a revert on the base, say).
    /// </summary>
    public bool IsBehindBase => Diff.Entries.Count == 0 && !HasBaseTree && !string.Equals(MergeBase, Base.Commit, StringComparison.Ordinal);

    /// <summary>Changed files with line counts (git numstat), without the approvals the digest leaves out; read on first use.</summary>
    public IReadOnlyList<ChangedFile> ChangedFiles
    {
        get
        {
            if (_changedFiles is null)
            {
                var leftOut = new HashSet<GitPath>(Entries.Where(e => e.IsApproval).Select(e => e.Path));
                _changedFiles = Entries.Count == 0
                    ? Array.Empty<ChangedFile>()
                    : Repository.NumStat(MergeBase, Head).Where(f => !leftOut.Contains(f.Path)).ToList();
            }

            return _changedFiles;
        }
    }

    /// <summary>The manifest an approver signs for this diff, with what the review showed when <paramref name="record"/> is given.</summary>
    /// <exception cref="CheckpointException">CHK106 when there is no repository identity.</exception>
    public ApprovalManifest CreateManifest(string approver, DateTimeOffset now, TimeSpan? validFor = null, ApprovalRecord? record = null)
    {
        var identity = Identity ?? throw new CheckpointException(GateCodes.GateUnavailable, ChangeResolver.NoIdentityMessage);
        return ApprovalManifest.CreateFor(Diff, identity, approver, now, validFor ?? Policy.MaxApprovalAge, Base.RefName, MergeBase, record);
    }

    /// <summary>False when the repository was opened by the caller (<see cref="ChangeResolver.Resolve(ChangeRequest, GitRepository)"/>), who disposes it.</summary>
    internal bool OwnsRepository { get; init; } = true;

    public void Dispose()
    {
        if (OwnsRepository)
        {
            Repository.Dispose();
        }
    }

    private AttestationChanges ReadAttestations()
    {
        try
        {
            return AttestationChanges.Read(Objects, Entries);
        }
        catch (Exception ex) when (ex is GitException || ex is IOException || ex is InvalidDataException)
        {
            var problem = new SourceAttestation("(the changed .cs files)", 0, null, "the gate could not read the changed files: " + ex.Message, string.Empty);
            return new AttestationChanges(new[] { problem });
        }
    }

    private IReadOnlyList<string> ReadUncommittedApprovals()
    {
        try
        {
            var folder = Path.Combine(Repository.Root, ApprovalPaths.Directory);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<string>();
            }

            // HEAD's approvals folder may be a file or a symlink (an invalid approval the gate reports).
            var committed = new HashSet<string>(
                (Objects.ReadTree(Head + ":" + ApprovalPaths.Directory, ApprovalPaths.Directory) ?? Array.Empty<GitTreeEntry>()).Select(e => e.Path.Display),
                StringComparer.Ordinal);
            return Directory.EnumerateFiles(folder)
                .Select(file => ApprovalPaths.Directory + "/" + Path.GetFileName(file))
                .Where(path => ApprovalPaths.IsApprovalName(GitPath.FromString(path)) && !committed.Contains(path))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidDataException || ex is GitException)
        {
            // A hint that cannot be given is left out; the verdict does not depend on it.
            return Array.Empty<string>();
        }
    }
}
