using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// <c>checkpoint.framework_operations = always</c> in a <c>.globalconfig</c> (or the
/// <c>[*.cs]</c> section of <c>.editorconfig</c> read as global options) makes the .NET-only
/// families (recursive <c>Directory.Delete</c>, <c>Process.Start</c> of a teardown, ADO.NET raw
/// SQL) analyse a project that has no cloud SDK, no catalogue file and no <c>[Destructive]</c>
/// member. By default they are checked only where something else already is, so such a project
/// keeps costing nothing.
/// </summary>
internal static class FrameworkOperationsOption
{
    public const string Key = "checkpoint.framework_operations";

    public static bool IsOn(AnalyzerOptions options)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Key, out var value) &&
           string.Equals(value.Trim(), "always", StringComparison.OrdinalIgnoreCase);
}
