using System;
using System.Collections.Generic;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Gate;

/// <summary>
/// What an approver reviews and signs, resolved exactly as the gate resolves it: the base, the
/// merge-base, HEAD, the base's policy and signers, the repository identity and the diff digest.
/// The checkpoint tool uses it for <c>review</c>, <c>approve</c> and <c>hash</c>.
/// </summary>
public sealed class ReviewTarget
{
    private IReadOnlyList<ChangedFile>? _changedFiles;

    private ReviewTarget(
        GitRepository repository,
        CiEnvironment ci,
        ResolvedBase resolvedBase,
        string head,
        string mergeBase,
        string? branch,
        BaseConfiguration configuration,
        string? repositoryIdentity,
        DiffDigest diff)
    {
        Repository = repository;
        Ci = ci;
        Base = resolvedBase;
        Head = head;
        MergeBase = mergeBase;
        Branch = branch;
        Configuration = configuration;
        RepositoryIdentity = repositoryIdentity;
        Diff = diff;
    }

    public GitRepository Repository { get; }

    public CiEnvironment Ci { get; }

    public ResolvedBase Base { get; }

    public string Head { get; }

    public string MergeBase { get; }

    public string? Branch { get; }

    /// <summary>The base's policy and allowed_signers.</summary>
    public BaseConfiguration Configuration { get; }

    /// <summary>The identity approvals must name; null when neither the policy nor an origin remote gives one.</summary>
    public string? RepositoryIdentity { get; }

    public DiffDigest Diff { get; }

    /// <summary>Changed files with line counts (git numstat), approvals folder excluded like the digest.</summary>
    public IReadOnlyList<ChangedFile> ChangedFiles
    {
        get
        {
            if (_changedFiles is null)
            {
                var files = new List<ChangedFile>();
                foreach (var file in Repository.NumStat(MergeBase, Head))
                {
                    if (!file.Path.StartsWith(DiffDigest.ExcludedDirectory))
                    {
                        files.Add(file);
                    }
                }

                _changedFiles = files;
            }

            return _changedFiles;
        }
    }

    /// <summary>Resolves everything the gate would for <paramref name="request"/>.</summary>
    /// <exception cref="CheckpointException">A step failed; <see cref="CheckpointException.Code"/> says which rule.</exception>
    public static ReviewTarget Load(GateRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var ci = CiEnvironment.FromVariables(request.Environment);
        GitRepository repository;
        try
        {
            repository = GitRepository.Open(request.WorkingDirectory, request.GitExecutable);
        }
        catch (GitException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, ex.Message, ex);
        }

        try
        {
            var head = repository.ResolveCommit("HEAD")
                ?? throw new CheckpointException(GateCodes.DiffUnavailable, "HEAD has no commit yet; there is no diff to review");
            var branch = ci.IsCi && ci.SourceBranch != null ? ci.SourceBranch : repository.CurrentBranch() ?? ci.SourceBranch;
            var resolvedBase = BaseResolver.Resolve(repository, request.BaseRef, ci);
            var configuration = BaseConfiguration.Read(repository, resolvedBase.Commit);
            if (repository.IsShallow())
            {
                throw new CheckpointException(GateCodes.DiffUnavailable, "the repository is a shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0)");
            }

            var mergeBase = repository.MergeBase(resolvedBase.Commit, head) ?? throw new CheckpointException(
                GateCodes.DiffUnavailable,
                $"HEAD and {resolvedBase.RefName} have unrelated histories (no merge-base)");
            var identity = configuration.Policy.Repository ?? Policy.RepositoryIdentity.Normalize(repository.GetConfig("remote.origin.url"));
            var diff = DiffDigest.Compute(repository, mergeBase, head);
            return new ReviewTarget(repository, ci, resolvedBase, head, mergeBase, branch, configuration, identity, diff);
        }
        catch (GitException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "git failed: " + ex.Message, ex);
        }
    }

    /// <summary>The manifest an approver signs for this diff.</summary>
    /// <exception cref="CheckpointException">CHK106 when there is no repository identity.</exception>
    public ApprovalManifest CreateManifest(string approver, DateTimeOffset now, TimeSpan? validFor = null)
    {
        var identity = RepositoryIdentity ?? throw new CheckpointException(
            GateCodes.GateUnavailable,
            "no repository identity: set \"repository\" in .checkpoint/policy.json on the base, or add an origin remote");
        var validity = validFor ?? Configuration.Policy.MaxApprovalAge;
        return ApprovalManifest.CreateFor(Diff, identity, approver, now, validity, Base.RefName, MergeBase);
    }
}
