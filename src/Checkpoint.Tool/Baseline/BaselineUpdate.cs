using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Checkpoint.Tool.Baseline;

/// <summary>
/// The new text of one project's <c>CheckpointBaseline.txt</c>: the entries that still match a site
/// are kept as written (comments and order too), stale ones are dropped, and the sites no entry
/// lists are appended, sorted.
/// </summary>
internal sealed class BaselineUpdate
{
    public const string FileName = "CheckpointBaseline.txt";

    private const string Header =
        "// Checkpoint baseline: call sites that existed when Checkpoint was adopted (docs/baseline.md).\n"
        + "// Listed sites are reported as suppressed; remove an entry when its site is gone or attested.\n";

    private BaselineUpdate(string? existingText, string newText, IReadOnlyList<string> added, IReadOnlyList<string> kept, IReadOnlyList<string> stale)
    {
        ExistingText = existingText;
        NewText = newText;
        Added = added;
        Kept = kept;
        Stale = stale;
    }

    /// <summary>The file as it was, or null when there was none.</summary>
    public string? ExistingText { get; }

    public string NewText { get; }

    public IReadOnlyList<string> Added { get; }

    public IReadOnlyList<string> Kept { get; }

    public IReadOnlyList<string> Stale { get; }

    public bool Changes => !string.Equals(ExistingText, NewText, StringComparison.Ordinal);

    public static BaselineUpdate For(string? existingText, ProjectSites sites)
    {
        var lines = new List<string>();
        var kept = new List<string>();
        var stale = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var text = existingText ?? string.Empty;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var key = line.Trim();
            if (key.Length == 0 || key.StartsWith("//", StringComparison.Ordinal))
            {
                lines.Add(line);
                continue;
            }

            if (!sites.All.Contains(key))
            {
                stale.Add(key);
                continue;
            }

            if (listed.Add(key))
            {
                kept.Add(key);
            }

            lines.Add(line);
        }

        // The split leaves one empty string after a final newline; the text is rebuilt with one.
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var added = sites.Unlisted.Where(k => !listed.Contains(k)).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (existingText != null && added.Count == 0 && stale.Count == 0)
        {
            return new BaselineUpdate(existingText, existingText, added, kept, stale);
        }

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var builder = new StringBuilder();
        if (existingText == null)
        {
            builder.Append(Header.Replace("\n", newline, StringComparison.Ordinal));
        }

        foreach (var line in lines.Concat(added))
        {
            builder.Append(line).Append(newline);
        }

        return new BaselineUpdate(existingText, builder.ToString(), added, kept, stale);
    }
}
