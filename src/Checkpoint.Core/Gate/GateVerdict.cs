using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Core.Gate;

/// <summary>The gate's answer for one repository state; the task and the tool render it, neither decides.</summary>
public sealed class GateVerdict
{
    public GateOutcome Outcome { get; init; }

    /// <summary>True unless the build must fail.</summary>
    public bool Passed => Outcome != GateOutcome.Failed;

    /// <summary>Whether the environment says this is a CI build (a recognised CI system, or CHECKPOINT_ENFORCE on the machine).</summary>
    public bool IsCi { get; init; }

    /// <summary>The exact lines to print, errors first.</summary>
    public IReadOnlyList<GateMessage> Messages { get; init; } = Array.Empty<GateMessage>();

    public string? RepositoryRoot { get; init; }

    /// <summary>The base as a full refname (<c>refs/remotes/origin/main</c>).</summary>
    public string? BaseRef { get; init; }

    public string? BaseCommit { get; init; }

    public string? MergeBase { get; init; }

    public string? HeadCommit { get; init; }

    public string? Branch { get; init; }

    /// <summary>Which signal made the branch gated, or why it is not gated.</summary>
    public string? GatedBecause { get; init; }

    /// <summary>The repository identity approvals must name.</summary>
    public string? Repository { get; init; }

    /// <summary><c>sha256:&lt;64 hex&gt;</c> of the diff, when it was computed.</summary>
    public string? Digest { get; init; }

    /// <summary>Every approval found, valid or not.</summary>
    public IReadOnlyList<ApprovalReport> Approvals { get; init; } = Array.Empty<ApprovalReport>();

    /// <summary>The distinct approvers whose approvals count.</summary>
    public IReadOnlyList<string> Approvers { get; init; } = Array.Empty<string>();

    /// <summary>Things worth knowing that do not change the outcome.</summary>
    public IReadOnlyList<string> Notices { get; init; } = Array.Empty<string>();

    /// <summary>The error messages, if any.</summary>
    public IEnumerable<GateMessage> Errors => Messages.Where(m => m.Severity == GateSeverity.Error);
}
