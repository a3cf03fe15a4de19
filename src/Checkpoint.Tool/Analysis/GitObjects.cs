using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Checkpoint.Core.Git;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// <see cref="IGitObjects"/> through Core's batched object reader: trees and blobs come from the
/// one <c>git cat-file --batch</c> process the resolved change already runs, so a review adds no
/// git process for them.
/// </summary>
internal sealed class GitObjects : IGitObjects
{
    private readonly GitObjectReader _reader;

    public GitObjects(GitObjectReader reader)
    {
        _reader = reader;
    }

    public IReadOnlyList<TreeFile> ListFiles(string commit)
    {
        var files = new List<TreeFile>();
        var folders = new Stack<(string Tree, string Prefix)>();
        folders.Push((commit + "^{tree}", string.Empty));
        while (folders.Count > 0)
        {
            var (tree, prefix) = folders.Pop();
            var entries = _reader.ReadTree(tree, prefix) ?? throw new GitException(GitFailureKind.UnexpectedOutput, $"tree {tree} cannot be read");
            foreach (var entry in entries)
            {
                if (entry.IsDirectory)
                {
                    folders.Push((entry.ObjectId, entry.Path.Display + "/"));
                }
                else
                {
                    files.Add(new TreeFile(entry.Path.Display, entry.Mode, entry.ObjectId, entry.Size));
                }
            }
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyDictionary<string, byte[]> ReadBlobs(IEnumerable<string> blobIds, long maxBytes)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var ids = blobIds.Where(id => id.Length > 0 && id.Trim('0').Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return contents;
        }

        _reader.ReadBlobs(ids, (id, header, content) =>
        {
            if (header is { Type: "blob" } && header.Size <= maxBytes)
            {
                var bytes = new byte[header.Size];
                var read = 0;
                while (read < bytes.Length)
                {
                    var count = content.Read(bytes, read, bytes.Length - read);
                    if (count <= 0)
                    {
                        throw new EndOfStreamException($"blob {id} ended early");
                    }

                    read += count;
                }

                contents[id] = bytes;
            }
        });
        return contents;
    }
}
