namespace Checkpoint.Tool.Commands;

/// <summary>The diff under review: merge-base of the base and HEAD, and its digest.</summary>
internal sealed record ReviewedRange(string BaseRef, string BaseCommit, string MergeBase, string HeadCommit, string Digest)
{
    /// <summary>What a human types to confirm an approval: the first 12 hex digits of the digest.</summary>
    public string ShortDigest => Digest.Substring(Digest.IndexOf(':') + 1, 12);
}
