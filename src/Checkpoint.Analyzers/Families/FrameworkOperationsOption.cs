using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// The .NET-only families (recursive <c>Directory.Delete</c>, <c>Process.Start</c> of a teardown,
/// ADO.NET raw SQL) are checked in every project, including one with no cloud SDK: a deploy tool that
/// only shells out to <c>terraform destroy</c> is exactly what Checkpoint is for.
/// <c>checkpoint.framework_operations = never</c> in a <c>.globalconfig</c> turns them off for one
/// build. That switch is on the agent's side of the checkpoint, like any analyzer setting; the gate
/// is what cannot be switched off. Any other value (including the old <c>always</c>) leaves them on,
/// so a typo fails closed.
/// </summary>
internal static class FrameworkOperationsOption
{
    public const string Key = "checkpoint.framework_operations";

    public static bool IsOn(AnalyzerOptions options)
        => !(options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Key, out var value) &&
             string.Equals(value.Trim(), "never", StringComparison.OrdinalIgnoreCase));
}
