using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// The .NET-only families (recursive <c>Directory.Delete</c>, <c>Process.Start</c> of a teardown,
/// ADO.NET raw SQL) are checked in every project, including one with no cloud SDK: a deploy tool that
/// only shells out to <c>terraform destroy</c> is exactly what Checkpoint is for.
/// <c>checkpoint.framework_operations = never</c> turns them off: in a <c>.globalconfig</c> for the whole
/// project, or in an <c>.editorconfig</c> section for the files it matches. That switch is on the agent's
/// side of the checkpoint, like any analyzer setting; the gate is what cannot be switched off. Any other
/// value (including the old <c>always</c>) leaves them on, so a typo fails closed.
/// </summary>
internal static class FrameworkOperationsOption
{
    public const string Key = "checkpoint.framework_operations";

    /// <summary>Off for the whole compilation (global analyzer config).</summary>
    public static bool IsOn(AnalyzerOptions options)
        => !IsNever(options.AnalyzerConfigOptionsProvider.GlobalOptions);

    /// <summary>Whether an <c>.editorconfig</c> section turns them off for one file (asked only at a site that is one).</summary>
    public static Func<SyntaxTree, bool> OffInFiles(AnalyzerOptions options, Compilation compilation)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var answers = new ConcurrentDictionary<SyntaxTree, bool>();
        return tree => answers.GetOrAdd(tree, t => IsNever(provider.GetOptions(t)));
    }

    private static bool IsNever(AnalyzerConfigOptions options)
        => options.TryGetValue(Key, out var value) && string.Equals(value.Trim(), "never", StringComparison.OrdinalIgnoreCase);
}
