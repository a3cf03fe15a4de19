using System;
using System.IO;

namespace Checkpoint.Build.Tasks
{
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
            string? gitEntry = FindGitEntry(directory);
            string head = gitEntry == null ? string.Empty : ReadHead(gitEntry);
            return Prefix + (gitEntry ?? "(no repository)") + "|" + head + "|" + (baseRef ?? string.Empty).Trim();
        }

        private static string? FindGitEntry(string directory)
        {
            for (string? current = Path.GetFullPath(directory); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
            {
                string candidate = Path.Combine(current, ".git");
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
                string gitDirectory = gitEntry;
                if (File.Exists(gitEntry))
                {
                    // A worktree or submodule: ".git" is a file that says "gitdir: <path>".
                    string pointer = File.ReadAllText(gitEntry).Trim();
                    const string GitDirPrefix = "gitdir:";
                    if (!pointer.StartsWith(GitDirPrefix, StringComparison.Ordinal))
                    {
                        return pointer;
                    }

                    string target = pointer.Substring(GitDirPrefix.Length).Trim();
                    gitDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(gitEntry) ?? string.Empty, target));
                }

                string headPath = Path.Combine(gitDirectory, "HEAD");
                return File.Exists(headPath) ? File.ReadAllText(headPath).Trim() : string.Empty;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The key only separates repositories; Evaluate reports an unreadable repository.
                return string.Empty;
            }
        }
    }
}
