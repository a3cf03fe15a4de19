using System.Collections.Generic;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// A C# project of the merge-base as its own build evaluated it: the compiler command line the
/// SDK would run (references, options, source files) for one target framework.
/// </summary>
/// <param name="Path">The project file, repository-relative.</param>
/// <param name="TargetFramework">The framework analyzed; for a multi-targeted project the first one it lists.</param>
/// <param name="TargetFrameworks">Every framework the project lists (empty when it has one).</param>
/// <param name="OutputPaths">Where the project's assembly and reference assembly would be built: other projects reference these.</param>
/// <param name="Arguments">The csc arguments (CscCommandLineArgs) of the merge-base's design-time build.</param>
internal sealed record BaseProject(
    string Path,
    string TargetFramework,
    IReadOnlyList<string> TargetFrameworks,
    string AssemblyName,
    IReadOnlyList<string> OutputPaths,
    IReadOnlyList<string> Arguments)
{
    /// <summary>The folder of the project file, repository-relative with a trailing slash ("" at the root).</summary>
    public string Directory => Path.LastIndexOf('/') is var slash && slash >= 0 ? Path.Substring(0, slash + 1) : string.Empty;
}
