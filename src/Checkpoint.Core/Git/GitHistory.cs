using System;
using System.Collections.Generic;
using System.Text;

namespace Checkpoint.Core.Git;

/// <summary>
/// A branch's history read in two steps whatever its length: one <c>git rev-list</c> for the commit
/// ids, then every commit object in one exchange over the repository's <c>cat-file --batch</c>.
/// </summary>
public static class GitHistory
{
    private const long MaxCommitBytes = 16 * 1024 * 1024;

    /// <summary>Every commit reachable from <paramref name="tip"/>, newest first, in one <c>git rev-list</c>.</summary>
    /// <exception cref="GitException">git failed, or answered with something that is not a list of ids.</exception>
    public static IReadOnlyList<string> ListCommitIds(GitRepository repository, string tip)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        if (!GitObjectReader.IsObjectId(tip ?? string.Empty))
        {
            throw new ArgumentException("the tip must be a full commit id", nameof(tip));
        }

        var result = repository.Cli.RunChecked("rev-list", "--end-of-options", tip!);
        var ids = new List<string>();
        foreach (var line in Encoding.ASCII.GetString(result.Output).Split('\n'))
        {
            var id = line.Trim();
            if (id.Length == 0)
            {
                continue;
            }

            if (!GitObjectReader.IsObjectId(id))
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "unexpected 'git rev-list' output");
            }

            ids.Add(id.ToLowerInvariant());
        }

        return ids;
    }

    /// <summary>The commit objects named by <paramref name="ids"/>, in one exchange.</summary>
    /// <exception cref="GitException">An id does not name a commit, or a commit object is malformed.</exception>
    public static IReadOnlyDictionary<string, GitCommitRecord> ReadCommits(GitObjectReader objects, IReadOnlyList<string> ids)
    {
        if (objects is null || ids is null)
        {
            throw new ArgumentNullException(objects is null ? nameof(objects) : nameof(ids));
        }

        var commits = new Dictionary<string, GitCommitRecord>(ids.Count, StringComparer.Ordinal);
        objects.ReadBlobs(ids, (id, header, content) =>
        {
            if (header is null || header.Type != "commit")
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, header is null ? $"commit {id} is missing from the repository" : $"{id} is a {header.Type}, not a commit");
            }

            if (header.Size > MaxCommitBytes)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, $"commit {id} is {header.Size} bytes; the limit is {MaxCommitBytes}");
            }

            var bytes = new byte[header.Size];
            var at = 0;
            while (at < bytes.Length)
            {
                var read = content.Read(bytes, at, bytes.Length - at);
                if (read <= 0)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' ended inside a commit");
                }

                at += read;
            }

            var record = GitCommitRecord.Parse(header.Id, bytes);
            commits[record.Id] = record;
        });
        return commits;
    }
}
