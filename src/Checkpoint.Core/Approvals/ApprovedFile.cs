namespace Checkpoint.Core.Approvals;

/// <summary>A file an approval covers: its path and the digest entry hash it had when approved.</summary>
public sealed class ApprovedFile
{
    public ApprovedFile(string path, string entryHash)
    {
        Path = path;
        EntryHash = entryHash;
    }

    /// <summary>The path as <see cref="Git.GitPath.Display"/> shows it.</summary>
    public string Path { get; }

    /// <summary><c>sha256:&lt;hex&gt;</c>: <see cref="Digest.DigestEntry.Hash"/> at approval time.</summary>
    public string EntryHash { get; }
}
