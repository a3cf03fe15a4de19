namespace Checkpoint.Tool.Analysis;

/// <summary>A file of a commit's tree: repository-relative path (forward slashes), mode and blob id.</summary>
internal sealed record TreeFile(string Path, string Mode, string Blob)
{
    public bool IsRegularFile => ChangedEntry.IsRegularMode(Mode);
}
