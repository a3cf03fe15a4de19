using Checkpoint.Core.Git;

namespace Checkpoint.Core.Digest;

/// <summary>One changed path as the diff digest records it (docs/diff-digest.md).</summary>
public sealed class DigestEntry
{
    internal DigestEntry(GitPath path, string oldMode, string newMode, string oldContent, string newContent, byte[] record, string hash)
    {
        Path = path;
        OldMode = oldMode;
        NewMode = newMode;
        OldContent = oldContent;
        NewContent = newContent;
        Record = record;
        Hash = hash;
    }

    public GitPath Path { get; }

    /// <summary>Octal mode before the change, <c>000000</c> when the path was added.</summary>
    public string OldMode { get; }

    /// <summary>Octal mode after the change, <c>000000</c> when the path was deleted.</summary>
    public string NewMode { get; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the old blob, <c>commit:&lt;id&gt;</c> for a gitlink, <c>-</c> when absent.</summary>
    public string OldContent { get; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the new blob, <c>commit:&lt;id&gt;</c> for a gitlink, <c>-</c> when absent.</summary>
    public string NewContent { get; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of this entry's record; approval manifests list it per file.</summary>
    public string Hash { get; }

    internal byte[] Record { get; }
}
