namespace Checkpoint.Core.Gate;

/// <summary>What the gate found out about one approval under <c>.checkpoint/approvals/</c>.</summary>
public sealed class ApprovalReport
{
    public ApprovalReport(string path, string? approver, bool valid, string? code, string? reason, bool? userPresent)
    {
        Path = path;
        Approver = approver;
        Valid = valid;
        Code = code;
        Reason = reason;
        UserPresent = userPresent;
    }

    /// <summary>Repository-relative path of the manifest (<c>.checkpoint/approvals/x.json</c>).</summary>
    public string Path { get; }

    /// <summary>The approver principal the manifest names, when it could be parsed.</summary>
    public string? Approver { get; }

    public bool Valid { get; }

    /// <summary>The rule that rejected it (CHK101-CHK104, CHK107), null when valid.</summary>
    public string? Code { get; }

    /// <summary>Why it was rejected, one line; null when valid.</summary>
    public string? Reason { get; }

    /// <summary>For security-key signatures, whether the key saw the user's touch; null for other keys.</summary>
    public bool? UserPresent { get; }
}
