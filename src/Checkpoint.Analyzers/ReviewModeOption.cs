using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers;

/// <summary>
/// <c>checkpoint.review_mode = true</c> (global analyzer option): the analyzers also report the
/// operations that an attestation or a <c>[Destructive]</c> marking covers, as CHK008 (info), so that
/// <c>checkpoint review</c> shows a human every destructive site a change adds, removes or moves,
/// including the ones an agent attested itself. It only ever adds diagnostics: set by a branch, it
/// makes a build noisier, never quieter.
/// </summary>
internal static class ReviewModeOption
{
    public const string Key = "checkpoint.review_mode";

    public static bool IsOn(AnalyzerOptions options)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Key, out var value) &&
           string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
