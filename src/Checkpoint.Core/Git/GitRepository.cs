using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Checkpoint.Core.Git;

/// <summary>
/// A git working tree read through the git executable (never libgit2): Checkpoint's one typed door
/// to git. Every command runs with the neutral options of <see cref="GitCli"/>; objects are read
/// through one <c>cat-file --batch</c> process (<see cref="Objects"/>). Everything the gate decides
/// on comes from git objects; the working tree is consulted only to say that it differs from HEAD.
/// </summary>
public sealed class GitRepository : IDisposable
{
    private readonly int _probeProcesses;

    private GitRepository(GitCli cli, string root, bool isShallow, int probeProcesses)
    {
        Cli = cli;
        Root = root;
        IsShallow = isShallow;
        _probeProcesses = probeProcesses;
        Objects = new GitObjectReader(cli);
        Trees = new GitTreeDiff(cli);
    }

    /// <summary>The top-level directory of the working tree.</summary>
    public string Root { get; }

    /// <summary>True for a shallow clone, whose history cannot give a trustworthy merge-base.</summary>
    public bool IsShallow { get; }

    /// <summary>Reads objects (commits, trees, blobs) through one long-lived <c>git cat-file --batch</c>.</summary>
    public GitObjectReader Objects { get; }

    /// <summary>Compares many pairs of trees through one long-lived <c>git diff-tree --stdin</c>, started on first use.</summary>
    public GitTreeDiff Trees { get; }

    /// <summary>Every git process started for this repository, opening it included.</summary>
    public int GitProcessesStarted => _probeProcesses + Cli.ProcessesStarted;

    internal GitCli Cli { get; }

    /// <summary>Opens the repository that contains <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="GitException">git is missing, the directory is not in a working tree, or git refused it.</exception>
    public static GitRepository Open(string workingDirectory, string? gitExecutable = null)
    {
        if (!Directory.Exists(workingDirectory))
        {
            throw new GitException(GitFailureKind.NotARepository, $"directory '{workingDirectory}' does not exist");
        }

        var probe = new GitCli(workingDirectory, gitExecutable);
        string[] arguments = { "rev-parse", "--show-toplevel", "--is-shallow-repository" };
        var result = probe.Run(arguments);
        if (!result.Succeeded)
        {
            throw GitCli.Failure(arguments, result);
        }

        var lines = result.OutputText.Split('\n');
        var root = lines[0].TrimEnd('\r');
        if (root.Length == 0 || lines.Length < 2)
        {
            throw new GitException(GitFailureKind.NotARepository, $"'{workingDirectory}' is not inside a git working tree");
        }

        var shallow = string.Equals(lines[1].Trim(), "true", StringComparison.Ordinal);
        return new GitRepository(new GitCli(root, gitExecutable), root, shallow, probe.ProcessesStarted);
    }

    /// <summary>
    /// Lists the local branches, origin's remote-tracking refs and the full refnames in
    /// <paramref name="moreRefNames"/>, in one <c>git for-each-ref</c>.
    /// </summary>
    public GitRefs ReadRefs(params string[] moreRefNames)
    {
        var arguments = new List<string> { "for-each-ref", "--format=%(HEAD)%00%(objectname)%00%(refname)%00%(symref)", "refs/heads/", "refs/remotes/origin/" };
        arguments.AddRange((moreRefNames ?? Array.Empty<string>()).Where(GitRefName.IsValid).Distinct(StringComparer.Ordinal));
        var result = Cli.RunChecked(arguments.ToArray());
        var refs = new List<GitRef>();
        string? current = null;
        foreach (var line in Encoding.UTF8.GetString(result.Output).Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\0');
            if (fields.Length != 4 || !GitObjectReader.IsObjectId(fields[1]))
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git for-each-ref' output");
            }

            if (fields[0] == "*")
            {
                current = fields[2];
            }

            refs.Add(new GitRef(fields[2], fields[1].ToLowerInvariant(), fields[3].Length == 0 ? null : fields[3]));
        }

        return new GitRefs(refs, current);
    }

    /// <summary>Resolves <paramref name="revision"/> to a commit id, or null when it does not name a commit.</summary>
    public string? ResolveCommit(string revision)
    {
        if (string.IsNullOrEmpty(revision) || revision.StartsWith("-", StringComparison.Ordinal) || revision.IndexOfAny(new[] { '\n', '\r' }) >= 0)
        {
            return null;
        }

        return Objects.ReadCommit(revision)?.Id;
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

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        string[] arguments = { "merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant };
        var result = Cli.Run(arguments);
        if (result.ExitCode == 0 || (result.ExitCode == 1 && result.Error.Trim().Length == 0))
        {
            return result.ExitCode == 0;
        }

        throw GitCli.Failure(arguments, result);
    }

    /// <summary>
    /// The tree git's automatic merge of two commits produces (<c>git merge-tree --write-tree</c>,
    /// git 2.38 or later: git data only, no working tree, no hooks), or null when the merge has
    /// conflicts or git cannot do it. It writes the merged tree's objects into the repository.
    /// </summary>
    public string? AutomaticMergeTree(string first, string second)
    {
        var result = Cli.Run("merge-tree", "--write-tree", "--no-messages", "--end-of-options", first, second);
        if (!result.Succeeded)
        {
            return null;
        }

        var tree = result.OutputText.Split('\n')[0].Trim();
        return GitObjectReader.IsObjectId(tree) ? tree : null;
    }

    /// <summary>A value from the repository's configuration, or null when unset.</summary>
    public string? GetConfig(string key)
    {
        var result = Cli.Run("config", "--get", "--end-of-options", key);
        return result.Succeeded ? result.OutputText : null;
    }

    /// <summary>The paths whose mode or content differ between two commits (no rename detection, no textconv).</summary>
    public IReadOnlyList<GitRawChange> DiffTree(string oldCommit, string newCommit)
    {
        string[] arguments =
        {
            "diff-tree", "-r", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-textconv", "--no-ext-diff",
            "--ignore-submodules=none", "--end-of-options", oldCommit, newCommit,
        };
        var result = Cli.Run(arguments, standardInput: null, withoutIndex: true);
        if (!result.Succeeded)
        {
            throw GitCli.Failure(arguments, result);
        }

        return ParseRawDiff(result.Output);
    }

    /// <summary>Changed files with added/removed line counts, for review listings.</summary>
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
            if (!IsCount(added) || !IsCount(removed))
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --numstat' output");
            }

            var path = new byte[record.Length - secondTab - 1];
            Array.Copy(record, secondTab + 1, path, 0, path.Length);
            files.Add(new ChangedFile(new GitPath(path), ParseCount(added), ParseCount(removed)));
        }

        return files;
    }

    /// <summary>
    /// A unified diff between two commits as text, for people: always text (<c>--text</c>), without
    /// textconv, external diff drivers or rename detection, whatever the attributes say.
    /// </summary>
    public byte[] UnifiedDiff(string oldCommit, string newCommit, int contextLines)
    {
        return Cli.RunChecked(
            "diff", "--no-color", "--text", "--no-ext-diff", "--no-textconv", "--no-renames",
            "--unified=" + contextLines.ToString(CultureInfo.InvariantCulture),
            "--src-prefix=a/", "--dst-prefix=b/", "--end-of-options", oldCommit, newCommit).Output;
    }

    /// <summary>
    /// The commits reachable from <paramref name="head"/> but not from <paramref name="mergeBase"/>,
    /// newest first, each with what it changes (null for merges), in one <c>git log</c>.
    /// </summary>
    public IReadOnlyList<GitCommit> ListCommits(string mergeBase, string head)
    {
        var result = Cli.RunChecked(
            "log", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-textconv", "--no-ext-diff", "--no-show-signature",
            "--format=%x01%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%B",
            "--end-of-options", mergeBase + ".." + head);
        return ParseLog(result.Output);
    }

    /// <summary>
    /// The tracked files whose working-tree or index content differs from HEAD, in one
    /// <c>git status</c>, leaving out the paths <paramref name="excludedGlobs"/> name (git's glob
    /// pathspecs from the top, where <c>*</c> stops at <c>/</c>). Untracked files are not listed.
    /// </summary>
    public WorkingTreeStatus ReadWorkingTreeStatus(params string[] excludedGlobs)
    {
        var arguments = new List<string> { "status", "--porcelain=v1", "-z", "--no-renames", "--ignore-submodules=none", "--untracked-files=no" };
        if (excludedGlobs is { Length: > 0 })
        {
            arguments.Add("--");
            arguments.AddRange(excludedGlobs.Select(glob => ":(top,exclude,glob)" + glob));
        }

        var result = Cli.Run(arguments, standardInput: null);
        if (!result.Succeeded)
        {
            throw GitCli.Failure(arguments, result);
        }

        var changed = SplitNul(result.Output)
            .Where(record => record.Length > 3 && record[0] != '?' && record[0] != '!')
            .Select(record => new GitPath(record.Skip(3).ToArray()))
            .ToList();
        return new WorkingTreeStatus(changed);
    }

    /// <summary>Checks out <paramref name="commit"/> detached into a new worktree at <paramref name="path"/>.</summary>
    public void AddWorktree(string path, string commit) =>
        Cli.RunChecked("worktree", "add", "--detach", "--force", "--end-of-options", path, commit);

    /// <summary>Removes a worktree this process added, and forgets it.</summary>
    public void RemoveWorktree(string path)
    {
        Cli.Run("worktree", "remove", "--force", path);
        Cli.Run("worktree", "prune");
    }

    /// <summary>Stages exactly <paramref name="paths"/> and commits only them, without hooks (a hook must not rewrite signed bytes).</summary>
    /// <exception cref="GitException">git add or git commit failed.</exception>
    public void CommitFiles(string message, IReadOnlyList<string> paths)
    {
        Cli.RunChecked(new[] { "add", "--" }.Concat(paths).ToArray());
        Cli.RunChecked(new[] { "commit", "--no-verify", "--quiet", "-m", message, "--" }.Concat(paths).ToArray());
    }

    /// <summary>
    /// Removes exactly <paramref name="paths"/> (literal, from the top) from the index and the working
    /// tree and commits only that, without hooks. git refuses, and nothing is committed, when a file
    /// differs from HEAD. The paths go through standard input, so their number has no limit.
    /// </summary>
    /// <exception cref="GitException">git rm or git commit failed.</exception>
    public void CommitRemoval(string message, IReadOnlyList<string> paths)
    {
        if (paths is null || paths.Count == 0)
        {
            throw new ArgumentException("nothing to remove", nameof(paths));
        }

        var list = Encoding.UTF8.GetBytes(string.Concat(paths.Select(p => ":(top,literal)" + p + "\0")));
        foreach (var arguments in new[]
        {
            new[] { "rm", "--quiet", "--pathspec-from-file=-", "--pathspec-file-nul" },
            new[] { "commit", "--no-verify", "--quiet", "-m", message, "--pathspec-from-file=-", "--pathspec-file-nul" },
        })
        {
            var result = Cli.Run(arguments, list);
            if (!result.Succeeded)
            {
                throw GitCli.Failure(arguments, result);
            }
        }
    }

    public void Dispose()
    {
        Trees.Dispose();
        Objects.Dispose();
    }

    internal static string Short(string commit) => commit.Length > 12 ? commit.Substring(0, 12) : commit;

    internal static IReadOnlyList<GitRawChange> ParseRawDiff(byte[] output)
    {
        // -z raw format: ":<old mode> <new mode> <old id> <new id> <status>\0<path>\0" per change.
        var changes = new List<GitRawChange>();
        var tokens = SplitNul(output);
        for (var i = 0; i < tokens.Count; i += 2)
        {
            if (i + 1 >= tokens.Count)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --raw' output");
            }

            changes.Add(ParseRawChange(tokens[i], tokens[i + 1]));
        }

        return changes;
    }

    internal static IReadOnlyList<GitCommit> ParseLog(byte[] output)
    {
        // Each commit: 0x01, six NUL-terminated header fields, the message, NUL; then, unless it is
        // a merge or changes nothing, LF and ":<meta>\0<path>\0" per change. Anything else is an
        // error: a misread commit list must fail the gate, not change its answer.
        var commits = new List<GitCommit>();
        var at = 0;
        while (at < output.Length)
        {
            if (output[at] != 1)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git log' output");
            }

            at++;
            var fields = new string[7];
            for (var f = 0; f < fields.Length; f++)
            {
                var end = Array.IndexOf(output, (byte)0, at);
                if (end < 0)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git log' output");
                }

                fields[f] = Encoding.UTF8.GetString(output, at, end - at);
                at = end + 1;
            }

            var parents = fields[1].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (!GitObjectReader.IsObjectId(fields[0]) || parents.Any(p => !GitObjectReader.IsObjectId(p)))
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git log' output");
            }

            var changes = new List<GitRawChange>();
            if (at < output.Length && output[at] == '\n')
            {
                at++;
                while (at < output.Length && output[at] == ':')
                {
                    var metaEnd = Array.IndexOf(output, (byte)0, at);
                    var pathEnd = metaEnd < 0 ? -1 : Array.IndexOf(output, (byte)0, metaEnd + 1);
                    if (pathEnd < 0)
                    {
                        throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git log --raw' output");
                    }

                    var meta = new byte[metaEnd - at];
                    Array.Copy(output, at, meta, 0, meta.Length);
                    var path = new byte[pathEnd - metaEnd - 1];
                    Array.Copy(output, metaEnd + 1, path, 0, path.Length);
                    changes.Add(ParseRawChange(meta, path));
                    at = pathEnd + 1;
                }
            }

            if (at < output.Length && output[at] != 1)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git log' output");
            }

            commits.Add(new GitCommit(fields[0], parents, fields[2], fields[3], fields[4], fields[5], fields[6], parents.Length > 1 ? null : changes));
        }

        return commits;
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

    internal static GitRawChange ParseRawChange(byte[] metaBytes, byte[] path)
    {
        var meta = Encoding.ASCII.GetString(metaBytes);
        if (!meta.StartsWith(":", StringComparison.Ordinal))
        {
            throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --raw' output");
        }

        var parts = meta.Substring(1).Split(' ');
        if (parts.Length != 5 || parts[4].Length == 0 || !GitObjectReader.IsObjectId(parts[2]) || !GitObjectReader.IsObjectId(parts[3]))
        {
            throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git diff-tree --raw' output");
        }

        return new GitRawChange(parts[0], parts[1], parts[2].ToLowerInvariant(), parts[3].ToLowerInvariant(), parts[4][0], new GitPath(path));
    }

    // A line count as --numstat prints it: digits, or "-" for a binary file.
    private static bool IsCount(string text) => text == "-" || (text.Length > 0 && text.All(c => c >= '0' && c <= '9'));

    private static int? ParseCount(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
