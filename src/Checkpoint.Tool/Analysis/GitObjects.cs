using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// <see cref="IGitObjects"/> through Core's git runner (neutral configuration, no replace refs):
/// one <c>git ls-tree</c> per listing, and one <c>cat-file --batch-check</c> plus one
/// <c>cat-file --batch</c> for any number of blobs.
/// </summary>
internal sealed class GitObjects : IGitObjects
{
    private readonly GitCli _git;

    public GitObjects(GitCli git)
    {
        _git = git;
    }

    public IReadOnlyList<TreeFile> ListFiles(string commit)
    {
        var result = _git.RunChecked("ls-tree", "-r", "-l", "-z", "--full-tree", "--end-of-options", commit);
        var files = new List<TreeFile>();
        foreach (var record in SplitNul(result.Output))
        {
            var tab = Array.IndexOf(record, (byte)'\t');
            var meta = tab < 0 ? Array.Empty<string>() : Encoding.ASCII.GetString(record, 0, tab).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (meta.Length != 4)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git ls-tree' output");
            }

            var path = new byte[record.Length - tab - 1];
            Array.Copy(record, tab + 1, path, 0, path.Length);
            long? size = meta[3] == "-" ? null : long.Parse(meta[3], NumberStyles.None, CultureInfo.InvariantCulture);
            files.Add(new TreeFile(new GitPath(path).Display, meta[0], meta[2], size));
        }

        return files;
    }

    public IReadOnlyDictionary<string, byte[]> ReadBlobs(IEnumerable<string> blobIds, long maxBytes)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var ids = blobIds.Where(id => id.Length > 0 && id.Trim('0').Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return contents;
        }

        var small = maxBytes == long.MaxValue ? ids : SmallBlobs(ids, maxBytes);

        if (small.Count == 0)
        {
            return contents;
        }

        var batch = _git.Run(new[] { "cat-file", "--batch" }, Encoding.ASCII.GetBytes(string.Join("\n", small) + "\n"));
        if (!batch.Succeeded)
        {
            throw GitCli.Failure(new[] { "cat-file", "--batch" }, batch);
        }

        // "<id> blob <size>\n<content>\n" per object.
        var output = batch.Output;
        var position = 0;
        while (position < output.Length)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            if (end < 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' output ended inside a header");
            }

            var header = Encoding.ASCII.GetString(output, position, end - position).Split(' ');
            if (header.Length != 3)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git cat-file --batch' header: " + string.Join(" ", header));
            }

            var size = int.Parse(header[2], NumberStyles.None, CultureInfo.InvariantCulture);
            var content = new byte[size];
            Array.Copy(output, end + 1, content, 0, size);
            contents[header[0]] = content;
            position = end + 1 + size + 1;
        }

        return contents;
    }

    private List<string> SmallBlobs(IReadOnlyList<string> ids, long maxBytes)
    {
        var check = _git.Run(new[] { "cat-file", "--batch-check" }, Encoding.ASCII.GetBytes(string.Join("\n", ids) + "\n"));
        if (!check.Succeeded)
        {
            throw GitCli.Failure(new[] { "cat-file", "--batch-check" }, check);
        }

        var small = new List<string>();
        foreach (var line in check.OutputText.Split('\n'))
        {
            var parts = line.Trim().Split(' ');
            if (parts.Length == 3 && parts[1] == "blob" && long.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture) <= maxBytes)
            {
                small.Add(parts[0]);
            }
        }

        return small;
    }

    private static List<byte[]> SplitNul(byte[] output)
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

        return records;
    }
}
