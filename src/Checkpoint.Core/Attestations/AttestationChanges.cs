using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Attestations;

/// <summary>
/// The <c>[ApprovedBy]</c> attestations a change adds or changes: those in the new side of a changed
/// <c>.cs</c> file that the old side does not have with the same tokens. An attestation moved to
/// another file, or edited in any way, counts as added. Only these need the signatures they name:
/// attestations merged with earlier, approved changes were bound then.
/// </summary>
public sealed class AttestationChanges
{
    /// <summary>Larger .cs files are not read; the gate fails closed on them.</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public AttestationChanges(IReadOnlyList<SourceAttestation> added)
    {
        Added = added ?? throw new ArgumentNullException(nameof(added));
    }

    public static AttestationChanges None { get; } = new AttestationChanges(Array.Empty<SourceAttestation>());

    /// <summary>Added or changed attestations, readable or not, in path and line order.</summary>
    public IReadOnlyList<SourceAttestation> Added { get; }

    /// <summary>The readable ones: each names a principal who must sign.</summary>
    public IEnumerable<SourceAttestation> Readable => Added.Where(a => a.IsReadable);

    /// <summary>The ones the gate cannot read; each fails a gated build.</summary>
    public IEnumerable<SourceAttestation> Unreadable => Added.Where(a => !a.IsReadable);

    /// <summary>The distinct principals the readable attestations name (compared ignoring case, as approvers are counted).</summary>
    public IReadOnlyList<string> Principals => Readable.Select(a => a.Approver!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The attestations <paramref name="newText"/> adds or changes against <paramref name="oldText"/> (null: the file is new).</summary>
    public static IReadOnlyList<SourceAttestation> Compare(string path, string? oldText, string newText)
    {
        var before = oldText is null ? new List<string>() : AttestationReader.Read(path, oldText).Select(a => a.Key).ToList();
        var added = new List<SourceAttestation>();
        foreach (var attestation in AttestationReader.Read(path, newText))
        {
            // A multiset difference: the same attestation written twice where it was once is one more.
            if (!before.Remove(attestation.Key))
            {
                added.Add(attestation);
            }
        }

        return added;
    }

    /// <summary>Reads both sides of every changed <c>.cs</c> file through the object reader (no new git process).</summary>
    public static AttestationChanges Read(GitObjectReader objects, IReadOnlyList<DiffEntry> entries)
    {
        if (objects is null || entries is null)
        {
            throw new ArgumentNullException(objects is null ? nameof(objects) : nameof(entries));
        }

        var files = entries
            .Where(e => !e.IsApproval && IsRegularFile(e.NewMode) && e.Path.Display.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (files.Count == 0)
        {
            return None;
        }

        var names = new List<string>();
        foreach (var file in files)
        {
            names.Add(file.NewObjectId);
            if (HasOldBlob(file))
            {
                names.Add(file.OldObjectId);
            }
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        objects.ReadBlobs(names.Distinct(StringComparer.Ordinal).ToList(), (name, header, content) =>
        {
            if (header is null)
            {
                problems[name] = "its blob is missing";
            }
            else if (header.Size > MaxFileBytes)
            {
                problems[name] = $"it is {header.Size} bytes, more than the {MaxFileBytes} the gate reads";
            }
            else
            {
                var bytes = new byte[header.Size];
                var read = 0;
                while (read < bytes.Length && content.Read(bytes, read, bytes.Length - read) is var n && n > 0)
                {
                    read += n;
                }

                if (read != bytes.Length)
                {
                    throw new InvalidDataException($"git ended blob {name} early");
                }

                if (Decode(bytes) is string text)
                {
                    texts[name] = text;
                }
                else
                {
                    problems[name] = "it is not text (it has NUL characters)";
                }
            }
        });

        var added = new List<SourceAttestation>();
        foreach (var file in files)
        {
            var path = file.Path.Display;
            var hasOld = HasOldBlob(file);
            var problem = problems.TryGetValue(file.NewObjectId, out var p) ? p : hasOld && problems.TryGetValue(file.OldObjectId, out var q) ? q : null;
            if (problem != null)
            {
                added.Add(new SourceAttestation(path, 0, null, $"the gate cannot read the file: {problem}", path));
                continue;
            }

            added.AddRange(Compare(path, hasOld ? texts[file.OldObjectId] : null, texts[file.NewObjectId]));
        }

        return new AttestationChanges(added);
    }

    /// <summary>The text as the compiler would read it: UTF-8 unless a byte order mark says otherwise; null when it holds NUL characters.</summary>
    internal static string? Decode(byte[] bytes)
    {
        string text;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            text = Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else
        {
            var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            text = Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip);
        }

        return text.IndexOf('\0') >= 0 ? null : text;
    }

    private static bool HasOldBlob(DiffEntry file) => IsRegularFile(file.OldMode) && file.OldObjectId.Trim('0').Length > 0;

    private static bool IsRegularFile(string mode) => mode == "100644" || mode == "100755";
}
