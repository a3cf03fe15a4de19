using Checkpoint.Core.Git;

namespace Checkpoint.Core.Digest;

/// <summary>
/// One path the branch changes between the merge-base and HEAD, as git stores it (modes and object
/// ids), and whether the digest leaves it out as an approval (<see cref="ApprovalPaths"/>).
/// </summary>
public sealed class DiffEntry
{
    internal DiffEntry(GitRawChange change, bool isApproval, GitPath? symlinkTarget)
    {
        Path = change.Path;
        Status = change.Status;
        OldMode = change.OldMode;
        NewMode = change.NewMode;
        OldObjectId = change.OldObjectId;
        NewObjectId = change.NewObjectId;
        IsApproval = isApproval;
        SymlinkTarget = symlinkTarget;
    }

    public GitPath Path { get; }

    /// <summary><c>A</c> added, <c>D</c> deleted, <c>M</c> modified or <c>T</c> type changed (file, symlink, gitlink).</summary>
    public char Status { get; }

    /// <summary>Octal mode before the change, <c>000000</c> when the path was added.</summary>
    public string OldMode { get; }

    /// <summary>Octal mode after the change, <c>000000</c> when the path was deleted.</summary>
    public string NewMode { get; }

    /// <summary>The blob (or, for a gitlink, commit) id before the change; all zeros when added.</summary>
    public string OldObjectId { get; }

    /// <summary>The blob (or, for a gitlink, commit) id after the change; all zeros when deleted.</summary>
    public string NewObjectId { get; }

    /// <summary>True when the digest leaves this change out: it adds or modifies an approval file.</summary>
    public bool IsApproval { get; }

    /// <summary>For a symlink after the change (mode 120000), the path it points to (at most 4 KiB of it).</summary>
    public GitPath? SymlinkTarget { get; }

    public bool IsSymbolicLink => NewMode == DiffDigest.SymlinkMode;

    public override string ToString() => $"{Status} {OldMode} {NewMode} {Path.Display}";
}
