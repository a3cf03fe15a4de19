using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Gate;

/// <summary>
/// The gate: decides whether the branch checked out in a working tree may build. The MSBuild task
/// and <c>checkpoint verify</c> both call <see cref="Evaluate"/> and only render its verdict.
/// </summary>
public static class CheckpointGate
{
    /// <summary>Evaluates the gate. Never throws: any failure becomes a failing verdict.</summary>
    public static GateVerdict Evaluate(GateRequest request)
    {
        CiEnvironment? ci = null;
        try
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            ci = CiEnvironment.FromVariables(request.Environment ?? new Dictionary<string, string?>());
            return new Evaluation(request, ci).Run();
        }
        catch (Exception ex)
        {
            // Fail closed: an unexpected failure is an error, never a pass, and shows no stack trace.
            var message = ex.Message.Replace('\r', ' ').Replace('\n', ' ');
            return new GateVerdict
            {
                Outcome = GateOutcome.Failed,
                IsCi = ci?.IsCi ?? false,
                Messages = new[]
                {
                    new GateMessage(GateCodes.GateUnavailable, GateSeverity.Error, $"the gate failed unexpectedly ({ex.GetType().Name}: {message}); the build is stopped because the branch could not be checked"),
                },
            };
        }
    }

    private sealed class Evaluation
    {
        private readonly GateRequest _request;
        private readonly CiEnvironment _ci;
        private readonly List<GateMessage> _messages = new List<GateMessage>();
        private readonly List<string> _notices = new List<string>();
        private GitRepository? _repository;
        private ResolvedBase? _base;
        private string? _mergeBase;
        private string? _head;
        private string? _branch;
        private string? _gatedBecause;
        private string? _identity;
        private DiffDigest? _diff;
        private IReadOnlyList<ApprovalReport> _approvals = Array.Empty<ApprovalReport>();
        private IReadOnlyList<string> _approvers = Array.Empty<string>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _timings = new List<string>();
        private TimeSpan _phaseStart;

        public Evaluation(GateRequest request, CiEnvironment ci)
        {
            _request = request;
            _ci = ci;
        }

        public GateVerdict Run()
        {
            try
            {
                return Decide();
            }
            catch (CheckpointException ex)
            {
                _messages.Insert(0, new GateMessage(ex.Code, GateSeverity.Error, ex.Message));
                return Verdict(GateOutcome.Failed);
            }
            catch (GitException ex)
            {
                _messages.Insert(0, new GateMessage(GateCodes.GateUnavailable, GateSeverity.Error, "git failed: " + ex.Message));
                return Verdict(GateOutcome.Failed);
            }
        }

        private GateVerdict Decide()
        {
            if (!OpenRepository())
            {
                return Verdict(GateOutcome.GateUnavailable);
            }

            var repository = _repository!;
            Phase("open");
            _head = repository.ResolveCommit("HEAD")
                ?? throw new CheckpointException(GateCodes.DiffUnavailable, "HEAD has no commit yet; there is no diff to check");
            _branch = _ci.IsCi && _ci.SourceBranch != null ? _ci.SourceBranch : repository.CurrentBranch() ?? _ci.SourceBranch;

            _base = BaseResolver.Resolve(repository, _request.BaseRef, _ci);
            if (_base.Notice != null)
            {
                _messages.Add(new GateMessage(string.Empty, GateSeverity.Warning, _base.Notice));
            }

            Phase("head and base");
            var configuration = BaseConfiguration.Read(repository, _base.Commit);
            Phase("policy and signers");
            var policy = configuration.Policy;
            if (configuration.AllowedSigners != null)
            {
                _notices.AddRange(configuration.AllowedSigners.Errors.Select(e => e.Message + " (line ignored)"));
            }

            if (_branch != null && policy.IsProtected(_branch) && !_ci.IsPullRequest)
            {
                _gatedBecause = $"'{_branch}' is a protected branch and this is not a pull request build";
                _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: {_gatedBecause}"));
                return Verdict(GateOutcome.NotGated);
            }

            _mergeBase = FindMergeBase(repository, _base, _head);
            var commits = repository.ListCommits(_mergeBase, _head);
            Phase("merge-base and commits");

            if (policy.Scope == GateScope.AllBranches)
            {
                _gatedBecause = "the policy's scope is all-branches";
            }
            else
            {
                _gatedBecause = AgentDetection.Detect(policy, _branch, _ci, commits);
                if (_gatedBecause is null)
                {
                    _gatedBecause = "no agent signal on this branch (scope agent-branches)";
                    _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: {_gatedBecause}"));
                    return Verdict(GateOutcome.NotGated);
                }
            }

            _identity = policy.Repository ?? RepositoryIdentity.Normalize(repository.GetConfig("remote.origin.url"))
                ?? throw new CheckpointException(GateCodes.GateUnavailable, "no repository identity: set \"repository\" in .checkpoint/policy.json on the base, or add an origin remote");

            Phase("identity");
            _diff = DiffDigest.Compute(repository, _mergeBase, _head);
            Phase("digest");
            if (_diff.Entries.Count == 0)
            {
                // HEAD's tree equals the merge-base's (approvals aside): everything it builds is on the base
                // already, unless the working tree says otherwise. An empty diff must not let a CI build
                // compile tracked files that something changed after checkout.
                CheckWorkingTree(repository);
                if (_messages.Any(m => m.Severity == GateSeverity.Error))
                {
                    return Verdict(GateOutcome.Failed);
                }

                _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: the branch has no changes against {_base.RefName} (gated because {_gatedBecause}, but there is nothing to approve)"));
                return Verdict(GateOutcome.NotGated);
            }

            _notices.AddRange(BaseConfiguration.BranchChangeNotices(_diff.Entries.Select(e => e.Path)));

            var approved = CheckApprovals(repository, configuration, commits);
            Phase("approvals");
            CheckWorkingTree(repository);
            Phase("working tree");

            var failed = _messages.Any(m => m.Severity == GateSeverity.Error);
            if (!failed && approved)
            {
                _messages.Insert(0, new GateMessage(
                    string.Empty,
                    GateSeverity.Info,
                    $"Checkpoint: approved by {string.Join(", ", _approvers)} (diff {_diff.Digest} against {_base.RefName}; gated because {_gatedBecause})"));
                return Verdict(GateOutcome.Approved);
            }

            return Verdict(GateOutcome.Failed);
        }

        private bool OpenRepository()
        {
            try
            {
                _repository = GitRepository.Open(_request.WorkingDirectory, _request.GitExecutable);
                return true;
            }
            catch (GitException ex) when (!_ci.IsCi && (ex.Kind == GitFailureKind.NotARepository || (ex.Kind == GitFailureKind.GitMissing && !HasGitDirectoryAbove(_request.WorkingDirectory))))
            {
                _messages.Add(new GateMessage(GateCodes.GateUnavailable, GateSeverity.Warning, $"the Checkpoint gate could not run: {ex.Message}; outside CI the build continues, in CI this is an error"));
                return false;
            }
            catch (GitException ex)
            {
                var where = _ci.IsCi ? $" (CI detected through {_ci.CiVariable})" : string.Empty;
                throw new CheckpointException(GateCodes.GateUnavailable, ex.Message + where, ex);
            }
        }

        private string FindMergeBase(GitRepository repository, ResolvedBase resolvedBase, string head)
        {
            if (repository.IsShallow())
            {
                throw new CheckpointException(
                    GateCodes.DiffUnavailable,
                    "the repository is a shallow clone, so the merge-base and the branch's commits cannot be known; fetch the full history (actions/checkout: fetch-depth: 0; or git fetch --unshallow)");
            }

            return repository.MergeBase(resolvedBase.Commit, head) ?? throw new CheckpointException(
                GateCodes.DiffUnavailable,
                $"HEAD and {resolvedBase.RefName} have unrelated histories (no merge-base); the diff cannot be computed");
        }

        private bool CheckApprovals(GitRepository repository, BaseConfiguration configuration, IReadOnlyList<GitCommit> commits)
        {
            var policy = configuration.Policy;
            var files = ApprovalDirectory.Read(repository, _head!, _notices);
            if (files.Count == 0)
            {
                _messages.Add(new GateMessage(GateCodes.NoApproval, GateSeverity.Error, NoApprovalText(repository)));
                return false;
            }

            var verifier = new ApprovalVerifier(_diff!, _identity!, configuration.AllowedSigners, policy, _request.Now);
            var checks = files.Select(verifier.Check).ToList();
            var valid = checks.Where(c => c.IsValid).ToList();

            // An approver who wrote or committed part of the diff is reviewing their own work.
            var selfApproved = new List<(ApprovalCheck Check, GitCommit Commit)>();
            foreach (var check in valid)
            {
                var own = commits.FirstOrDefault(c => IsOwnWork(repository, check, c));
                if (own != null)
                {
                    selfApproved.Add((check, own));
                }
            }

            var counted = valid.Where(v => selfApproved.All(s => s.Check != v)).ToList();
            var distinct = Math.Min(
                counted.Select(c => c.Manifest!.Approver.ToLowerInvariant()).Distinct().Count(),
                counted.Select(c => c.Key!.Fingerprint).Distinct(StringComparer.Ordinal).Count());
            var enough = distinct >= policy.RequiredApprovers;

            var reports = new List<ApprovalReport>();
            foreach (var check in checks)
            {
                var self = selfApproved.FirstOrDefault(s => s.Check == check);
                if (self.Check != null)
                {
                    var reason = $"approver '{check.Manifest!.Approver}' authored or committed {self.Commit.ShortId} in the range ({self.Commit.AuthorName} <{self.Commit.AuthorEmail}>, committer {self.Commit.CommitterName} <{self.Commit.CommitterEmail}>); an approver must not approve their own changes";
                    reports.Add(new ApprovalReport(check.File.Path, check.Manifest.Approver, false, GateCodes.InsufficientApprovers, reason, check.UserPresent));
                    _messages.Add(new GateMessage(GateCodes.InsufficientApprovers, enough ? GateSeverity.Warning : GateSeverity.Error, $"{check.File.Path}: {reason}", check.File.Path));
                    continue;
                }

                reports.Add(new ApprovalReport(check.File.Path, check.Manifest?.Approver, check.IsValid, check.Code, check.Reason, check.UserPresent));
                if (!check.IsValid)
                {
                    var severity = !enough ? GateSeverity.Error
                        : check.Code == GateCodes.ApprovalMismatch ? GateSeverity.Info
                        : GateSeverity.Warning;
                    var suffix = enough ? " (ignored: enough other approvals)" : string.Empty;
                    _messages.Add(new GateMessage(check.Code!, severity, $"{check.File.Path}: {check.Reason}{suffix}", check.File.Path));
                }
            }

            _approvals = reports;
            _approvers = counted.Select(c => c.Manifest!.Approver).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

            if (!enough && valid.Count > 0)
            {
                _messages.Add(new GateMessage(
                    GateCodes.InsufficientApprovers,
                    GateSeverity.Error,
                    $"{distinct} distinct approver(s) ({(_approvers.Count == 0 ? "none" : string.Join(", ", _approvers))}) but the policy requires {policy.RequiredApprovers}; diff {_diff!.Digest}"));
            }

            if (!enough)
            {
                var uncommitted = ApprovalDirectory.Uncommitted(repository);
                if (uncommitted.Count > 0)
                {
                    _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"approval files in the working tree are not committed ({string.Join(", ", uncommitted.Take(5))}); the gate reads HEAD: commit them"));
                }
            }

            return enough;
        }

        private static bool IsOwnWork(GitRepository repository, ApprovalCheck check, GitCommit commit)
        {
            var matches = check.Principals.Any(p =>
                string.Equals(p, commit.AuthorEmail, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p, commit.CommitterEmail, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p, commit.AuthorName, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p, commit.CommitterName, StringComparison.OrdinalIgnoreCase));
            if (!matches)
            {
                return false;
            }

            // Committing the approval itself is not authoring the diff.
            var paths = repository.ChangedPaths(commit);
            var onlyApprovals = paths != null && paths.Count > 0 && paths.All(p => p.StartsWith(DiffDigest.ExcludedDirectory));
            return !onlyApprovals;
        }

        private string NoApprovalText(GitRepository repository)
        {
            var text =
                $"branch '{_branch ?? "(detached HEAD)"}' needs a signed approval (gated because {_gatedBecause}). " +
                $"Diff {_diff!.Digest} of {_identity} against {_base!.RefName} (merge-base {GitRepository.Short(_mergeBase!)}). " +
                $"An approver reviews it and runs 'checkpoint approve --base {_base.RefName}', or writes and signs the manifest with 'ssh-keygen -Y sign -n {ApprovalManifest.SignatureNamespace}' as docs/approving.md shows, then commits both files under {ApprovalManifest.ApprovalsDirectory}/.";
            var uncommitted = ApprovalDirectory.Uncommitted(repository);
            if (uncommitted.Count > 0)
            {
                text += $" Approval files exist in the working tree but not in HEAD ({string.Join(", ", uncommitted.Take(5))}): commit them.";
            }

            return text;
        }

        private void CheckWorkingTree(GitRepository repository)
        {
            var changed = repository.WorkingTreeChanges()
                .Select(p => p.Display)
                .Where(p => !p.StartsWith(ApprovalManifest.ApprovalsDirectory + "/", StringComparison.Ordinal))
                .ToList();
            if (changed.Count == 0)
            {
                return;
            }

            var list = string.Join(", ", changed.Take(10)) + (changed.Count > 10 ? $" and {changed.Count - 10} more" : string.Empty);
            if (_ci.IsCi)
            {
                _messages.Add(new GateMessage(GateCodes.ApprovalMismatch, GateSeverity.Error, $"the working tree differs from HEAD in tracked files ({list}); in CI the build would compile code nobody approved"));
            }
            else
            {
                _messages.Add(new GateMessage(GateCodes.ApprovalMismatch, GateSeverity.Warning, $"the working tree differs from HEAD in tracked files ({list}); the approval covers HEAD only, and in CI this fails the build"));
            }
        }

        private static bool HasGitDirectoryAbove(string directory)
        {
            try
            {
                for (var current = new DirectoryInfo(directory); current != null; current = current.Parent)
                {
                    var candidate = Path.Combine(current.FullName, ".git");
                    if (Directory.Exists(candidate) || File.Exists(candidate))
                    {
                        return true;
                    }
                }
            }
            catch (IOException)
            {
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }

            return false;
        }

        private void Phase(string name)
        {
            var now = _clock.Elapsed;
            _timings.Add(name + " " + (now - _phaseStart).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms");
            _phaseStart = now;
        }

        private void ReportTimings(GateOutcome outcome)
        {
            if (_request.Timings is null)
            {
                return;
            }

            var processes = _repository is null ? "no repository" : _repository.GitProcessesStarted.ToString(CultureInfo.InvariantCulture) + " git processes";
            _request.Timings(
                $"Checkpoint gate timings: {_clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms in all, {processes}, outcome {outcome}" +
                (_timings.Count == 0 ? string.Empty : " (" + string.Join(", ", _timings) + ")"));
        }

        private GateVerdict Verdict(GateOutcome outcome)
        {
            ReportTimings(outcome);
            var ordered = _messages
                .Select((m, i) => (m, i))
                .OrderBy(x => x.m.Severity)
                .ThenBy(x => x.i)
                .Select(x => x.m)
                .Concat(_notices.Select(n => new GateMessage(string.Empty, GateSeverity.Info, "Checkpoint: " + n)));
            return new GateVerdict
            {
                Outcome = outcome,
                IsCi = _ci.IsCi,
                Messages = ordered.ToList(),
                RepositoryRoot = _repository?.Root,
                BaseRef = _base?.RefName,
                BaseCommit = _base?.Commit,
                MergeBase = _mergeBase,
                HeadCommit = _head,
                Branch = _branch,
                GatedBecause = _gatedBecause,
                Repository = _identity,
                Digest = _diff?.Digest,
                Approvals = _approvals,
                Approvers = _approvers,
                Notices = _notices.ToList(),
            };
        }
    }
}
