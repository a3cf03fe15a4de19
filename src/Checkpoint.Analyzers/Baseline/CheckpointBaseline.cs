using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Analyzers.Baseline;

/// <summary>
/// The call sites a team accepted when it adopted Checkpoint, read from the AdditionalFile
/// <c>CheckpointBaseline.txt</c>: one <see cref="BaselineKey"/> a line, <c>//</c> comments and
/// blank lines allowed. Listed sites are reported as suppressed; everything else still fails.
/// </summary>
internal sealed class CheckpointBaseline
{
    public const string FileName = "CheckpointBaseline.txt";

    private readonly Dictionary<string, Location> _entries;

    private CheckpointBaseline(Dictionary<string, Location> entries)
    {
        _entries = entries;
    }

    /// <summary>Every entry with the place it is written, for the stale-entry diagnostic.</summary>
    public IReadOnlyDictionary<string, Location> Entries => _entries;

    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>True when the compilation has a baseline file at all: the cheap check before any work.</summary>
    public static bool IsPresent(AnalyzerOptions options)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (IsBaselineFile(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads every baseline file of the compilation; null when there is none.</summary>
    public static CheckpointBaseline? Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        Dictionary<string, Location>? entries = null;
        foreach (var file in files)
        {
            if (!IsBaselineFile(file.Path) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            entries ??= new Dictionary<string, Location>(StringComparer.Ordinal);
            foreach (var line in text.Lines)
            {
                var content = line.ToString();
                var key = content.Trim();
                if (key.Length == 0 || key.StartsWith("//", StringComparison.Ordinal) || entries.ContainsKey(key))
                {
                    continue;
                }

                var start = line.Start + content.IndexOf(key, StringComparison.Ordinal);
                var span = new TextSpan(start, key.Length);
                entries.Add(key, Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)));
            }
        }

        return entries is null ? null : new CheckpointBaseline(entries);
    }

    public static bool IsBaselineFile(string path)
        => string.Equals(Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);
}
