using System.Collections.Generic;

namespace Checkpoint.Core.Git;

/// <summary>A commit's identities and message, as read by <see cref="GitRepository.ListCommits"/>.</summary>
public sealed class GitCommit
{
    public GitCommit(string id, IReadOnlyList<string> parents, string authorName, string authorEmail, string committerName, string committerEmail, string message)
    {
        Id = id;
        Parents = parents;
        AuthorName = authorName;
        AuthorEmail = authorEmail;
        CommitterName = committerName;
        CommitterEmail = committerEmail;
        Message = message;
    }

    public string Id { get; }

    public IReadOnlyList<string> Parents { get; }

    public string AuthorName { get; }

    public string AuthorEmail { get; }

    public string CommitterName { get; }

    public string CommitterEmail { get; }

    /// <summary>The full message, trailers included.</summary>
    public string Message { get; }

    public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;
}
