using System.Collections.Generic;

namespace Checkpoint.Core.Git;

/// <summary>A commit's identities, message and changes, as read by <see cref="GitRepository.ListCommits"/>.</summary>
public sealed class GitCommit
{
    public GitCommit(string id, IReadOnlyList<string> parents, string authorName, string authorEmail, string committerName, string committerEmail, string message, IReadOnlyList<GitRawChange>? changes = null)
    {
        Id = id;
        Parents = parents;
        AuthorName = authorName;
        AuthorEmail = authorEmail;
        CommitterName = committerName;
        CommitterEmail = committerEmail;
        Message = message;
        Changes = changes;
    }

    public string Id { get; }

    public IReadOnlyList<string> Parents { get; }

    public string AuthorName { get; }

    public string AuthorEmail { get; }

    public string CommitterName { get; }

    public string CommitterEmail { get; }

    /// <summary>The full message, trailers included.</summary>
    public string Message { get; }

    /// <summary>What the commit changes against its parent; null for a merge commit (or when not read).</summary>
    public IReadOnlyList<GitRawChange>? Changes { get; }

    /// <summary>
    /// True when this is a merge of two parents whose tree is exactly git's automatic merge of them
    /// (no conflict resolved, nothing edited): an update from the base, say. Its author and committer
    /// wrote nothing in it. Set by the resolver, which checks it with <c>git merge-tree</c>.
    /// </summary>
    public bool IsAutomaticMerge { get; private set; }

    internal GitCommit AsAutomaticMerge() => new GitCommit(Id, Parents, AuthorName, AuthorEmail, CommitterName, CommitterEmail, Message, Changes) { IsAutomaticMerge = true };

    public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;
}
