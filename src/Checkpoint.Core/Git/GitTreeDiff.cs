using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Checkpoint.Core.Git;

/// <summary>
/// Compares trees as <c>git diff-tree -r --raw --no-renames</c> does, from tree objects read through
/// the repository's one <c>cat-file --batch</c>: no git process per comparison. Subtrees with the same
/// id on both sides are never read, so a comparison costs what it changes, not the size of the tree;
/// many comparisons are walked together, one batched exchange per folder level, and trees are kept by
/// id because a long history compares the same trees again and again. A tree is kept as its raw
/// bytes and two trees are walked side by side in git's order, so the entries they share cost a
/// byte comparison and no allocation: a folder of thousands of approvals that gains one file per
/// change is compared in one pass, not copied into objects for every change.
/// </summary>
/// <remarks>
/// Modes are canonicalized as git does when it reads a tree (<c>100664</c> is <c>100644</c>), a path
/// whose kind changes between file, symlink and gitlink is <c>T</c>, and a path that is a folder on one
/// side and not on the other is a deletion and additions (or the reverse), exactly as diff-tree prints
/// them. The results are in path order. Pairs are walked in chunks, so the trees held at once stay
/// few however many pairs are asked for.
/// </remarks>
public sealed class GitTreeDiff
{
    private const string DirectoryMode = "040000";
    private const string AbsentMode = "000000";
    private const int ChunkSize = 256;
    private const long CacheByteLimit = 256L * 1024 * 1024;
    private const int MaxRememberedLevels = 200_000;
    private const int MaxRememberedDifferences = 64;
    private static readonly RawTree EmptyTree = new RawTree(Array.Empty<byte>(), 20, new[] { 0 });
    private readonly GitObjectReader _objects;
    private readonly Dictionary<string, RawTree> _trees = new Dictionary<string, RawTree>(StringComparer.Ordinal);
    private readonly int _cacheLimit;
    private readonly Dictionary<string, List<(TreeItem? Old, TreeItem? New)>> _levels = new Dictionary<string, List<(TreeItem? Old, TreeItem? New)>>(StringComparer.Ordinal);
    private long _cachedBytes;

    /// <param name="objects">The repository's object reader.</param>
    /// <param name="cacheLimit">How many trees to keep before the cache starts over (it also starts over past 256 MB).</param>
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
        for (var chunk = 0; chunk < pairs.Count; chunk += ChunkSize)
        {
            var level = new List<Walk>();
            for (var i = chunk; i < Math.Min(pairs.Count, chunk + ChunkSize); i++)
            {
                results[i] = new List<GitRawChange>();
                if (!string.Equals(pairs[i].OldTree, pairs[i].NewTree, StringComparison.Ordinal))
                {
                    level.Add(new Walk(i, pairs[i].OldTree, pairs[i].NewTree, Array.Empty<byte>()));
                }
            }

            while (level.Count > 0)
            {
                // A pair of folders compared before (the same approvals folder seen from a branch and
                // from its merge, say) is answered from what it gave then, without reading either tree.
                Load(level.Where(w => !_levels.ContainsKey(LevelKey(w))).SelectMany(w => new[] { w.OldTree, w.NewTree }));
                var next = new List<Walk>();
                foreach (var walk in level)
                {
                    CompareLevel(walk, results[walk.Pair], next);
                }

                level = next;
            }
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

    /// <summary>
    /// Walks both trees side by side in git's entry order (a folder's name compares as if it ended
    /// with '/'). Entries with the same name, kind, mode bytes and id are skipped without being
    /// copied; the rest become items, and those found on one side only are paired by name at the
    /// end, which also pairs a file with a folder of the same name (they sort apart) and keeps the
    /// answer right for a tree whose entries are out of order.
    /// </summary>
    private static string LevelKey(Walk walk) => (walk.OldTree ?? "-") + " " + (walk.NewTree ?? "-");

    private void CompareLevel(Walk walk, List<GitRawChange> result, List<Walk> next)
    {
        var zeroId = new string('0', (walk.OldTree ?? walk.NewTree)!.Length);
        var key = LevelKey(walk);
        if (!_levels.TryGetValue(key, out var differences))
        {
            differences = Differences(walk, zeroId.Length / 2);
            if (differences.Count <= MaxRememberedDifferences)
            {
                if (_levels.Count >= MaxRememberedLevels)
                {
                    _levels.Clear();
                }

                _levels[key] = differences;
            }
        }

        foreach (var (old, @new) in differences)
        {
            Pair(walk, old, @new, result, next, zeroId);
        }
    }

    private List<(TreeItem? Old, TreeItem? New)> Differences(Walk walk, int idBytes)
    {
        var differences = new List<(TreeItem? Old, TreeItem? New)>();
        var oldTree = walk.OldTree is null ? EmptyTree : _trees[walk.OldTree];
        var newTree = walk.NewTree is null ? EmptyTree : _trees[walk.NewTree];
        var (oldStart, oldEnd, newStart, newEnd) = ChangedRegion(oldTree, newTree);
        var old = new TreeCursor(oldTree, idBytes, oldStart, oldEnd);
        var @new = new TreeCursor(newTree, idBytes, newStart, newEnd);
        List<TreeItem>? oldOnly = null;
        List<TreeItem>? newOnly = null;
        while (!old.Done && !@new.Done)
        {
            var order = TreeCursor.CompareNames(ref old, ref @new);
            if (order == 0)
            {
                if (!TreeCursor.SameEntry(ref old, ref @new))
                {
                    differences.Add((old.Item(), @new.Item()));
                }

                old.MoveNext();
                @new.MoveNext();
            }
            else if (order < 0)
            {
                (oldOnly ??= new List<TreeItem>()).Add(old.Item());
                old.MoveNext();
            }
            else
            {
                (newOnly ??= new List<TreeItem>()).Add(@new.Item());
                @new.MoveNext();
            }
        }

        for (; !old.Done; old.MoveNext())
        {
            (oldOnly ??= new List<TreeItem>()).Add(old.Item());
        }

        for (; !@new.Done; @new.MoveNext())
        {
            (newOnly ??= new List<TreeItem>()).Add(@new.Item());
        }

        if (oldOnly is null && newOnly is null)
        {
            return differences;
        }

        var byName = new Dictionary<string, TreeItem>(StringComparer.Ordinal);
        foreach (var item in newOnly ?? new List<TreeItem>())
        {
            byName[item.Key] = item;
        }

        foreach (var item in oldOnly ?? new List<TreeItem>())
        {
            if (byName.TryGetValue(item.Key, out var match))
            {
                byName.Remove(item.Key);
            }

            differences.Add((item, match));
        }

        foreach (var item in newOnly ?? new List<TreeItem>())
        {
            if (byName.TryGetValue(item.Key, out var left) && ReferenceEquals(left, item))
            {
                differences.Add((null, item));
            }
        }

        return differences;
    }

    /// <summary>
    /// The entries of two trees that can differ, as entry indexes [start, end) on each side. The
    /// entries inside the bytes both trees start with are the same entries, and so are the entries
    /// from the first boundary inside the bytes both end with that is a boundary on both sides: a
    /// folder of thousands of files that gained two is compared over those two.
    /// </summary>
    private static (int OldStart, int OldEnd, int NewStart, int NewEnd) ChangedRegion(RawTree old, RawTree @new)
    {
        var a = old.Content;
        var b = @new.Content;
        var shorter = Math.Min(a.Length, b.Length);
        var prefix = 0;
        while (prefix + 8 <= shorter && BitConverter.ToInt64(a, prefix) == BitConverter.ToInt64(b, prefix))
        {
            prefix += 8;
        }

        while (prefix < shorter && a[prefix] == b[prefix])
        {
            prefix++;
        }

        // Entries that end within the common prefix have the same boundaries on both sides.
        var start = old.EntriesEndingBy(prefix);
        @new.StartsFrom(old, start);
        var limit = shorter - old.Starts[start];
        var suffix = 0;
        while (suffix + 8 <= limit && BitConverter.ToInt64(a, a.Length - suffix - 8) == BitConverter.ToInt64(b, b.Length - suffix - 8))
        {
            suffix += 8;
        }

        while (suffix < limit && a[a.Length - suffix - 1] == b[b.Length - suffix - 1])
        {
            suffix++;
        }

        var oldEnd = old.Count;
        var newEnd = @new.Count;
        for (var index = old.FirstStartingAt(a.Length - suffix); index < old.Count; index++)
        {
            var match = @new.IndexOfStart(old.Starts[index] + (b.Length - a.Length));
            if (match >= 0)
            {
                oldEnd = index;
                newEnd = match;
                break;
            }
        }

        return (start, Math.Max(start, oldEnd), start, Math.Max(start, newEnd));
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

        if (_trees.Count + missing.Count > _cacheLimit || _cachedBytes > CacheByteLimit)
        {
            // Starting over drops trees this level also needs: they are read again with the missing ones.
            _trees.Clear();
            _cachedBytes = 0;
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

            _trees[id] = new RawTree(bytes, id.Length / 2);
            _cachedBytes += bytes.Length;
        });
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

    /// <summary>A position in a raw tree object: "&lt;octal mode&gt; &lt;name&gt;\0&lt;raw id&gt;" entries, read in place.</summary>
    private struct TreeCursor
    {
        private const string HexDigits = "0123456789abcdef";
        private readonly byte[] _content;
        private readonly int _idBytes;
        private readonly int _end;
        private int _at;
        private int _space;
        private int _nul;
        private bool _isDirectory;

        /// <summary>A cursor over the whole of <paramref name="content"/>.</summary>
        public TreeCursor(byte[] content, int idBytes)
            : this(content, idBytes, 0, content.Length)
        {
        }

        /// <summary>A cursor over the entries of <paramref name="tree"/> from <paramref name="startEntry"/> up to, not including, <paramref name="endEntry"/>.</summary>
        public TreeCursor(RawTree tree, int idBytes, int startEntry, int endEntry)
            : this(tree.Content, idBytes, tree.Starts[startEntry], tree.Starts[endEntry])
        {
        }

        private TreeCursor(byte[] content, int idBytes, int start, int end)
        {
            _content = content;
            _idBytes = idBytes;
            _end = end;
            _at = start;
            _space = 0;
            _nul = 0;
            _isDirectory = false;
            Read();
        }

        public bool Done => _at >= _end;

        /// <summary>git's order of two entries (<c>base_name_compare</c>): a folder's name as if it ended with '/'.</summary>
        public static int CompareNames(ref TreeCursor left, ref TreeCursor right)
        {
            var leftLength = left._nul - left._space - 1;
            var rightLength = right._nul - right._space - 1;
            var common = Math.Min(leftLength, rightLength);
            for (var i = 0; i < common; i++)
            {
                var difference = left._content[left._space + 1 + i] - right._content[right._space + 1 + i];
                if (difference != 0)
                {
                    return difference;
                }
            }

            int Next(ref TreeCursor cursor, int length) =>
                length > common ? cursor._content[cursor._space + 1 + common] : cursor._isDirectory ? '/' : 0;

            return Next(ref left, leftLength) - Next(ref right, rightLength);
        }

        /// <summary>The same mode bytes and the same id (names already compared equal).</summary>
        public static bool SameEntry(ref TreeCursor left, ref TreeCursor right)
        {
            var leftMode = left._space - left._at;
            if (leftMode != right._space - right._at)
            {
                return false;
            }

            for (var i = 0; i < leftMode; i++)
            {
                if (left._content[left._at + i] != right._content[right._at + i])
                {
                    return false;
                }
            }

            for (var i = 1; i <= left._idBytes; i++)
            {
                if (left._content[left._nul + i] != right._content[right._nul + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Where each entry of <paramref name="content"/> starts, and its length last: the first
        /// <paramref name="known"/> starts taken from <paramref name="knownStarts"/>, the rest parsed.
        /// </summary>
        /// <exception cref="GitException">It is not a sequence of well-formed entries.</exception>
        public static int[] EntryStarts(byte[] content, int idBytes, int[] knownStarts, int known)
        {
            var starts = new List<int>(known + 16);
            for (var i = 0; i < known; i++)
            {
                starts.Add(knownStarts[i]);
            }

            var from = known < knownStarts.Length ? knownStarts[known] : 0;
            for (var cursor = new TreeCursor(content, idBytes, from, content.Length); !cursor.Done; cursor.MoveNext())
            {
                starts.Add(cursor._at);
            }

            starts.Add(content.Length);
            return starts.ToArray();
        }

        public void MoveNext()
        {
            _at = _nul + 1 + _idBytes;
            Read();
        }

        public TreeItem Item()
        {
            var modeText = Encoding.ASCII.GetString(_content, _at, _space - _at);
            string mode;
            try
            {
                mode = CanonicalMode(modeText);
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException || ex is OverflowException)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, $"a tree entry has mode '{modeText}'", ex);
            }

            var name = new byte[_nul - _space - 1];
            Array.Copy(_content, _space + 1, name, 0, name.Length);
            var id = new char[_idBytes * 2];
            for (var i = 0; i < _idBytes; i++)
            {
                var value = _content[_nul + 1 + i];
                id[2 * i] = HexDigits[value >> 4];
                id[(2 * i) + 1] = HexDigits[value & 0xF];
            }

            return new TreeItem(name, mode, new string(id));
        }

        private void Read()
        {
            if (Done)
            {
                return;
            }

            _space = Array.IndexOf(_content, (byte)' ', _at);
            _nul = _space < 0 ? -1 : Array.IndexOf(_content, (byte)0, _space);
            if (_space <= _at || _nul < 0 || _nul + 1 + _idBytes > _content.Length)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "a tree object is malformed");
            }

            // The file-type bits of the octal mode: 040000 is a folder.
            var mode = 0;
            for (var i = _at; i < _space; i++)
            {
                var digit = _content[i] - '0';
                if (digit < 0 || digit > 7)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "a tree object is malformed");
                }

                mode = (mode << 3) | digit;
                if (mode > 0x7FFFFF)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "a tree object is malformed");
                }
            }

            _isDirectory = (mode & 0xF000) == 0x4000;
        }
    }

    /// <summary>A tree object's bytes and where each of its entries starts (its length last).</summary>
    private sealed class RawTree
    {
        private readonly int _idBytes;
        private int[]? _starts;

        public RawTree(byte[] content, int idBytes, int[]? starts = null)
        {
            Content = content;
            _idBytes = idBytes;
            _starts = starts;
        }

        public byte[] Content { get; }

        /// <summary>Where each entry starts, and the length last; the tree is parsed (and checked) on first use.</summary>
        /// <exception cref="GitException">The tree is malformed.</exception>
        public int[] Starts => _starts ??= TreeCursor.EntryStarts(Content, _idBytes, Array.Empty<int>(), 0);

        /// <summary>
        /// Takes the first <paramref name="count"/> entry starts from <paramref name="same"/>, a tree
        /// whose bytes this one shares up to there, and parses only the rest.
        /// </summary>
        public void StartsFrom(RawTree same, int count)
        {
            _starts ??= TreeCursor.EntryStarts(Content, _idBytes, same.Starts, count);
        }

        public int Count => Starts.Length - 1;

        /// <summary>How many entries end at or before byte <paramref name="offset"/>.</summary>
        public int EntriesEndingBy(int offset)
        {
            // Entry i ends where entry i + 1 starts: the last start at or before the offset.
            var index = Array.BinarySearch(Starts, offset);
            return index >= 0 ? index : (~index) - 1;
        }

        /// <summary>The first entry that starts at or after byte <paramref name="offset"/>.</summary>
        public int FirstStartingAt(int offset)
        {
            var index = Array.BinarySearch(Starts, 0, Count, offset);
            return index >= 0 ? index : ~index;
        }

        /// <summary>The entry that starts exactly at byte <paramref name="offset"/>, or -1.</summary>
        public int IndexOfStart(int offset)
        {
            var index = Array.BinarySearch(Starts, 0, Count, offset);
            return index >= 0 ? index : -1;
        }
    }
}
