using System;

namespace Checkpoint.Core.Git;

/// <summary>A git command failed; <see cref="Exception.Message"/> is one line naming the command and git's reason.</summary>
public sealed class GitException : Exception
{
    public GitException(GitFailureKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public GitException(GitFailureKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public GitFailureKind Kind { get; }
}
