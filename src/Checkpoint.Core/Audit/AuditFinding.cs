namespace Checkpoint.Core.Audit;

/// <summary>One thing the audit flags, about one change.</summary>
public sealed class AuditFinding
{
    public AuditFinding(AuditFindingKind kind, string commit, string message, string? approvalPath = null)
    {
        Kind = kind;
        Commit = commit;
        Message = message;
        ApprovalPath = approvalPath;
    }

    public AuditFindingKind Kind { get; }

    /// <summary>The commit the change landed with.</summary>
    public string Commit { get; }

    /// <summary>One line for people.</summary>
    public string Message { get; }

    /// <summary>The approval the finding is about, when it is about one.</summary>
    public string? ApprovalPath { get; }

    public override string ToString() => $"{Kind} {Commit}: {Message}";
}
