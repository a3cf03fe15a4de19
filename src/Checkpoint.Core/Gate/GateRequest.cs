using System;
using System.Collections.Generic;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Core.Gate;

/// <summary>What the MSBuild task or <c>checkpoint verify</c> hands to <see cref="CheckpointGate.Evaluate"/>.</summary>
public sealed class GateRequest
{
    public GateRequest(string workingDirectory)
    {
        WorkingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
    }

    /// <summary>Any directory inside the working tree (the project directory, say).</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// The <c>CheckpointBaseRef</c> override: a full refname (<c>refs/remotes/origin/main</c>) or a branch
    /// of origin (<c>main</c>, <c>origin/main</c>). Ignored in CI, where the branch under review could
    /// otherwise choose its own trust root (docs/policy.md).
    /// </summary>
    public string? BaseRef { get; init; }

    /// <summary>The real process environment: CI variables, CHECKPOINT_AGENT, the CI actor.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The clock approvals and key validity windows are checked against (the CI clock).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The git executable; <c>git</c> on PATH when null. Never take it from anything the branch
    /// controls (an MSBuild property, say): a fake git could report any history it likes.
    /// </summary>
    public string? GitExecutable { get; init; }

    /// <summary>
    /// Receives one line when the evaluation ends: how long each step took and how many git
    /// processes it started. For diagnosing the gate's cost (the MSBuild task writes it at
    /// diagnostic verbosity); it never affects the verdict.
    /// </summary>
    public Action<string>? Timings { get; init; }

    /// <summary>Snapshot of the current process environment, for callers that have no other source.</summary>
    public static IReadOnlyDictionary<string, string?> CurrentEnvironment() => EnvironmentSnapshot.Current();

    /// <summary>What the resolver needs from this request, with the CI environment read from <see cref="Environment"/>.</summary>
    public ChangeRequest ToChangeRequest(CiEnvironment ci) => new ChangeRequest(WorkingDirectory, ci)
    {
        BaseRef = string.IsNullOrWhiteSpace(BaseRef) ? null : BaseRef!.Trim(),
        GitExecutable = GitExecutable,
    };
}
