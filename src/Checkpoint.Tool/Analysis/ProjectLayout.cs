using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The SDK's default C# compile glob, applied to a file list read from git instead of a disk:
/// <c>**/*.cs</c> under the project folder, less <c>bin/</c>, <c>obj/</c>, folders whose name
/// starts with a dot, and the folders of other projects nested inside it.
/// </summary>
internal static class ProjectLayout
{
    public static bool IsProjectFile(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase);

    public static bool IsCSharpSource(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a path inside a bin/ or obj/ folder anywhere: build output, never source.</summary>
    public static bool IsBuildOutput(string path) =>
        path.Split('/').SkipLast(1).Any(part => part.Equals("bin", StringComparison.OrdinalIgnoreCase) || part.Equals("obj", StringComparison.OrdinalIgnoreCase));

    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path.Substring(0, slash + 1) : string.Empty;
    }

    /// <summary>
    /// Whether the default glob of the project in <paramref name="projectDirectory"/> (trailing
    /// slash, "" for the root) takes <paramref name="path"/>, given the folders of every project
    /// on the same side.
    /// </summary>
    public static bool IsDefaultCompileItem(string projectDirectory, string path, IReadOnlyCollection<string> projectDirectories)
    {
        if (!IsCSharpSource(path) || !path.StartsWith(projectDirectory, StringComparison.Ordinal))
        {
            return false;
        }

        var relative = path.Substring(projectDirectory.Length);
        var folders = relative.Split('/');
        if (folders.Length > 1 && (folders[0].Equals("bin", StringComparison.OrdinalIgnoreCase) || folders[0].Equals("obj", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (folders.Take(folders.Length - 1).Any(folder => folder.StartsWith(".", StringComparison.Ordinal)))
        {
            return false;
        }

        // The file belongs to the innermost project folder that contains it.
        return !projectDirectories.Any(other =>
            other.Length > projectDirectory.Length && other.StartsWith(projectDirectory, StringComparison.Ordinal) && path.StartsWith(other, StringComparison.Ordinal));
    }
}
