namespace Checkpoint.Core.Git;

/// <summary>Why a git command could not give the gate an answer.</summary>
public enum GitFailureKind
{
    /// <summary>The git executable could not be started.</summary>
    GitMissing,

    /// <summary>The directory is not inside a git working tree.</summary>
    NotARepository,

    /// <summary>git refused the repository because another user owns it (<c>safe.directory</c>).</summary>
    UnsafeDirectory,

    /// <summary>git ran and exited with an error.</summary>
    CommandFailed,

    /// <summary>git printed something the gate cannot parse.</summary>
    UnexpectedOutput,
}
