using System;
using Checkpoint.Core.Ci;

namespace Checkpoint.Core.Resolution;

/// <summary>What <see cref="ChangeResolver"/> needs to resolve the change checked out in a working tree.</summary>
public sealed class ChangeRequest
{
    public ChangeRequest(string workingDirectory, CiEnvironment ci)
    {
        WorkingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
        Ci = ci ?? throw new ArgumentNullException(nameof(ci));
    }

    /// <summary>Any directory inside the working tree.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The CI environment: it names the pull request's target and the branch, and whether overrides count.</summary>
    public CiEnvironment Ci { get; }

    /// <summary>A base override (<c>CheckpointBaseRef</c>, <c>--base</c>); ignored in CI (docs/policy.md).</summary>
    public string? BaseRef { get; init; }

    /// <summary>
    /// How the user set <see cref="BaseRef"/>, for messages: <c>CheckpointBaseRef</c> in a build,
    /// <c>--base</c> in the tool, so each names the setting its user can change.
    /// </summary>
    public string BaseRefSetting { get; init; } = "CheckpointBaseRef";

    /// <summary>The git executable; <c>git</c> on PATH when null. Never from anything the branch controls.</summary>
    public string? GitExecutable { get; init; }
}
