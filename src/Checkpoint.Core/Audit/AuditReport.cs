using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Core.Audit;

/// <summary>The audit of a protected branch's history: every change that landed in the window, newest first.</summary>
public sealed class AuditReport
{
    internal AuditReport(string baseRef, string tip, string? identity, DateTimeOffset? since, DateTimeOffset? until, IReadOnlyList<AuditedChange> changes)
    {
        BaseRef = baseRef;
        Tip = tip;
        Identity = identity;
        Since = since;
        Until = until;
        Changes = changes;
    }

    /// <summary>The full refname audited.</summary>
    public string BaseRef { get; }

    /// <summary>The commit it pointed to.</summary>
    public string Tip { get; }

    /// <summary>origin's repository identity, used where a policy names none; null without origin.</summary>
    public string? Identity { get; }

    public DateTimeOffset? Since { get; }

    public DateTimeOffset? Until { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AuditedChange> Changes { get; }

    public IReadOnlyList<AuditFinding> Findings => Changes.SelectMany(c => c.Findings).ToList();

    public bool Flagged => Changes.Any(c => c.Flagged);

    /// <summary>Commits read from the history (the whole history: merge-bases may lie before the window).</summary>
    public int CommitsRead { get; internal set; }

    /// <summary>Git processes the audit started, the object reader included.</summary>
    public int GitProcesses { get; internal set; }

    /// <summary>Merges whose merge-base git had to compute (criss-cross histories).</summary>
    public int MergeBasesFromGit { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    /// <summary>One entry per step: <c>history 120 ms</c>, ...</summary>
    public IReadOnlyList<string> Timings { get; internal set; } = Array.Empty<string>();
}
