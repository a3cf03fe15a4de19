namespace Checkpoint.Tool.Analysis;

/// <summary>A file of a commit's tree: repository-relative path (forward slashes), mode, blob id and size (null for gitlinks).</summary>
internal sealed record TreeFile(string Path, string Mode, string Blob, long? Size = null)
{
    public bool IsRegularFile => ChangedEntry.IsRegularMode(Mode);
}
