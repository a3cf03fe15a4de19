using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Lists attestation attributes from the diff text. Text is enough here: the approver reads
/// them beside the operations, and the analyzers (not this list) decide whether one counts.
/// </summary>
internal static class AttestationScan
{
    private static readonly Regex AttributeUse = new Regex(
        @"\b(?<name>ApprovedBy|Destructive)(Attribute)?\s*[(\]]",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public static IReadOnlyList<AttestationChange> Find(IEnumerable<FileDiff> files)
    {
        var changes = new List<AttestationChange>();
        foreach (var file in files)
        {
            if (!file.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !file.Path.EndsWith(".vb", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Collect(file, file.Removed, "removed", changes);
            Collect(file, file.Added, "added", changes);
        }

        return changes;
    }

    private static void Collect(FileDiff file, List<DiffLine> lines, string change, List<AttestationChange> changes)
    {
        foreach (var line in lines)
        {
            var match = AttributeUse.Match(line.Text);
            if (match.Success && !line.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                changes.Add(new AttestationChange(file.Path, line.LineNumber, match.Groups["name"].Value, change, line.Text.Trim()));
            }
        }
    }
}
