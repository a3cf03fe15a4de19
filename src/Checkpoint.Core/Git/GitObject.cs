namespace Checkpoint.Core.Git;

/// <summary>One object read through <see cref="GitObjectReader"/>: its id, type and raw bytes.</summary>
public sealed class GitObject
{
    internal GitObject(string id, string type, byte[] content)
    {
        Id = id;
        Type = type;
        Content = content;
    }

    /// <summary>The object id in lowercase hex.</summary>
    public string Id { get; }

    /// <summary><c>blob</c>, <c>tree</c>, <c>commit</c> or <c>tag</c>.</summary>
    public string Type { get; }

    /// <summary>The stored bytes, exactly as git keeps them (no filters, no line-ending conversion).</summary>
    public byte[] Content { get; }
}
