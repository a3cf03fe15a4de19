using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Attestations;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Resolution;
using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// What a branch needs before it builds, in terms an agent can act on: the digest, the destructive
/// operations with their locations and whether each is attested, the attestations and whose
/// signatures they need, the principals the base trusts, and whether it will build once signed.
/// All of it comes from the one resolved change and verdict of the session.
/// </summary>
internal sealed class BranchRequest
{
    private BranchRequest(GateVerdict verdict, OperationReview operations, IReadOnlyList<SourceAttestation> attestations, IReadOnlyList<string> signed, IReadOnlyList<string> trusted, string outlook)
    {
        Verdict = verdict;
        Operations = operations;
        Attestations = attestations;
        Signed = signed;
        Trusted = trusted;
        Outlook = outlook;
    }

    public GateVerdict Verdict { get; }

    public OperationReview Operations { get; }

    /// <summary>The attestations the branch adds or changes (readable or not).</summary>
    public IReadOnlyList<SourceAttestation> Attestations { get; }

    /// <summary>Principals with a valid approval of this digest.</summary>
    public IReadOnlyList<string> Signed { get; }

    /// <summary>Principals the base's allowed_signers trusts for approvals (literal names and patterns).</summary>
    public IReadOnlyList<string> Trusted { get; }

    public string Outlook { get; }

    public IEnumerable<OperationChange> Sites => Operations.Changes.Where(c => c.Change != "removed");

    public bool IsSigned(string principal) => Signed.Contains(principal, StringComparer.OrdinalIgnoreCase);

    public static BranchRequest For(RepositorySession session, bool analyzeOperations, TimeSpan timeout, bool quiet)
    {
        var verdict = session.Verdict;
        var change = session.Resolution.Change;
        if (change is null || change.Diff.Entries.Count == 0)
        {
            return new BranchRequest(verdict, OperationReview.NotAnalyzed("there is no change to analyze"), Array.Empty<SourceAttestation>(), Array.Empty<string>(), Trust(change), "nothing to approve");
        }

        var review = ReviewBuilder.Build(session, analyzeOperations, timeout, quiet);
        var signed = verdict.Approvals.Where(a => a.Valid && a.Approver != null).Select(a => a.Approver!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new BranchRequest(verdict, review.Operations, change.Attestations.Added, signed, Trust(change), review.BuildOutlook ?? ApprovalOutlook.Describe(change, verdict, review.Operations));
    }

    private static IReadOnlyList<string> Trust(ResolvedChange? change) =>
        change?.Configuration.AllowedSigners?.Entries
            .Where(e => !e.IsCertificateAuthority && (e.Namespaces is null || e.Namespaces.Contains(ApprovalManifest.SignatureNamespace, StringComparer.Ordinal)))
            .SelectMany(e => e.Principals)
            .Where(p => !p.StartsWith("!", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList()
        ?? (IReadOnlyList<string>)Array.Empty<string>();
}
