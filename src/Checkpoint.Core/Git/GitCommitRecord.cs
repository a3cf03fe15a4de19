using System;
using System.Collections.Generic;
using System.Text;

namespace Checkpoint.Core.Git;

/// <summary>
/// A commit object as stored: tree, parents, author and committer with their times, and the
/// message, parsed from the object's bytes (so a name or message can hold any byte without
/// confusing a text format). Read by <see cref="GitHistory.ReadCommits"/>.
/// </summary>
public sealed class GitCommitRecord
{
    private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(false, false);

    private GitCommitRecord(string id, string tree, IReadOnlyList<string> parents, GitIdentity author, GitIdentity committer, string message)
    {
        Id = id;
        Tree = tree;
        Parents = parents;
        Author = author;
        Committer = committer;
        Message = message;
    }

    public string Id { get; }

    public string Tree { get; }

    public IReadOnlyList<string> Parents { get; }

    public GitIdentity Author { get; }

    public GitIdentity Committer { get; }

    /// <summary>The full message, trailers included (decoded as UTF-8; invalid bytes become U+FFFD).</summary>
    public string Message { get; }

    public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;

    /// <summary>The first line of the message.</summary>
    public string Subject
    {
        get
        {
            var end = Message.IndexOf('\n');
            return (end < 0 ? Message : Message.Substring(0, end)).TrimEnd('\r');
        }
    }

    /// <summary>The same commit as the gate's <see cref="GitCommit"/>, with what it changes when known.</summary>
    public GitCommit ToCommit(IReadOnlyList<GitRawChange>? changes = null) =>
        new GitCommit(Id, Parents, Author.Name, Author.Email, Committer.Name, Committer.Email, Message, changes);

    /// <summary>Parses a commit object's bytes.</summary>
    /// <exception cref="GitException">The object is not a well-formed commit.</exception>
    public static GitCommitRecord Parse(string id, byte[] content)
    {
        if (id is null || content is null)
        {
            throw new ArgumentNullException(id is null ? nameof(id) : nameof(content));
        }

        string? tree = null;
        var parents = new List<string>();
        GitIdentity? author = null;
        GitIdentity? committer = null;
        var at = 0;
        while (at < content.Length)
        {
            var end = Array.IndexOf(content, (byte)'\n', at);
            if (end < 0)
            {
                end = content.Length;
            }

            if (end == at)
            {
                // The blank line: the message follows.
                at = end + 1;
                break;
            }

            var line = LenientUtf8.GetString(content, at, end - at);
            at = end + 1;
            if (line.StartsWith(" ", StringComparison.Ordinal))
            {
                // A continuation of a multi-line header (gpgsig, mergetag).
                continue;
            }

            if (line.StartsWith("tree ", StringComparison.Ordinal) && tree is null)
            {
                tree = RequireId(id, line.Substring(5));
            }
            else if (line.StartsWith("parent ", StringComparison.Ordinal))
            {
                parents.Add(RequireId(id, line.Substring(7)));
            }
            else if (line.StartsWith("author ", StringComparison.Ordinal) && author is null)
            {
                author = GitIdentity.Parse(line.Substring(7));
            }
            else if (line.StartsWith("committer ", StringComparison.Ordinal) && committer is null)
            {
                committer = GitIdentity.Parse(line.Substring(10));
            }
        }

        if (tree is null)
        {
            throw new GitException(GitFailureKind.UnexpectedOutput, $"commit {id} has no tree");
        }

        var message = at < content.Length ? LenientUtf8.GetString(content, at, content.Length - at) : string.Empty;
        return new GitCommitRecord(id.ToLowerInvariant(), tree, parents, author ?? GitIdentity.Unknown, committer ?? author ?? GitIdentity.Unknown, message);
    }

    public override string ToString() => ShortId + " " + Subject;

    private static string RequireId(string commit, string value)
    {
        var text = value.Trim();
        if (!GitObjectReader.IsObjectId(text))
        {
            throw new GitException(GitFailureKind.UnexpectedOutput, $"commit {commit} has a malformed header line");
        }

        return text.ToLowerInvariant();
    }
}
