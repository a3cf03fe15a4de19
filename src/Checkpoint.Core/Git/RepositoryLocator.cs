using System;
using System.IO;

namespace Checkpoint.Core.Git;

/// <summary>
/// Finds the working tree a directory belongs to by looking for a <c>.git</c> entry (a folder, or the
/// file a worktree or submodule has) at or above it. The MSBuild task groups projects by this root
/// and the gate opens git there, so the two always agree on what "the repository" is; git itself
/// then confirms it (<see cref="GitRepository.Open"/>).
/// </summary>
public static class RepositoryLocator
{
    /// <summary>
    /// The nearest directory at or above <paramref name="directory"/> with a <c>.git</c> entry; null
    /// when there is none. Where the walk cannot look further (a folder it may not read), it stops
    /// there and returns that folder, so that git, not a guess, decides.
    /// </summary>
    public static string? Find(string directory)
    {
        string? current;
        try
        {
            current = Path.GetFullPath(directory);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is IOException || ex is UnauthorizedAccessException)
        {
            return null;
        }

        for (; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            try
            {
                var candidate = Path.Combine(current, ".git");
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return current;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return current;
            }
        }

        return null;
    }
}
