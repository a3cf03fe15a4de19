using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Approvals;

/// <summary>
/// Reads approvals from a commit's tree (never the working tree): only regular files directly
/// under <c>.checkpoint/approvals/</c>, in <c>&lt;name&gt;.json</c> + <c>&lt;name&gt;.json.sig</c> pairs.
/// </summary>
public static class ApprovalDirectory
{
    private const int MaxSignatureBytes = 64 * 1024;
    private const int MaxApprovals = 1000;

    /// <summary>The approvals committed at <paramref name="commit"/>, sorted by path.</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="commit">Usually HEAD.</param>
    /// <param name="notices">Receives one line per entry that was skipped without being an error.</param>
    public static IReadOnlyList<ApprovalFile> Read(GitRepository repository, string commit, ICollection<string> notices)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        var directory = ApprovalManifest.ApprovalsDirectory;

        // git lists a folder's entries only when it and every folder above it are real directories,
        // so entries here settle both checks below in one git call; an empty listing (no folder, a
        // symlink or file in its place) is told apart by looking at each folder.
        var entries = repository.ListDirectory(commit, directory);
        if (entries.Count == 0)
        {
            foreach (var folder in new[] { ".checkpoint", directory })
            {
                var entry = repository.GetEntry(commit, folder);
                if (entry is null)
                {
                    return Array.Empty<ApprovalFile>();
                }

                if (!entry.IsDirectory)
                {
                    return new[] { new ApprovalFile(folder, null, null, $"'{folder}' is not a plain folder (mode {entry.Mode}); approvals must be regular files in a real folder") };
                }
            }
        }

        var byName = new Dictionary<string, GitTreeEntry>(StringComparer.Ordinal);
        var files = new List<ApprovalFile>();
        foreach (var entry in entries)
        {
            var path = entry.Path.Display;
            var name = path.Substring(directory.Length + 1);
            if (name.Length == 0 || name.Contains("..") || name.Contains("/") || name.Contains("\\"))
            {
                // One line per approval: the signature's name is refused along with its manifest's.
                if (name.EndsWith(".json.sig", StringComparison.Ordinal) && entries.Any(e => e.Path.Display == path.Substring(0, path.Length - 4)))
                {
                    continue;
                }

                files.Add(new ApprovalFile(path, null, null, $"'{path}' has a name that is not allowed for an approval"));
                continue;
            }

            var looksLikeApproval = name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".json.sig", StringComparison.Ordinal);
            if (!entry.IsRegularFile)
            {
                var kind = entry.IsDirectory ? "a subdirectory" : entry.IsSymbolicLink ? "a symlink" : $"mode {entry.Mode}";
                if (looksLikeApproval || entry.IsDirectory || entry.IsSymbolicLink)
                {
                    files.Add(new ApprovalFile(path, null, null, $"'{path}' is {kind}; approvals must be regular files directly in {directory}/"));
                }

                continue;
            }

            byName[name] = entry;
        }

        foreach (var pair in byName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = pair.Key;
            var path = directory + "/" + name;
            if (name.EndsWith(".json.sig", StringComparison.Ordinal))
            {
                if (!byName.ContainsKey(name.Substring(0, name.Length - 4)))
                {
                    notices.Add($"'{path}' has no manifest next to it and was ignored");
                }

                continue;
            }

            if (!name.EndsWith(".json", StringComparison.Ordinal))
            {
                // .gitkeep, README.md and the like are expected company in the folder.
                if (name.StartsWith(".", StringComparison.Ordinal) || name.StartsWith("README", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                notices.Add($"'{path}' is not an approval (<name>.json + <name>.json.sig) and was ignored");
                continue;
            }

            if (files.Count >= MaxApprovals)
            {
                files.Add(new ApprovalFile(path, null, null, $"more than {MaxApprovals} approvals; remove stale ones"));
                break;
            }

            byte[] manifest;
            try
            {
                manifest = repository.ReadBlob(pair.Value, ApprovalManifest.MaxSizeBytes);
            }
            catch (InvalidDataException ex)
            {
                files.Add(new ApprovalFile(path, null, null, ex.Message));
                continue;
            }

            if (!byName.TryGetValue(name + ".sig", out var signatureEntry))
            {
                files.Add(new ApprovalFile(path, manifest, null, $"'{path}' has no signature '{path}.sig'"));
                continue;
            }

            string signature;
            try
            {
                signature = new UTF8Encoding(false, false).GetString(repository.ReadBlob(signatureEntry, MaxSignatureBytes));
            }
            catch (InvalidDataException ex)
            {
                files.Add(new ApprovalFile(path, manifest, null, ex.Message));
                continue;
            }

            files.Add(new ApprovalFile(path, manifest, signature, null));
        }

        return files;
    }

    /// <summary>Approval files present in the working tree but not committed (untracked or modified).</summary>
    public static IReadOnlyList<string> Uncommitted(GitRepository repository)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        return repository.WorkingTreeChanges(ApprovalManifest.ApprovalsDirectory, includeUntracked: true)
            .Select(p => p.Display)
            .ToList();
    }
}
