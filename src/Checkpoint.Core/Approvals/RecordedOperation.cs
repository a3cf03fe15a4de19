namespace Checkpoint.Core.Approvals;

/// <summary>
/// A destructive or disruptive operation site the review showed as added, removed, moved or
/// differently covered, as the approver saw it (<c>checkpoint review</c>'s operation changes).
/// </summary>
public sealed class RecordedOperation
{
    public RecordedOperation(string change, string tier, string operation, string path, int? line, string? member, string? previousPath = null, int? previousLine = null, string? previousMember = null, string? coverage = null)
    {
        Change = change;
        Tier = tier;
        Operation = operation;
        Path = path;
        Line = line;
        Member = member;
        PreviousPath = previousPath;
        PreviousLine = previousLine;
        PreviousMember = previousMember;
        Coverage = coverage;
    }

    /// <summary><c>added</c>, <c>removed</c>, <c>moved</c> or <c>coverage-changed</c>.</summary>
    public string Change { get; }

    /// <summary><c>destructive</c> or <c>disruptive</c>.</summary>
    public string Tier { get; }

    /// <summary>The called member, e.g. <c>Amazon.S3.IAmazonS3.DeleteBucketAsync</c>.</summary>
    public string Operation { get; }

    /// <summary>The file it is in (for a removed operation: the file it was in).</summary>
    public string Path { get; }

    public int? Line { get; }

    /// <summary>Documentation ID of the member the site is in.</summary>
    public string? Member { get; }

    /// <summary>For a moved operation: where it was.</summary>
    public string? PreviousPath { get; }

    public int? PreviousLine { get; }

    public string? PreviousMember { get; }

    /// <summary><c>none</c>, <c>invalid</c>, <c>attested</c> or <c>destructive</c>, as the review reported it.</summary>
    public string? Coverage { get; }

    public override string ToString() => $"{Change} {Tier} {Operation} in {Path}{(Member is null ? string.Empty : " (" + Member + ")")}";
}
