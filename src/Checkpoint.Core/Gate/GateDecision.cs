using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Attestations;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Core.Gate;

/// <summary>
/// The gate's decision: a pure function of a resolved change, the CI environment and the clock.
/// It starts no process and reads no file; <see cref="ChangeResolver"/> has read everything.
/// It is also the only place approval reasons become CHK codes.
/// </summary>
public static class GateDecision
{
    /// <summary>The verdict for a resolution, successful or not.</summary>
    public static GateVerdict Decide(ChangeResolution resolution, CiEnvironment ci, DateTimeOffset now)
    {
        if (resolution is null || ci is null)
        {
            throw new ArgumentNullException(resolution is null ? nameof(resolution) : nameof(ci));
        }

        return resolution.Change is { } change
            ? new Decision(change, ci, now).Run()
            : Decide(resolution.Failure ?? throw new ArgumentException("a resolution has a change or a failure", nameof(resolution)), ci);
    }

    /// <summary>The verdict when the change could not be resolved.</summary>
    public static GateVerdict Decide(ResolutionFailure failure, CiEnvironment ci)
    {
        if (failure is null || ci is null)
        {
            throw new ArgumentNullException(failure is null ? nameof(failure) : nameof(ci));
        }

        var messages = new List<GateMessage>();
        var outcome = GateOutcome.Failed;
        string? gatedBecause = null;
        if (failure.NoRepository && !ci.IsCi)
        {
            outcome = GateOutcome.GateUnavailable;
            messages.Add(new GateMessage(GateCodes.GateUnavailable, GateSeverity.Warning, $"the Checkpoint gate could not run: {failure.Message}; outside CI the build continues, in CI this is an error"));
        }
        else if (failure.ProtectedBranch is { } tip && Exempt(tip, ci) is string exemption)
        {
            // A shallow clone of a protected branch's tip: nothing to compare, nothing to approve.
            outcome = GateOutcome.NotGated;
            gatedBecause = exemption;
            messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: {exemption}"));
        }
        else
        {
            var where = failure.NoRepository ? $" (CI detected through {ci.CiVariable})" : string.Empty;
            messages.Add(new GateMessage(failure.Code, GateSeverity.Error, failure.Message + where));
        }

        if (failure.Base?.Notice is string notice)
        {
            messages.Add(new GateMessage(string.Empty, GateSeverity.Warning, notice));
        }

        return new GateVerdict
        {
            Outcome = outcome,
            IsCi = ci.IsCi,
            Messages = messages.OrderBy(m => m.Severity).ToList(),
            RepositoryRoot = failure.RepositoryRoot,
            BaseRef = failure.Base?.RefName,
            BaseCommit = failure.Base?.Commit,
            HeadCommit = failure.Head,
            Branch = failure.Branch,
            GatedBecause = gatedBecause,
        };
    }

    /// <summary>
    /// Checks one approval exactly as the gate does (signature, trust, revocation, repository,
    /// digest, age, and whether its approver wrote part of the change). <c>checkpoint approve</c>
    /// checks the file it just signed with this, before committing it.
    /// </summary>
    public static ApprovalReport CheckApproval(ResolvedChange change, ApprovalFile file, DateTimeOffset now)
    {
        if (change is null || file is null)
        {
            throw new ArgumentNullException(change is null ? nameof(change) : nameof(file));
        }

        var identity = change.Identity ?? throw new CheckpointException(GateCodes.GateUnavailable, ChangeResolver.NoIdentityMessage);
        return Report(Check(change, identity, file, now));
    }

    /// <summary>
    /// How many distinct approvers valid approvals amount to, as <c>requiredApprovers</c> counts them:
    /// distinct names and distinct keys, whichever is fewer (one key signing as two names is one approver).
    /// </summary>
    public static int DistinctApprovers(IEnumerable<ApprovalCheck> valid)
    {
        var counted = (valid ?? throw new ArgumentNullException(nameof(valid))).Where(c => c.IsValid).ToList();
        return Math.Min(
            counted.Select(c => c.Manifest!.Approver.ToLowerInvariant()).Distinct().Count(),
            counted.Select(c => c.Key!.Fingerprint).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The CHK code for an approval that does not count.</summary>
    public static string CodeFor(ApprovalRejection rejection) => rejection switch
    {
        ApprovalRejection.WrongRepository or ApprovalRejection.WrongDiff => GateCodes.ApprovalMismatch,
        ApprovalRejection.NoTrustedSigners or ApprovalRejection.UntrustedSigner or ApprovalRejection.RevokedKey => GateCodes.UntrustedSigner,
        ApprovalRejection.RevokedApproval or ApprovalRejection.CreatedInFuture or ApprovalRejection.Expired or ApprovalRejection.TooOld => GateCodes.ExpiredApproval,
        ApprovalRejection.SelfApproved => GateCodes.InsufficientApprovers,
        _ => GateCodes.InvalidApproval,
    };

    private static ApprovalCheck Check(ResolvedChange change, string identity, ApprovalFile file, DateTimeOffset now)
    {
        var verifier = new ApprovalVerifier(change.Diff, identity, change.Configuration.AllowedSigners, change.Policy, now, change.Configuration.Revoked);
        var check = verifier.Check(file);
        if (check.IsValid && ApprovalVerifier.OwnWork(check, change.Commits) is GitCommit own)
        {
            // An approver who wrote or committed part of the diff is reviewing their own work.
            return check.RejectedFor(
                ApprovalRejection.SelfApproved,
                $"approver '{check.Manifest!.Approver}' authored or committed {own.ShortId} in the range ({own.AuthorName} <{own.AuthorEmail}>, committer {own.CommitterName} <{own.CommitterEmail}>); an approver must not approve their own changes");
        }

        return check;
    }

    private static ApprovalReport Report(ApprovalCheck check) => new ApprovalReport(
        check.File.Path,
        check.Manifest?.Approver,
        check.IsValid,
        check.Rejection is ApprovalRejection rejection ? CodeFor(rejection) : null,
        check.Reason,
        check.UserPresent);

    /// <summary>Why a protected branch HEAD is on exempts the build, or null when it does not.</summary>
    private static string? Exempt(ProtectedBranch branch, CiEnvironment ci)
    {
        // Inside a pull request the change is what is proposed, whatever it is built on. And when the
        // CI system itself says the ref being built is not protected, git's view does not overrule it.
        if (ci.IsPullRequest || ci.RefProtected == false)
        {
            return null;
        }

        return $"{branch.Describe()} and this is not a pull request build";
    }

    private sealed class Decision
    {
        private readonly ResolvedChange _change;
        private readonly CiEnvironment _ci;
        private readonly DateTimeOffset _now;
        private readonly List<GateMessage> _messages = new List<GateMessage>();
        private readonly List<string> _notices = new List<string>();
        private string? _gatedBecause;
        private string? _identity;
        private IReadOnlyList<ApprovalReport> _approvals = Array.Empty<ApprovalReport>();
        private IReadOnlyList<string> _approvers = Array.Empty<string>();

        public Decision(ResolvedChange change, CiEnvironment ci, DateTimeOffset now)
        {
            _change = change;
            _ci = ci;
            _now = now;
        }

        public GateVerdict Run()
        {
            var change = _change;
            if (change.Base.Notice != null)
            {
                _messages.Add(new GateMessage(string.Empty, GateSeverity.Warning, change.Base.Notice));
            }

            _notices.AddRange(change.Configuration.Notices);
            var policy = change.Policy;
            if (change.ProtectedBranch is { } protectedBranch)
            {
                if (Exempt(protectedBranch, _ci) is string exemption)
                {
                    _gatedBecause = exemption;
                    _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: {_gatedBecause}"));
                    return Verdict(GateOutcome.NotGated);
                }

                if (!_ci.IsPullRequest && _ci.RefProtected == false)
                {
                    _notices.Add($"{protectedBranch.Describe()}, but {_ci.RefProtectedVariable}=false: the server does not protect the ref being built, so the branch is checked like any other");
                }
            }

            if (policy.Scope == GateScope.AllBranches)
            {
                _gatedBecause = "the policy's scope is all-branches";
            }
            else
            {
                _gatedBecause = AgentDetection.Detect(policy, change.Branch, _ci, change.Commits);
                if (_gatedBecause is null)
                {
                    _gatedBecause = "no agent signal on this branch (scope agent-branches)";
                    _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: {_gatedBecause}"));
                    return Verdict(GateOutcome.NotGated);
                }
            }

            _identity = change.Identity;
            if (_identity is null)
            {
                return Fail(GateCodes.GateUnavailable, ChangeResolver.NoIdentityMessage);
            }

            if (change.Diff.Entries.Count == 0)
            {
                return NothingToApprove();
            }

            _notices.AddRange(TrustedConfiguration.BranchChangeNotices(change.Entries.Select(e => e.Path)));
            CheckLinksIntoApprovals();
            CheckAttestationForms();
            var approved = CheckApprovals();
            CheckWorkingTree();

            var failed = _messages.Any(m => m.Severity == GateSeverity.Error);
            if (!failed && approved)
            {
                _messages.Insert(0, new GateMessage(
                    string.Empty,
                    GateSeverity.Info,
                    $"Checkpoint: approved by {string.Join(", ", _approvers)} (diff {change.Digest} against {change.Base.RefName}; gated because {_gatedBecause})"));
                return Verdict(GateOutcome.Approved);
            }

            return Verdict(GateOutcome.Failed);
        }

        /// <summary>
        /// The branch changes nothing the digest covers. That is "nothing to approve" only when HEAD
        /// builds what the base builds: its tree is the base tip's, or the branch starts at the tip.
        /// A branch behind a base that changed since (say, reverted a commit the branch still has)
        /// builds code that is not on the base, and no approval of an empty diff can cover that.
        /// </summary>
        private GateVerdict NothingToApprove()
        {
            var change = _change;
            if (change.IsBehindBase)
            {
                _messages.Add(new GateMessage(
                    GateCodes.NoApproval,
                    GateSeverity.Error,
                    $"branch '{change.Branch ?? "(detached HEAD)"}' adds no change of its own, but HEAD ({GitRepository.Short(change.Head)}) is behind {change.Base.RefName} ({GitRepository.Short(change.Base.Commit)}) and its tree differs from the base tip's: " +
                    $"the build would compile code that is not on the base (for example a commit the base has since reverted). Rebase the branch onto {change.Base.RefName} (gated because {_gatedBecause})."));
                CheckWorkingTree();
                return Verdict(GateOutcome.Failed);
            }

            // Everything it builds is on the base already, unless the working tree says otherwise:
            // an empty diff must not let a CI build compile tracked files changed after checkout.
            CheckWorkingTree();
            if (_messages.Any(m => m.Severity == GateSeverity.Error))
            {
                return Verdict(GateOutcome.Failed);
            }

            _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"Checkpoint: not gated: the branch has no changes against {change.Base.RefName} (gated because {_gatedBecause}, but there is nothing to approve)"));
            return Verdict(GateOutcome.NotGated);
        }

        /// <summary>
        /// A symlink the branch adds that leads into the approvals folder (or a folder above it) would
        /// let the content behind it change after approval: approval files are left out of the digest.
        /// </summary>
        private void CheckLinksIntoApprovals()
        {
            foreach (var entry in _change.Entries.Where(e => e.IsSymbolicLink && e.SymlinkTarget != null))
            {
                if (ApprovalPaths.IsReachedBySymlink(entry.Path.Display, entry.SymlinkTarget!.Display))
                {
                    _messages.Add(new GateMessage(
                        GateCodes.ApprovalMismatch,
                        GateSeverity.Error,
                        $"'{entry.Path.Display}' is a symlink to '{entry.SymlinkTarget.Display}', which reaches {ApprovalPaths.Directory}/: approval files are left out of the digest, so what the link points to could change after approval. Replace the link with the file itself",
                        entry.Path.Display));
                }
            }
        }

        /// <summary>
        /// An attestation the gate cannot read cannot be bound to a signature, so it fails the build
        /// whatever was signed: a claim nobody checks must not compile quietly.
        /// </summary>
        private void CheckAttestationForms()
        {
            foreach (var attestation in _change.Attestations.Unreadable)
            {
                _messages.Add(new GateMessage(
                    GateCodes.UnboundAttestation,
                    GateSeverity.Error,
                    $"{attestation.Location}: the gate cannot read this [ApprovedBy] attestation, so it cannot bind it to a signature: {attestation.Problem}. Write it as [ApprovedBy(\"alice@contoso.com\", Reason = \"...\")] with the approver a plain string literal on the attribute's line (docs/policy.md, Attestations)",
                    attestation.Path));
            }
        }

        /// <summary>
        /// Every principal an added or changed attestation names must have signed a valid approval of
        /// this digest; the CHK108 error names the file, line, principal and who did sign.
        /// </summary>
        private IReadOnlyList<SourceAttestation> Unsigned(IReadOnlyCollection<string> signers) =>
            _change.Attestations.Readable.Where(a => !signers.Contains(a.Approver!, StringComparer.OrdinalIgnoreCase)).ToList();

        private bool CheckApprovals()
        {
            var change = _change;
            var policy = change.Policy;
            _notices.AddRange(change.ApprovalNotices);
            var files = change.Approvals;
            if (files.Count == 0)
            {
                _messages.Add(new GateMessage(GateCodes.NoApproval, GateSeverity.Error, NoApprovalText()));
                return false;
            }

            var checks = files.Select(f => Check(change, _identity!, f, _now)).ToList();
            var counted = checks.Where(c => c.IsValid).ToList();
            var distinct = DistinctApprovers(counted);
            var counts = distinct >= policy.RequiredApprovers;
            var signers = counted.Select(c => c.Manifest!.Approver).ToList();
            var unsigned = Unsigned(signers);
            var enough = counts && unsigned.Count == 0;

            foreach (var check in checks.Where(c => !c.IsValid))
            {
                var code = CodeFor(check.Rejection!.Value);
                if (check.Rejection == ApprovalRejection.SelfApproved)
                {
                    _messages.Add(new GateMessage(code, enough ? GateSeverity.Warning : GateSeverity.Error, $"{check.File.Path}: {check.Reason}", check.File.Path));
                    continue;
                }

                var severity = !enough ? GateSeverity.Error
                    : code == GateCodes.ApprovalMismatch ? GateSeverity.Info
                    : GateSeverity.Warning;
                var suffix = enough ? " (ignored: enough other approvals)" : string.Empty;
                _messages.Add(new GateMessage(code, severity, $"{check.File.Path}: {check.Reason}{suffix}", check.File.Path));
            }

            _approvals = checks.Select(Report).ToList();
            _approvers = counted.Select(c => c.Manifest!.Approver).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var hadValid = checks.Any(c => c.IsValid || c.Rejection == ApprovalRejection.SelfApproved);
            if (!counts && hadValid)
            {
                _messages.Add(new GateMessage(
                    GateCodes.InsufficientApprovers,
                    GateSeverity.Error,
                    $"{distinct} distinct approver(s) ({(_approvers.Count == 0 ? "none" : string.Join(", ", _approvers))}) but the policy requires {policy.RequiredApprovers}; diff {change.Digest}"));
            }

            // A principal whose own approval was rejected already has an error saying why; CHK108
            // would only repeat it (a stale approval after one more commit, say).
            var rejected = new HashSet<string>(checks.Where(c => !c.IsValid && c.Manifest != null).Select(c => c.Manifest!.Approver), StringComparer.OrdinalIgnoreCase);
            foreach (var attestation in unsigned.Where(a => !rejected.Contains(a.Approver!)))
            {
                _messages.Add(new GateMessage(
                    GateCodes.UnboundAttestation,
                    GateSeverity.Error,
                    $"{attestation.Location}: [ApprovedBy] names '{attestation.Approver}', but no valid approval of {change.Digest} is signed by '{attestation.Approver}' (valid approvals: {(signers.Count == 0 ? "none" : string.Join(", ", signers.Distinct(StringComparer.OrdinalIgnoreCase)))}); '{attestation.Approver}' must review the change and sign it, or the attestation must name someone who did",
                    attestation.Path));
            }

            if (!enough)
            {
                var uncommitted = UncommittedApprovals();
                if (uncommitted.Count > 0)
                {
                    _messages.Add(new GateMessage(string.Empty, GateSeverity.Info, $"approval files in the working tree are not committed ({string.Join(", ", uncommitted.Take(5))}); the gate reads HEAD: commit them"));
                }
            }

            return enough;
        }

        private string NoApprovalText()
        {
            var change = _change;
            var text =
                $"branch '{change.Branch ?? "(detached HEAD)"}' needs a signed approval (gated because {_gatedBecause}). " +
                $"Diff {change.Digest} of {_identity} against {change.Base.RefName} (merge-base {GitRepository.Short(change.MergeBase)}). " +
                $"An approver reviews it and runs 'checkpoint approve --base {change.Base.RefName}', or writes and signs the manifest with 'ssh-keygen -Y sign -n {ApprovalManifest.SignatureNamespace}' as docs/approving.md shows, then commits both files under {ApprovalManifest.ApprovalsDirectory}/. " +
                "An AI agent never signs: it attests the destructive calls the analyzers report (CHK001/CHK002) with [ApprovedBy(\"<approver>\", Reason = ...)] naming the human who will sign, and asks for the approval in the pull request (docs/agents.md; 'checkpoint status --format markdown' writes the request).";
            var named = change.Attestations.Principals;
            if (named.Count > 0)
            {
                var sites = string.Join(", ", change.Attestations.Readable.Take(5).Select(a => a.Location));
                text += $" The attestations it adds ({sites}) name {string.Join(", ", named)}: each of them must sign (CHK108).";
            }

            var uncommitted = UncommittedApprovals();
            if (uncommitted.Count > 0)
            {
                text += $" Approval files exist in the working tree but not in HEAD ({string.Join(", ", uncommitted.Take(5))}): commit them.";
            }

            return text;
        }

        private IReadOnlyList<string> UncommittedApprovals() => _change.UncommittedApprovals;

        private void CheckWorkingTree()
        {
            var changed = _change.WorkingTree.Changed.Select(p => p.Display).ToList();
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

        private GateVerdict Fail(string code, string message)
        {
            _messages.Insert(0, new GateMessage(code, GateSeverity.Error, message));
            return Verdict(GateOutcome.Failed);
        }

        private GateVerdict Verdict(GateOutcome outcome)
        {
            var change = _change;
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
                RepositoryRoot = change.RepositoryRoot,
                BaseRef = change.Base.RefName,
                BaseCommit = change.Base.Commit,
                MergeBase = change.MergeBase,
                HeadCommit = change.Head,
                Branch = change.Branch,
                GatedBecause = _gatedBecause,
                Repository = change.Identity,
                Digest = change.Digest,
                Approvals = _approvals,
                Approvers = _approvers,
                Notices = _notices.ToList(),
            };
        }
    }
}
