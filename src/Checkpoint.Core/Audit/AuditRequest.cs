using System;

namespace Checkpoint.Core.Audit;

/// <summary>What <see cref="HistoryAudit"/> audits: a protected branch's history, between two times.</summary>
public sealed class AuditRequest
{
    public AuditRequest(string workingDirectory)
    {
        WorkingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
    }

    /// <summary>Any directory inside the repository.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// The branch to audit, as <c>--base</c> names it (<c>main</c> is <c>refs/remotes/origin/main</c>;
    /// a full <c>refs/...</c> name is used as is). Null: origin's default branch, then origin/main, origin/master.
    /// </summary>
    public string? BaseRef { get; init; }

    /// <summary>Only changes that landed at or after this time (the landing commit's committer time).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only changes that landed before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The git executable; <c>git</c> on PATH when null.</summary>
    public string? GitExecutable { get; init; }
}
