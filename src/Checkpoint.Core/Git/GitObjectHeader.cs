namespace Checkpoint.Core.Git;

/// <summary>The header <c>git cat-file --batch</c> prints before an object's bytes.</summary>
public sealed class GitObjectHeader
{
    internal GitObjectHeader(string id, string type, long size)
    {
        Id = id;
        Type = type;
        Size = size;
    }

    public string Id { get; }

    /// <summary><c>blob</c>, <c>tree</c>, <c>commit</c> or <c>tag</c>.</summary>
    public string Type { get; }

    public long Size { get; }
}
