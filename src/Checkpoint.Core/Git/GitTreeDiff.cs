using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Checkpoint.Core.Git;

/// <summary>
/// Compares trees as <c>git diff-tree -r --raw --no-renames</c> does, from tree objects read through
/// the repository's one <c>cat-file --batch</c>: no git process per comparison. Subtrees with the same
/// id on both sides are never read, so a comparison costs what it changes, not the size of the tree;
/// many comparisons are walked together, one batched exchange per folder level, and trees are kept by
/// id because a long history compares the same trees again and again.
/// </summary>
/// <remarks>
/// Modes are canonicalized as git does when it reads a tree (<c>100664</c> is <c>100644</c>), a path
/// whose kind changes between file, symlink and gitlink is <c>T</c>, and a path that is a folder on one
/// side and not on the other is a deletion and additions (or the reverse), exactly as diff-tree prints
/// them. The results are in path order.
/// </remarks>
public sealed class GitTreeDiff
{
    private const string DirectoryMode = "040000";
    private const string AbsentMode = "000000";
    private readonly GitObjectReader _objects;
    private readonly Dictionary<string, TreeItem[]> _trees = new Dictionary<string, TreeItem[]>(StringComparer.Ordinal);
    private readonly int _cacheLimit;

    /// <param name="objects">The repository's object reader.</param>
    /// <param name="cacheLimit">How many trees to keep before the cache starts over.</param>
    public GitTreeDiff(GitObjectReader objects, int cacheLimit = 50_000)
    {
        _objects = objects ?? throw new ArgumentNullException(nameof(objects));
        _cacheLimit = cacheLimit;
    }

    /// <summary>The changes from <paramref name="oldTree"/> to <paramref name="newTree"/>; a null side is the empty tree.</summary>
    /// <exception cref="GitException">A tree cannot be read or is malformed.</exception>
    public IReadOnlyList<GitRawChange> Compare(string? oldTree, string? newTree) =>
        Compare(new[] { (oldTree, newTree) })[0];

    /// <summary>The changes for each pair of trees (old, new), read together; a null side is the empty tree.</summary>
    /// <exception cref="GitException">A tree cannot be read or is malformed.</exception>
    public IReadOnlyList<IReadOnlyList<GitRawChange>> Compare(IReadOnlyList<(string? OldTree, string? NewTree)> pairs)
    {
        if (pairs is null)
        {
            throw new ArgumentNullException(nameof(pairs));
        }

        var results = new List<GitRawChange>[pairs.Count];
        var level = new List<Walk>();
        for (var i = 0; i < pairs.Count; i++)
        {
            results[i] = new List<GitRawChange>();
            if (!string.Equals(pairs[i].OldTree, pairs[i].NewTree, StringComparison.Ordinal))
            {
                level.Add(new Walk(i, pairs[i].OldTree, pairs[i].NewTree, Array.Empty<byte>()));
            }
        }

        while (level.Count > 0)
        {
            Load(level.SelectMany(w => new[] { w.OldTree, w.NewTree }));
            var next = new List<Walk>();
            foreach (var walk in level)
            {
                CompareLevel(walk, results[walk.Pair], next);
            }

            level = next;
        }

        foreach (var result in results)
        {
            result.Sort((a, b) => a.Path.CompareTo(b.Path));
        }

        return results;
    }

    /// <summary>git's canonical form of a tree entry's mode (<c>canon_mode</c>): what diff-tree prints.</summary>
    internal static string CanonicalMode(string mode)
    {
        var value = Convert.ToInt32(mode, 8);
        const int typeMask = 0xF000;
        return (value & typeMask) switch
        {
            0x8000 => (value & 0x40) != 0 ? "100755" : "100644",
            0x4000 => DirectoryMode,
            0xA000 => "120000",
            _ => "160000",
        };
    }

    private static bool IsDirectory(TreeItem? item) => item is { } present && present.Mode == DirectoryMode;

    private static byte[] Join(byte[] prefix, byte[] name)
    {
        if (prefix.Length == 0)
        {
            return name;
        }

        var path = new byte[prefix.Length + 1 + name.Length];
        Array.Copy(prefix, path, prefix.Length);
        path[prefix.Length] = (byte)'/';
        Array.Copy(name, 0, path, prefix.Length + 1, name.Length);
        return path;
    }

    private static GitRawChange Change(TreeItem? old, TreeItem? @new, byte[] path, string zeroId)
    {
        var oldMode = old?.Mode ?? AbsentMode;
        var newMode = @new?.Mode ?? AbsentMode;
        var status = old is null ? 'A'
            : @new is null ? 'D'
            : oldMode.Substring(0, 2) != newMode.Substring(0, 2) ? 'T'
            : 'M';
        return new GitRawChange(oldMode, newMode, old?.Id ?? zeroId, @new?.Id ?? zeroId, status, new GitPath(path));
    }

    private void CompareLevel(Walk walk, List<GitRawChange> result, List<Walk> next)
    {
        var oldItems = walk.OldTree is null ? Array.Empty<TreeItem>() : _trees[walk.OldTree];
        var newItems = walk.NewTree is null ? Array.Empty<TreeItem>() : _trees[walk.NewTree];
        var zeroId = new string('0', (walk.OldTree ?? walk.NewTree)!.Length);
        var byName = new Dictionary<string, TreeItem>(StringComparer.Ordinal);
        foreach (var item in newItems)
        {
            byName[item.Key] = item;
        }

        foreach (var old in oldItems)
        {
            byName.TryGetValue(old.Key, out var @new);
            if (@new != null)
            {
                byName.Remove(old.Key);
            }

            Pair(walk, old, @new, result, next, zeroId);
        }

        foreach (var @new in byName.Values)
        {
            Pair(walk, null, @new, result, next, zeroId);
        }
    }

    private void Pair(Walk walk, TreeItem? old, TreeItem? @new, List<GitRawChange> result, List<Walk> next, string zeroId)
    {
        if (old != null && @new != null && old.Mode == @new.Mode && old.Id == @new.Id)
        {
            return;
        }

        var path = Join(walk.Prefix, (old ?? @new)!.Name);
        var oldIsFolder = IsDirectory(old);
        var newIsFolder = IsDirectory(@new);
        if (oldIsFolder || newIsFolder)
        {
            // A folder on either side is walked; a file on the other side is its own deletion or addition.
            next.Add(new Walk(walk.Pair, oldIsFolder ? old!.Id : null, newIsFolder ? @new!.Id : null, path));
            if (old != null && !oldIsFolder)
            {
                result.Add(Change(old, null, path, zeroId));
            }

            if (@new != null && !newIsFolder)
            {
                result.Add(Change(null, @new, path, zeroId));
            }

            return;
        }

        result.Add(Change(old, @new, path, zeroId));
    }

    private void Load(IEnumerable<string?> ids)
    {
        var needed = ids.Where(id => id != null).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        var missing = needed.Where(id => !_trees.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (_trees.Count + missing.Count > _cacheLimit)
        {
            // Starting over drops trees this level also needs: they are read again with the missing ones.
            _trees.Clear();
            missing = needed;
        }

        _objects.ReadBlobs(missing, (id, header, content) =>
        {
            if (header is null || header.Type != "tree")
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, header is null ? $"tree {id} is missing from the repository" : $"{id} is a {header.Type}, not a tree");
            }

            var bytes = new byte[header.Size];
            var at = 0;
            while (at < bytes.Length)
            {
                var read = content.Read(bytes, at, bytes.Length - at);
                if (read <= 0)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' ended inside a tree");
                }

                at += read;
            }

            _trees[id] = Parse(bytes, id.Length / 2);
        });
    }

    private static TreeItem[] Parse(byte[] content, int idBytes)
    {
        var entries = GitObjectReader.ParseTree(content, string.Empty, idBytes);
        var items = new TreeItem[entries.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var entry = entries[i];
            string mode;
            try
            {
                mode = CanonicalMode(entry.Mode);
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException || ex is OverflowException)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, $"a tree entry has mode '{entry.Mode}'", ex);
            }

            items[i] = new TreeItem(entry.Path.ToArray(), mode, entry.ObjectId);
        }

        return items;
    }

    /// <summary>One pair of folders still to compare, for one of the requested pairs.</summary>
    private sealed class Walk
    {
        public Walk(int pair, string? oldTree, string? newTree, byte[] prefix)
        {
            Pair = pair;
            OldTree = oldTree;
            NewTree = newTree;
            Prefix = prefix;
        }

        public int Pair { get; }

        public string? OldTree { get; }

        public string? NewTree { get; }

        public byte[] Prefix { get; }
    }

    /// <summary>One entry of a tree: its name's bytes, canonical mode and object id.</summary>
    private sealed class TreeItem
    {
        public TreeItem(byte[] name, string mode, string id)
        {
            Name = name;
            Mode = mode;
            Id = id;
            var chars = new char[name.Length];
            for (var i = 0; i < name.Length; i++)
            {
                chars[i] = (char)name[i];
            }

            Key = new string(chars);
        }

        public byte[] Name { get; }

        /// <summary>The name's bytes as chars one to one: a dictionary key that keeps every byte.</summary>
        public string Key { get; }

        public string Mode { get; }

        public string Id { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", Mode, Id, Key);
    }
}
