using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Approvals;

/// <summary>
/// Reads the approvals a branch adds or changes between the merge-base and HEAD: only those can
/// approve it. Approvals merged into the base earlier are never read, so their number does not
/// matter. Content comes from git objects (never the working tree), through the repository's one
/// <c>cat-file --batch</c>.
/// </summary>
public static class ApprovalReader
{
    /// <summary>At most this many approvals per branch; more is not a review, it is noise.</summary>
    public const int MaxApprovals = 100;

    private const int MaxSignatureBytes = 64 * 1024;
    private const string CheckpointDirectory = ".checkpoint";
    private const string ManifestSuffix = ".json";
    private const string SignatureSuffix = ".json.sig";

    /// <summary>The branch's approvals, sorted by path, each with its manifest and signature or the reason it is unusable.</summary>
    /// <param name="objects">The repository's objects.</param>
    /// <param name="head">The commit approvals are read at (HEAD).</param>
    /// <param name="changes">Every change from the merge-base to <paramref name="head"/>.</param>
    /// <param name="notices">Receives one line per entry that was skipped without being an error.</param>
    public static IReadOnlyList<ApprovalFile> Read(GitObjectReader objects, string head, IReadOnlyList<DiffEntry> changes, ICollection<string> notices)
    {
        if (objects is null || changes is null || notices is null)
        {
            throw new ArgumentNullException(objects is null ? nameof(objects) : changes is null ? nameof(changes) : nameof(notices));
        }

        var directory = ApprovalPaths.Directory;
        var files = new List<ApprovalFile>();
        var present = changes.Where(c => c.NewMode != ApprovalPaths.AbsentMode).ToList();

        // git lists a folder's files in a diff only when the folder is a real directory on that
        // side; a path equal to the folder itself means a file or symlink took its place.
        foreach (var folder in new[] { CheckpointDirectory, directory })
        {
            if (present.FirstOrDefault(c => c.Path.Display == folder) is DiffEntry replaced)
            {
                files.Add(new ApprovalFile(folder, null, null, $"'{folder}' is not a plain folder (mode {replaced.NewMode}); approvals must be regular files in a real folder"));
            }
        }

        var entries = new Dictionary<string, DiffEntry>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);

        // An approval whose manifest or signature is unusable is reported once, by that file.
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in present.Where(c => ApprovalPaths.IsInDirectory(c.Path)))
        {
            var path = change.Path.Display;
            var rest = path.Substring(directory.Length + 1);
            var slash = rest.IndexOf('/');
            var name = slash < 0 ? rest : rest.Substring(0, slash);
            var entryPath = directory + "/" + name;
            if (!IsAllowedName(name, change.Path))
            {
                // One line per approval: a signature's name is refused along with its manifest's.
                var manifestTwin = name.EndsWith(SignatureSuffix, StringComparison.Ordinal) ? entryPath.Substring(0, entryPath.Length - 4) : null;
                if (manifestTwin != null && present.Any(c => c.Path.Display == manifestTwin))
                {
                    continue;
                }

                if (reported.Add(entryPath))
                {
                    files.Add(new ApprovalFile(entryPath, null, null, $"'{entryPath}' has a name that is not allowed for an approval"));
                }

                continue;
            }

            if (slash >= 0)
            {
                if (reported.Add(entryPath))
                {
                    files.Add(new ApprovalFile(entryPath, null, null, $"'{entryPath}' is a subdirectory; approvals must be regular files directly in {directory}/"));
                }

                continue;
            }

            if (!ApprovalPaths.IsApprovalName(change.Path))
            {
                // Not an approval (.gitkeep, README.md, ...): it is part of the digest like any other file.
                continue;
            }

            if (!change.IsApproval)
            {
                var kind = change.IsSymbolicLink ? "a symlink" : $"mode {change.NewMode}";
                files.Add(new ApprovalFile(path, null, null, $"'{path}' is {kind}; approvals must be regular files directly in {directory}/"));
                unusable.Add(Stem(name));
                continue;
            }

            entries[name] = change;
        }

        var stems = entries.Keys
            .Select(Stem)
            .Where(stem => !unusable.Contains(stem))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(stem => stem, StringComparer.Ordinal)
            .ToList();
        if (stems.Count > MaxApprovals)
        {
            var first = directory + "/" + stems[MaxApprovals] + ManifestSuffix;
            files.Add(new ApprovalFile(first, null, null, $"the branch adds more than {MaxApprovals} approvals; keep the ones for its current digest"));
            stems = stems.Take(MaxApprovals).ToList();
        }

        foreach (var stem in stems)
        {
            if (ReadPair(objects, head, entries, stem, notices) is ApprovalFile file)
            {
                files.Add(file);
            }
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The approval <paramref name="stem"/> names: its manifest and signature, or why it is unusable;
    /// null (with a notice) for a signature without a manifest.
    /// </summary>
    private static ApprovalFile? ReadPair(GitObjectReader objects, string head, Dictionary<string, DiffEntry> entries, string stem, ICollection<string> notices)
    {
        var path = ApprovalPaths.Directory + "/" + stem + ManifestSuffix;
        try
        {
            var manifest = ReadSide(objects, head, entries, stem + ManifestSuffix, ApprovalManifest.MaxSizeBytes);
            if (manifest is null)
            {
                notices.Add($"'{path}.sig' has no manifest next to it and was ignored");
                return null;
            }

            var signature = ReadSide(objects, head, entries, stem + SignatureSuffix, MaxSignatureBytes);
            return signature is null
                ? new ApprovalFile(path, manifest, null, $"'{path}' has no signature '{path}.sig'")
                : new ApprovalFile(path, manifest, new UTF8Encoding(false, false).GetString(signature), null);
        }
        catch (InvalidDataException ex)
        {
            return new ApprovalFile(path, null, null, ex.Message);
        }
    }

    /// <summary>
    /// One file of a pair: from the change when the branch touched it, else from HEAD's tree (a
    /// branch may re-sign a manifest, or sign an unchanged one, and the pair still belongs together).
    /// </summary>
    private static byte[]? ReadSide(GitObjectReader objects, string head, Dictionary<string, DiffEntry> entries, string name, long maxBytes)
    {
        var path = ApprovalPaths.Directory + "/" + name;
        var blob = entries.TryGetValue(name, out var change)
            ? objects.Read(change.NewObjectId, maxBytes)
            : objects.Read(head + ":" + path, maxBytes);
        if (blob is null)
        {
            return null;
        }

        if (blob.Type != "blob")
        {
            throw new InvalidDataException($"'{path}' must be a regular file, not a {blob.Type}");
        }

        return blob.Content;
    }

    private static string Stem(string name) =>
        name.EndsWith(SignatureSuffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - SignatureSuffix.Length) : name.Substring(0, name.Length - ManifestSuffix.Length);

    private static bool IsAllowedName(string name, GitPath path) =>
        name.Length > 0 && !name.Contains("..") && name.IndexOf('\\') < 0 && path.Display.IndexOf("\\x", StringComparison.Ordinal) < 0;
}
