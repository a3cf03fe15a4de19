using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace Checkpoint.Core.Git;

/// <summary>
/// A git working tree read through the git executable (never libgit2). Everything the gate decides
/// on is read from git objects; the working tree is consulted only to warn that it differs from HEAD.
/// </summary>
public sealed class GitRepository
{
    private readonly int _probeProcesses;

    private GitRepository(GitCli cli, string root, int probeProcesses)
    {
        Cli = cli;
        Root = root;
        _probeProcesses = probeProcesses;
    }

    /// <summary>The git runner rooted at <see cref="Root"/>; reuse it instead of spawning git yourself.</summary>
    public GitCli Cli { get; }

    /// <summary>The top-level directory of the working tree.</summary>
    public string Root { get; }

    /// <summary>Every git process started for this repository, opening it included.</summary>
    public int GitProcessesStarted => _probeProcesses + Cli.ProcessesStarted;

    /// <summary>Opens the repository that contains <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="GitException">git is missing, the directory is not in a working tree, or git refused it.</exception>
    public static GitRepository Open(string workingDirectory, string? gitExecutable = null)
    {
        if (!Directory.Exists(workingDirectory))
        {
            throw new GitException(GitFailureKind.NotARepository, $"directory '{workingDirectory}' does not exist");
        }

        var probe = new GitCli(workingDirectory, gitExecutable);
        string[] arguments = { "rev-parse", "--show-toplevel" };
        var result = probe.Run(arguments);
        if (!result.Succeeded)
        {
            throw GitCli.Failure(arguments, result);
        }

        var root = result.OutputText;
        if (root.Length == 0)
        {
            throw new GitException(GitFailureKind.NotARepository, $"'{workingDirectory}' is not inside a git working tree");
        }

        return new GitRepository(new GitCli(root, gitExecutable), root, probe.ProcessesStarted);
    }

    /// <summary>Resolves <paramref name="revision"/> to a commit id, or null when it does not name a commit.</summary>
    public string? ResolveCommit(string revision)
    {
        if (string.IsNullOrEmpty(revision) || revision.StartsWith("-", StringComparison.Ordinal))
        {
            return null;
        }

        var result = Cli.Run("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        return result.Succeeded && result.OutputText.Length > 0 ? result.OutputText : null;
    }

    /// <summary>True when <paramref name="refName"/> is a syntactically valid full refname (<c>git check-ref-format</c>).</summary>
    public bool IsValidRefName(string refName)
    {
        if (string.IsNullOrEmpty(refName) || refName.StartsWith("-", StringComparison.Ordinal))
        {
            return false;
        }

        return Cli.Run("check-ref-format", refName).Succeeded;
    }

    /// <summary>True for a shallow clone, whose history cannot give a trustworthy merge-base.</summary>
    public bool IsShallow()
    {
        var result = Cli.RunChecked("rev-parse", "--is-shallow-repository");
        return string.Equals(result.OutputText, "true", StringComparison.Ordinal);
    }

    /// <summary>The best common ancestor of two commits, or null when their histories are unrelated.</summary>
    public string? MergeBase(string first, string second)
    {
        string[] arguments = { "merge-base", "--end-of-options", first, second };
        var result = Cli.Run(arguments);
        if (result.Succeeded)
        {
            return result.OutputText;
        }

        if (result.ExitCode == 1 && result.Error.Trim().Length == 0)
        {
            return null;
        }

        throw GitCli.Failure(arguments, result);
    }

    /// <summary>The branch HEAD points to (without <c>refs/heads/</c>), or null for a detached HEAD.</summary>
    public string? CurrentBranch()
    {
        var result = Cli.Run("symbolic-ref", "--quiet", "HEAD");
        if (!result.Succeeded)
        {
            return null;
        }

        var refName = result.OutputText;
        return refName.StartsWith("refs/heads/", StringComparison.Ordinal) ? refName.Substring("refs/heads/".Length) : refName;
    }

    /// <summary>A value from the repository's configuration, or null when unset.</summary>
    public string? GetConfig(string key)
    {
        var result = Cli.Run("config", "--get", key);
        return result.Succeeded ? result.OutputText : null;
    }

    /// <summary>The tree entry at <paramref name="path"/> in <paramref name="commit"/>, or null when there is none.</summary>
    public GitTreeEntry? GetEntry(string commit, string path)
    {
        return ListTree(commit, path).FirstOrDefault(e => e.Path.Display == path);
    }

    /// <summary>The entries directly inside directory <paramref name="directory"/> of <paramref name="commit"/>.</summary>
    public IReadOnlyList<GitTreeEntry> ListDirectory(string commit, string directory)
    {
        return ListTree(commit, directory.TrimEnd('/') + "/");
    }

    /// <summary>
    /// Reads a regular file from a commit. Returns null when the path does not exist.
    /// </summary>
    /// <exception cref="InvalidDataException">The path is a symlink, directory or gitlink, or larger than <paramref name="maxBytes"/>.</exception>
    public byte[]? ReadFile(string commit, string path, long maxBytes)
    {
        var entry = GetEntry(commit, path);
        if (entry is null)
        {
            // A symlinked parent directory hides the path from ls-tree; say so instead of "missing".
            var parent = Path.GetDirectoryName(path)?.Replace('\\', '/');
            if (!string.IsNullOrEmpty(parent))
            {
                var parentEntry = GetEntry(commit, parent!);
                if (parentEntry is { IsDirectory: false })
                {
                    throw new InvalidDataException($"'{parent}' at {Short(commit)} is not a directory (mode {parentEntry.Mode}); it must be a plain folder");
                }
            }

            return null;
        }

        return ReadBlob(entry, maxBytes);
    }

    /// <summary>Reads the content of a regular-file entry, refusing symlinks and oversized blobs.</summary>
    /// <exception cref="InvalidDataException">The entry is not a regular file or is too large.</exception>
    public byte[] ReadBlob(GitTreeEntry entry, long maxBytes)
    {
        if (!entry.IsRegularFile)
        {
            throw new InvalidDataException($"'{entry.Path.Display}' must be a regular file, not mode {entry.Mode}");
        }

        if (entry.Size > maxBytes)
        {
            throw new InvalidDataException($"'{entry.Path.Display}' is {entry.Size} bytes; the limit is {maxBytes}");
        }

        return Cli.RunChecked("cat-file", "blob", entry.ObjectId).Output;
    }

    /// <summary>The paths whose mode or content differ between two commits (no rename detection, no textconv).</summary>
    public IReadOnlyList<GitRawChange> DiffTree(string oldCommit, string newCommit)
    {
        var result = Cli.RunChecked(
            "diff-tree", "-r", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-textconv", "--no-ext-diff",
            "--ignore-submodules=none", "--end-of-options", oldCommit, newCommit);
        return ParseRawDiff(result.Output);
    }

    /// <summary>Changed files with added/removed line counts, for <c>checkpoint review</c>.</summary>
    public IReadOnlyList<ChangedFile> NumStat(string oldCommit, string newCommit)
    {
        var result = Cli.RunChecked(
            "diff-tree", "-r", "-z", "--numstat", "--no-renames", "--no-textconv", "--no-ext-diff",
            "--ignore-submodules=none", "--end-of-options", oldCommit, newCommit);
        var files = new List<ChangedFile>();
        foreach (var record in SplitNul(result.Output))
        {
            // "<added>\t<removed>\t<path>"; the path may itself contain tabs, so split only twice.
            var firstTab = Array.IndexOf(record, (byte)'\t');
            var secondTab = firstTab < 0 ? -1 : Array.IndexOf(record, (byte)'\t', firstTab + 1);
            if (secondTab < 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --numstat' output");
            }

            var added = Encoding.ASCII.GetString(record, 0, firstTab);
            var removed = Encoding.ASCII.GetString(record, firstTab + 1, secondTab - firstTab - 1);
            var path = new byte[record.Length - secondTab - 1];
            Array.Copy(record, secondTab + 1, path, 0, path.Length);
            files.Add(new ChangedFile(new GitPath(path), ParseCount(added), ParseCount(removed)));
        }

        return files;
    }

    /// <summary>The commits reachable from <paramref name="head"/> but not from <paramref name="mergeBase"/>, newest first.</summary>
    public IReadOnlyList<GitCommit> ListCommits(string mergeBase, string head)
    {
        var result = Cli.RunChecked(
            "log", "-z", "--no-show-signature", "--format=%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%B",
            "--end-of-options", mergeBase + ".." + head);
        var fields = Encoding.UTF8.GetString(result.Output).Split('\0');
        var commits = new List<GitCommit>();
        for (var i = 0; i + 7 <= fields.Length; i += 7)
        {
            if (fields[i].Length == 0)
            {
                break;
            }

            commits.Add(new GitCommit(
                fields[i],
                fields[i + 1].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                fields[i + 2],
                fields[i + 3],
                fields[i + 4],
                fields[i + 5],
                fields[i + 6]));
        }

        return commits;
    }

    /// <summary>The paths a non-merge commit changes relative to its parent; null for merge commits.</summary>
    public IReadOnlyList<GitPath>? ChangedPaths(GitCommit commit)
    {
        if (commit.Parents.Count > 1)
        {
            return null;
        }

        var result = Cli.RunChecked(
            "diff-tree", "-r", "-z", "--root", "--name-only", "--no-commit-id", "--no-renames", "--end-of-options", commit.Id);
        return SplitNul(result.Output).Select(b => new GitPath(b)).ToList();
    }

    /// <summary>
    /// Tracked paths whose working-tree or index content differs from HEAD, optionally limited to
    /// <paramref name="pathspec"/>; with <paramref name="includeUntracked"/> also untracked files.
    /// </summary>
    public IReadOnlyList<GitPath> WorkingTreeChanges(string? pathspec = null, bool includeUntracked = false)
    {
        var arguments = new List<string>
        {
            "status", "--porcelain=v1", "-z", "--no-renames", "--ignore-submodules=none",
            includeUntracked ? "--untracked-files=all" : "--untracked-files=no",
        };
        if (pathspec != null)
        {
            arguments.Add("--");
            arguments.Add(pathspec);
        }

        var result = Cli.Run(arguments, standardInput: null);
        if (!result.Succeeded)
        {
            throw GitCli.Failure(arguments, result);
        }

        return SplitNul(result.Output)
            .Where(r => r.Length > 3)
            .Select(r => new GitPath(r.Skip(3).ToArray()))
            .ToList();
    }

    /// <summary>
    /// SHA-256 of the raw content of each blob, streamed through one <c>git cat-file --batch</c> so
    /// that memory stays bounded whatever the blob sizes.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> HashBlobs(IEnumerable<string> blobIds)
    {
        var ids = blobIds.Distinct(StringComparer.Ordinal).ToList();
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return hashes;
        }

        // --buffer: git flushes when its buffer fills instead of after every object; we close its
        // input after the last request, so nothing waits on a flush.
        using var process = Cli.Start(new[] { "cat-file", "--batch", "--buffer" }, redirectInput: true);
        var error = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            try
            {
                var request = Encoding.ASCII.GetBytes(string.Join("\n", ids) + "\n");
                process.StandardInput.BaseStream.Write(request, 0, request.Length);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git stopped reading; the reader reports the failure.
            }
        });

        // The pipe stream is unbuffered; headers are read byte by byte, so buffer here.
        using var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        using var sha = SHA256.Create();
        var buffer = new byte[81920];
        using var watchdog = Cli.KillAfterTimeout(process, out var timedOut);
        try
        {
            foreach (var id in ids)
            {
                var header = ReadLine(output) ?? throw new GitException(
                    GitFailureKind.UnexpectedOutput,
                    timedOut() ? "'git cat-file --batch' did not finish in time and was stopped" : $"'git cat-file --batch' ended early: {GitCli.FirstLine(SafeResult(error))}");
                var parts = header.Split(' ');
                if (parts.Length != 3 || !string.Equals(parts[0], id, StringComparison.OrdinalIgnoreCase))
                {
                    throw new GitException(GitFailureKind.CommandFailed, $"git cannot read object {id}: {header}");
                }

                var size = long.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
                {
                    var remaining = size;
                    while (remaining > 0)
                    {
                        var read = output.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                        if (read <= 0)
                        {
                            throw new GitException(GitFailureKind.UnexpectedOutput, $"'git cat-file --batch' ended inside object {id}");
                        }

                        sha.TransformBlock(buffer, 0, read, null, 0);
                        remaining -= read;
                    }

                    sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                    hashes[id] = sha.Hash!;
                    sha.Initialize();
                }

                if (output.ReadByte() != '\n')
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, $"'git cat-file --batch' output is malformed after {id}");
                }
            }
        }
        finally
        {
            try
            {
                if (!process.HasExited)
                {
                    output.CopyTo(Stream.Null);
                }

                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            writer.Wait();
        }

        return hashes;
    }

    internal static string Short(string commit) => commit.Length > 12 ? commit.Substring(0, 12) : commit;

    private IReadOnlyList<GitTreeEntry> ListTree(string commit, string path)
    {
        var result = Cli.RunChecked("ls-tree", "-l", "-z", "--full-tree", "--end-of-options", commit, "--", path);
        var entries = new List<GitTreeEntry>();
        foreach (var record in SplitNul(result.Output))
        {
            var tab = Array.IndexOf(record, (byte)'\t');
            if (tab < 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git ls-tree' output");
            }

            var meta = Encoding.ASCII.GetString(record, 0, tab).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (meta.Length != 4)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git ls-tree' output");
            }

            long? size = meta[3] == "-" ? null : long.Parse(meta[3], NumberStyles.None, CultureInfo.InvariantCulture);
            var entryPath = new byte[record.Length - tab - 1];
            Array.Copy(record, tab + 1, entryPath, 0, entryPath.Length);
            entries.Add(new GitTreeEntry(meta[0], meta[1], meta[2], size, new GitPath(entryPath)));
        }

        return entries;
    }

    internal static IReadOnlyList<GitRawChange> ParseRawDiff(byte[] output)
    {
        // -z raw format: ":<old mode> <new mode> <old id> <new id> <status>\0<path>\0" per change.
        var changes = new List<GitRawChange>();
        var tokens = SplitNul(output);
        for (var i = 0; i < tokens.Count; i += 2)
        {
            var meta = Encoding.ASCII.GetString(tokens[i]);
            if (!meta.StartsWith(":", StringComparison.Ordinal) || i + 1 >= tokens.Count)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --raw' output");
            }

            var parts = meta.Substring(1).Split(' ');
            if (parts.Length != 5 || parts[4].Length == 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --raw' output");
            }

            changes.Add(new GitRawChange(parts[0], parts[1], parts[2], parts[3], parts[4][0], new GitPath(tokens[i + 1])));
        }

        return changes;
    }

    internal static List<byte[]> SplitNul(byte[] output)
    {
        var records = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] == 0)
            {
                var record = new byte[i - start];
                Array.Copy(output, start, record, 0, record.Length);
                records.Add(record);
                start = i + 1;
            }
        }

        if (start < output.Length)
        {
            var tail = new byte[output.Length - start];
            Array.Copy(output, start, tail, 0, tail.Length);
            records.Add(tail);
        }

        return records;
    }

    private static int? ParseCount(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? ReadLine(Stream stream)
    {
        var line = new List<byte>(96);
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return line.Count == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString(line.ToArray());
            }

            line.Add((byte)b);
        }
    }

    private static string SafeResult(Task<string> error)
    {
        try
        {
            return error.Wait(5000) ? error.Result : string.Empty;
        }
        catch (AggregateException)
        {
            return string.Empty;
        }
    }
}
