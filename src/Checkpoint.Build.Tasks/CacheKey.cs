using System;
using System.IO;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// The key under which a verdict is registered for the rest of the build: repository root,
/// HEAD and base, as in dotnet/sourcelink's RepositoryTask. Reading two small files is enough to
/// tell repositories apart; all real git work stays in <c>CheckpointGate.Evaluate</c>.
/// </summary>
internal static class CacheKey
{
    private const string Prefix = "Checkpoint.Build.Tasks.CheckpointGate:";

    public static string For(string directory, string? baseRef)
    {
        var gitEntry = FindGitEntry(directory);
        var head = gitEntry == null ? string.Empty : ReadHead(gitEntry);
        return Prefix + (gitEntry ?? "(no repository)") + "|" + head + "|" + (baseRef ?? string.Empty).Trim();
    }

    private static string? FindGitEntry(string directory)
    {
        for (var current = Path.GetFullPath(directory); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, ".git");
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string ReadHead(string gitEntry)
    {
        try
        {
            var gitDirectory = gitEntry;
            if (File.Exists(gitEntry))
            {
                // A worktree or submodule: ".git" is a file that says "gitdir: <path>".
                var pointer = File.ReadAllText(gitEntry).Trim();
                const string GitDirPrefix = "gitdir:";
                if (!pointer.StartsWith(GitDirPrefix, StringComparison.Ordinal))
                {
                    return pointer;
                }

                var target = pointer.Substring(GitDirPrefix.Length).Trim();
                gitDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(gitEntry) ?? string.Empty, target));
            }

            var headPath = Path.Combine(gitDirectory, "HEAD");
            return File.Exists(headPath) ? File.ReadAllText(headPath).Trim() : string.Empty;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            // The key only separates repositories; Evaluate reports an unreadable repository.
            return string.Empty;
        }
    }
}
