using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Checkpoint.Core.Policy;

/// <summary>
/// <c>.checkpoint/revoked</c>, read from the base like the policy: approvals and keys that never
/// count again, whatever their signature and dates say. One entry per line (docs/policy.md):
/// <code>
/// approval sha256:&lt;64 hex&gt;   the SHA-256 of one manifest file's bytes
/// diff sha256:&lt;64 hex&gt;       every approval of this diff digest
/// key SHA256:&lt;43 base64&gt;     every signature by this key (ssh-keygen -lf prints it)
/// </code>
/// Blank lines and lines starting with <c>#</c> are comments; anything after the value must be a
/// comment too. Any other line fails the whole file: a list that is half understood would quietly
/// let a revoked approval count.
/// </summary>
public sealed class RevokedList
{
    public const int MaxSizeBytes = 1024 * 1024;

    private static readonly Regex Sha256Value = new Regex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyFingerprint = new Regex("^SHA256:[A-Za-z0-9+/]{43}$", RegexOptions.CultureInvariant);

    private readonly HashSet<string> _approvals;
    private readonly HashSet<string> _diffs;
    private readonly HashSet<string> _keys;

    private RevokedList(HashSet<string> approvals, HashSet<string> diffs, HashSet<string> keys)
    {
        _approvals = approvals;
        _diffs = diffs;
        _keys = keys;
    }

    /// <summary>No revocations: the base has no <c>.checkpoint/revoked</c>.</summary>
    public static RevokedList Empty { get; } = new RevokedList(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>How many entries the list has.</summary>
    public int Count => _approvals.Count + _diffs.Count + _keys.Count;

    /// <summary>Parses the file. <paramref name="sourceName"/> prefixes every error.</summary>
    /// <exception cref="RevokedListFormatException">A line is not an entry or a comment, or the file is not UTF-8 text.</exception>
    public static RevokedList Parse(byte[] content, string sourceName = CheckpointPolicy.RevokedPath)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (content.Length > MaxSizeBytes)
        {
            throw new RevokedListFormatException($"{sourceName}: file is {content.Length} bytes; the limit is {MaxSizeBytes}");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RevokedListFormatException($"{sourceName}: not UTF-8 text", ex);
        }

        var approvals = new HashSet<string>(StringComparer.Ordinal);
        var diffs = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r').Trim(' ', '\t');
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            var where = $"{sourceName}:{index + 1}";
            if (fields.Length < 2 || (fields.Length > 2 && !fields[2].StartsWith("#", StringComparison.Ordinal)))
            {
                throw new RevokedListFormatException($"{where}: expected '<approval|diff|key> <value> [# comment]', found '{Printable(line)}'");
            }

            var value = fields[1];
            switch (fields[0])
            {
                case "approval":
                    approvals.Add(Require(Sha256Value, value, where, "an approval is revoked by the SHA-256 of its manifest file: sha256: and 64 lowercase hex digits"));
                    break;
                case "diff":
                    diffs.Add(Require(Sha256Value, value, where, "a diff is revoked by its digest: sha256: and 64 lowercase hex digits"));
                    break;
                case "key":
                    keys.Add(Require(KeyFingerprint, value, where, "a key is revoked by its fingerprint as ssh-keygen -lf prints it: SHA256: and 43 base64 characters"));
                    break;
                default:
                    throw new RevokedListFormatException($"{where}: unknown kind '{Printable(fields[0])}'; expected approval, diff or key");
            }
        }

        return new RevokedList(approvals, diffs, keys);
    }

    /// <summary>True when the approval file with these bytes is revoked (by its own hash).</summary>
    public bool IsApprovalRevoked(string manifestSha256) => _approvals.Contains(manifestSha256);

    /// <summary>True when every approval of this diff digest is revoked.</summary>
    public bool IsDiffRevoked(string digest) => _diffs.Contains(digest);

    /// <summary>True when the key with this fingerprint (<c>SHA256:...</c>) is revoked.</summary>
    public bool IsKeyRevoked(string fingerprint) => _keys.Contains(fingerprint);

    private static string Require(Regex pattern, string value, string where, string expected) =>
        pattern.IsMatch(value) ? value : throw new RevokedListFormatException($"{where}: '{Printable(value)}' is not valid; {expected}");

    private static string Printable(string text)
    {
        var shown = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > 80 ? shown.Substring(0, 80) + "..." : shown;
    }
}
