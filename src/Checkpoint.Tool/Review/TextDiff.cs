using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Checkpoint.Tool.Analysis;
using DiffPlex;

namespace Checkpoint.Tool.Review;

/// <summary>
/// The diff the approver reads, made here from the two blobs with DiffPlex rather than by
/// <c>git diff</c>: no <c>.gitattributes</c> of the branch (<c>-diff</c>, <c>binary</c>, a diff
/// driver, textconv) can turn a change into "binary files differ" or rewrite what is shown.
/// A file is binary only when it contains a NUL byte, and a symbolic link shows its target.
/// </summary>
internal static class TextDiff
{
    public const long MaxBytes = 8 * 1024 * 1024;

    private const int Context = 3;

    public static FileDiff Compare(ChangedEntry entry, IReadOnlyDictionary<string, byte[]> blobs)
    {
        var diff = new FileDiff(entry.Path)
        {
            IsNew = !entry.ExistsBefore,
            IsDeleted = !entry.ExistsAfter,
            NewMode = entry.ExistsAfter ? entry.NewMode : null,
        };
        if (entry.ExistsBefore && entry.ExistsAfter && entry.OldMode != entry.NewMode)
        {
            diff.ModeChange = entry.OldMode + " → " + entry.NewMode;
        }

        if (entry.OldMode == ChangedEntry.SymbolicLinkMode)
        {
            diff.OldSymlinkTarget = Decode(Content(entry.OldBlob, blobs) ?? Array.Empty<byte>());
        }

        if (entry.NewMode == ChangedEntry.SymbolicLinkMode)
        {
            diff.SymlinkTarget = Decode(Content(entry.NewBlob, blobs) ?? Array.Empty<byte>());
        }

        var old = entry.IsRegularFileBefore || entry.OldMode == ChangedEntry.SymbolicLinkMode ? Content(entry.OldBlob, blobs) : Array.Empty<byte>();
        var now = entry.IsRegularFileAfter || entry.NewMode == ChangedEntry.SymbolicLinkMode ? Content(entry.NewBlob, blobs) : Array.Empty<byte>();
        if (entry.OldMode == ChangedEntry.SubmoduleMode || entry.NewMode == ChangedEntry.SubmoduleMode)
        {
            old = Encoding.ASCII.GetBytes(entry.OldMode == ChangedEntry.SubmoduleMode ? "Subproject commit " + entry.OldBlob + "\n" : string.Empty);
            now = Encoding.ASCII.GetBytes(entry.NewMode == ChangedEntry.SubmoduleMode ? "Subproject commit " + entry.NewBlob + "\n" : string.Empty);
        }

        if (old == null || now == null || IsBinary(old) || IsBinary(now))
        {
            diff.IsBinary = true;
            diff.Unified = old == null || now == null ? $"(larger than {MaxBytes / (1024 * 1024)} MB: not shown)\n" : "(binary content: contains NUL bytes)\n";
            return diff;
        }

        Fill(diff, Decode(old), Decode(now));
        return diff;
    }

    /// <summary>Fills the added and removed lines and the unified text of two texts.</summary>
    public static void Fill(FileDiff diff, string oldText, string newText)
    {
        var result = Differ.Instance.CreateLineDiffs(WithoutFinalNewline(oldText), WithoutFinalNewline(newText), ignoreWhitespace: false);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        foreach (var block in result.DiffBlocks)
        {
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                diff.Removed.Add(new DiffLine(block.DeleteStartA + i + 1, oldLines[block.DeleteStartA + i]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                diff.Added.Add(new DiffLine(block.InsertStartB + i + 1, newLines[block.InsertStartB + i]));
            }
        }

        diff.Unified = Unified(result.DiffBlocks.Select(b => (b.DeleteStartA, b.DeleteCountA, b.InsertStartB, b.InsertCountB)).ToList(), oldLines, newLines);
    }

    private static string Unified(IReadOnlyList<(int DeleteStart, int DeleteCount, int InsertStart, int InsertCount)> blocks, IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var text = new StringBuilder();
        var index = 0;
        while (index < blocks.Count)
        {
            // Blocks closer than twice the context share one hunk.
            var last = index;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStart - (blocks[last].DeleteStart + blocks[last].DeleteCount) <= 2 * Context)
            {
                last++;
            }

            var oldStart = Math.Max(0, blocks[index].DeleteStart - Context);
            var newStart = Math.Max(0, blocks[index].InsertStart - Context);
            var oldEnd = Math.Min(oldLines.Count, blocks[last].DeleteStart + blocks[last].DeleteCount + Context);
            var newEnd = Math.Min(newLines.Count, blocks[last].InsertStart + blocks[last].InsertCount + Context);
            text.Append("@@ -").Append(oldStart + 1).Append(',').Append(oldEnd - oldStart)
                .Append(" +").Append(newStart + 1).Append(',').Append(newEnd - newStart).Append(" @@\n");
            var position = oldStart;
            for (var b = index; b <= last; b++)
            {
                for (; position < blocks[b].DeleteStart; position++)
                {
                    text.Append(' ').Append(oldLines[position]).Append('\n');
                }

                for (var i = 0; i < blocks[b].DeleteCount; i++)
                {
                    text.Append('-').Append(oldLines[blocks[b].DeleteStart + i]).Append('\n');
                }

                for (var i = 0; i < blocks[b].InsertCount; i++)
                {
                    text.Append('+').Append(newLines[blocks[b].InsertStart + i]).Append('\n');
                }

                position = blocks[b].DeleteStart + blocks[b].DeleteCount;
            }

            for (; position < oldEnd; position++)
            {
                text.Append(' ').Append(oldLines[position]).Append('\n');
            }

            index = last + 1;
        }

        return text.ToString();
    }

    // A final newline ends the last line; it is not an empty line after it.
    private static string WithoutFinalNewline(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text.Substring(0, text.Length - 2) : text.EndsWith('\n') ? text.Substring(0, text.Length - 1) : text;

    private static byte[]? Content(string blob, IReadOnlyDictionary<string, byte[]> blobs) => blobs.TryGetValue(blob, out var content) ? content : null;

    // git's own test: a NUL in the first 8000 bytes.
    private static bool IsBinary(byte[] content) => Array.IndexOf(content, (byte)0, 0, Math.Min(content.Length, 8000)) >= 0;

    private static string Decode(byte[] content) => new UTF8Encoding(false, false).GetString(content).TrimStart('\uFEFF');
}
