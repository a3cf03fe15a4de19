namespace Checkpoint.Core.Approvals;

/// <summary>
/// One <c>&lt;name&gt;.json</c> under <c>.checkpoint/approvals/</c> in HEAD's tree, with its signature
/// when present, or the reason it cannot be an approval.
/// </summary>
public sealed class ApprovalFile
{
    public ApprovalFile(string path, byte[]? manifest, string? signature, string? problem)
    {
        Path = path;
        Manifest = manifest;
        Signature = signature;
        Problem = problem;
    }

    /// <summary>Repository-relative path of the manifest (or of the offending entry).</summary>
    public string Path { get; }

    /// <summary>The manifest bytes exactly as committed.</summary>
    public byte[]? Manifest { get; }

    /// <summary>The armored signature text from <c>&lt;name&gt;.json.sig</c>.</summary>
    public string? Signature { get; }

    /// <summary>Why this entry is not a usable approval (symlink, subdirectory, missing signature...), or null.</summary>
    public string? Problem { get; }
}
