using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// Where the review keeps what it derived from a merge-base (its files, restore and compiler
/// inputs): <c>$XDG_CACHE_HOME/checkpoint/review</c>, else <c>~/.cache/checkpoint/review</c>,
/// one folder per repository and merge-base. Everything in it comes from the protected branch, so
/// reusing it for another review of the same merge-base is safe; the newest few merge-bases of a
/// repository are kept.
/// </summary>
internal sealed class ReviewCache
{
    private const int MergeBasesKept = 4;

    public ReviewCache(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static ReviewCache ForEnvironment(ToolEnvironment environment)
    {
        var xdg = environment.Get("XDG_CACHE_HOME");
        var baseDirectory = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg!
            : Path.Combine(environment.HomeDirectory ?? Path.GetTempPath(), ".cache");
        return new ReviewCache(Path.Combine(baseDirectory, "checkpoint", "review"));
    }

    /// <summary>The folder for <paramref name="mergeBase"/> of the repository at <paramref name="repositoryRoot"/>.</summary>
    public string FolderFor(string repositoryRoot, string mergeBase)
    {
        using var sha = SHA256.Create();
        var key = Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(Path.GetFullPath(repositoryRoot)))).Substring(0, 16).ToLowerInvariant();
        return Path.Combine(Root, key, mergeBase);
    }

    /// <summary>Removes all but the newest merge-base folders of one repository.</summary>
    public static void Trim(string mergeBaseFolder)
    {
        var repositoryFolder = Path.GetDirectoryName(mergeBaseFolder);
        if (repositoryFolder == null || !Directory.Exists(repositoryFolder))
        {
            return;
        }

        var stale = new DirectoryInfo(repositoryFolder).GetDirectories()
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(MergeBasesKept);
        foreach (var folder in stale)
        {
            try
            {
                folder.Delete(recursive: true);
                File.Delete(folder.FullName + ".lock");
            }
            catch (IOException)
            {
                // In use by another review; the next one trims it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
