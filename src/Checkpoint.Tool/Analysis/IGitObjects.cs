using System.Collections.Generic;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// What the review reads from git: a commit's file list and blob contents. Nothing here touches
/// the working tree, so nothing the branch checked out (attributes, filters, hooks) is involved.
/// </summary>
internal interface IGitObjects
{
    /// <summary>Every blob and gitlink of <paramref name="commit"/>'s tree, recursively (sizes may be unknown).</summary>
    IReadOnlyList<TreeFile> ListFiles(string commit);

    /// <summary>
    /// The raw bytes of each blob no larger than <paramref name="maxBytes"/>; larger blobs are left
    /// out of the result (the caller says so), never truncated.
    /// </summary>
    IReadOnlyDictionary<string, byte[]> ReadBlobs(IEnumerable<string> blobIds, long maxBytes);
}
