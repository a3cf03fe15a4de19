using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Digest;

/// <summary>
/// The hash of a branch's diff over git objects, from the merge-base to HEAD. It depends only on
/// the two commits: not on renames, textconv, filters, line-ending settings or replace refs. The
/// byte encoding is specified in docs/diff-digest.md; change it only together with <see cref="Version"/>.
/// </summary>
public sealed class DiffDigest
{
    /// <summary>The encoding version, hashed first so that a future encoding can never collide with this one.</summary>
    public const string Version = "checkpoint-diff-digest/v1";

    internal const string SymlinkMode = "120000";
    private const string AbsentMode = ApprovalPaths.AbsentMode;
    private const string GitlinkMode = "160000";
    // A symlink's target is kept up to this many bytes, for the check that no link reaches into the
    // approvals folder. A longer target cannot be checked out as a link on Linux: symlink(2) refuses
    // a target of PATH_MAX (4,096) bytes or more, and macOS's limit is lower, so for every link a
    // build there can follow, the prefix is the whole target. (Windows, where git makes links only
    // with core.symlinks set, was not checked.)
    private const int SymlinkTargetLimit = 4096;

    [ThreadStatic]
    private static SHA256? EntryHasher;

    private DiffDigest(string digest, IReadOnlyList<DigestEntry> entries, IReadOnlyList<DiffEntry> changes)
    {
        Digest = digest;
        Entries = entries;
        Changes = changes;
    }

    /// <summary><c>sha256:&lt;64 lowercase hex&gt;</c>.</summary>
    public string Digest { get; }

    /// <summary>The changed paths the digest covers, in canonical (bytewise path) order.</summary>
    public IReadOnlyList<DigestEntry> Entries { get; }

    /// <summary>Every changed path, approvals the digest leaves out included, in git's order.</summary>
    public IReadOnlyList<DiffEntry> Changes { get; }

    /// <summary>Computes the digest of the changes from <paramref name="mergeBase"/> to <paramref name="head"/>.</summary>
    /// <exception cref="GitException">git failed.</exception>
    public static DiffDigest Compute(GitRepository repository, string mergeBase, string head)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        return Compute(repository.Objects, repository.DiffTree(mergeBase, head));
    }

    /// <summary>
    /// Computes the digest of changes already listed (by <c>git diff-tree</c>, or by
    /// <see cref="GitTreeDiff"/> for many ranges at once), hashing their blobs through <paramref name="objects"/>.
    /// </summary>
    /// <exception cref="GitException">git failed, or a blob is missing.</exception>
    public static DiffDigest Compute(GitObjectReader objects, IReadOnlyList<GitRawChange> raw)
    {
        if (objects is null || raw is null)
        {
            throw new ArgumentNullException(objects is null ? nameof(objects) : nameof(raw));
        }

        var counted = raw.Where(c => !ApprovalPaths.IsLeftOut(c.Path, c.OldMode, c.NewMode)).ToList();
        var blobs = counted
            .SelectMany(c => new[] { (c.OldMode, c.OldObjectId), (c.NewMode, c.NewObjectId) })
            .Where(side => side.Item1 != AbsentMode && side.Item1 != GitlinkMode)
            .Select(side => side.Item2)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var symlinks = new HashSet<string>(counted.Where(c => c.NewMode == SymlinkMode).Select(c => c.NewObjectId), StringComparer.Ordinal);
        var contentHashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var targets = new Dictionary<string, GitPath>(StringComparer.Ordinal);
        HashBlobs(objects, blobs, symlinks, contentHashes, targets);

        var entries = counted
            .Select(c => CreateEntry(
                c.Path,
                c.OldMode,
                c.NewMode,
                Content(c.OldMode, c.OldObjectId, contentHashes),
                Content(c.NewMode, c.NewObjectId, contentHashes)))
            .ToList();
        var changes = raw
            .Select(c => new DiffEntry(
                c,
                ApprovalPaths.IsLeftOut(c.Path, c.OldMode, c.NewMode),
                c.NewMode == SymlinkMode && targets.TryGetValue(c.NewObjectId, out var target) ? target : null))
            .ToList();
        return FromEntries(entries, changes);
    }

    /// <summary>Builds a digest from entries (sorted here); used by <c>Compute</c> and by the spec's test vectors.</summary>
    public static DiffDigest FromEntries(IEnumerable<DigestEntry> entries) => FromEntries(entries, Array.Empty<DiffEntry>());

    private static DiffDigest FromEntries(IEnumerable<DigestEntry> entries, IReadOnlyList<DiffEntry> changes)
    {
        var sorted = entries.OrderBy(e => e.Path).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Path.Equals(sorted[i - 1].Path))
            {
                throw new ArgumentException($"path '{sorted[i].Path.Display}' appears twice", nameof(entries));
            }
        }

        using var sha = SHA256.Create();
        var header = Encoding.ASCII.GetBytes(Version + "\n");
        sha.TransformBlock(header, 0, header.Length, null, 0);
        foreach (var entry in sorted)
        {
            sha.TransformBlock(entry.Record, 0, entry.Record.Length, null, 0);
        }

        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return new DiffDigest("sha256:" + Hex(sha.Hash!), sorted, changes);
    }
    /// <summary>
    /// Creates one entry. <paramref name="oldContent"/> and <paramref name="newContent"/> are
    /// <c>sha256:&lt;hex&gt;</c>, <c>commit:&lt;id&gt;</c> or <c>-</c>.
    /// </summary>
    public static DigestEntry CreateEntry(GitPath path, string oldMode, string newMode, string oldContent, string newContent)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        // path NUL old-mode SP new-mode SP old-content SP new-content LF. Git paths never contain
        // NUL, and the other fields never contain SP or LF, so the record parses one way only.
        using var record = new MemoryStream();
        record.Write(path.Bytes, 0, path.Bytes.Length);
        record.WriteByte(0);
        var rest = Encoding.ASCII.GetBytes($"{oldMode} {newMode} {oldContent} {newContent}\n");
        record.Write(rest, 0, rest.Length);
        var bytes = record.ToArray();

        // One hasher per thread: creating one per entry dominates the cost on large diffs.
        var sha = EntryHasher ??= SHA256.Create();
        return new DigestEntry(path, oldMode, newMode, oldContent, newContent, bytes, "sha256:" + Hex(sha.ComputeHash(bytes)));
    }

    /// <summary>The encoded record of an entry, exactly as it is hashed.</summary>
    public static byte[] EncodeRecord(DigestEntry entry) => (byte[])(entry ?? throw new ArgumentNullException(nameof(entry))).Record.Clone();

    internal static string Hex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xf];
        }

        return new string(chars);
    }

    /// <summary>
    /// Hashes each blob as it streams out of the repository's one <c>cat-file --batch</c> (80 KB at a
    /// time, so a multi-gigabyte blob needs no more memory than a small one); keeps the first bytes of
    /// symlink blobs, which are their targets.
    /// </summary>
    private static void HashBlobs(GitObjectReader objects, IReadOnlyList<string> ids, ISet<string> symlinks, IDictionary<string, byte[]> hashes, IDictionary<string, GitPath> targets)
    {
        using var sha = SHA256.Create();
        var buffer = new byte[81920];
        objects.ReadBlobs(ids, (id, header, content) =>
        {
            if (header is null)
            {
                throw new GitException(GitFailureKind.CommandFailed, $"git cannot read object {id}");
            }

            var captured = symlinks.Contains(id) ? new MemoryStream() : null;
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                sha.TransformBlock(buffer, 0, read, null, 0);
                if (captured != null && captured.Length < SymlinkTargetLimit)
                {
                    captured.Write(buffer, 0, (int)Math.Min(read, SymlinkTargetLimit - captured.Length));
                }
            }

            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            hashes[id] = sha.Hash!;
            sha.Initialize();
            if (captured != null)
            {
                targets[id] = new GitPath(captured.ToArray());
            }
        });
    }

    private static string Content(string mode, string objectId, IReadOnlyDictionary<string, byte[]> contentHashes)
    {
        if (mode == AbsentMode)
        {
            return "-";
        }

        if (mode == GitlinkMode)
        {
            return "commit:" + objectId.ToLowerInvariant();
        }

        return "sha256:" + Hex(contentHashes[objectId]);
    }
}
