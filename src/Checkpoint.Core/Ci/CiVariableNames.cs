using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>
/// Every variable one <see cref="CiSystem"/> reads, by role. docs/msbuild.md's table of CI systems is
/// generated from these, and a test checks that a system reads no variable it does not list here.
/// </summary>
public sealed class CiVariableNames
{
    public CiVariableNames(
        string detection,
        IReadOnlyList<string>? pullRequest = null,
        IReadOnlyList<string>? branch = null,
        IReadOnlyList<string>? actors = null,
        string? refProtected = null)
    {
        Detection = detection;
        PullRequest = pullRequest ?? Array.Empty<string>();
        Branch = branch ?? Array.Empty<string>();
        Actors = actors ?? Array.Empty<string>();
        RefProtected = refProtected;
    }

    /// <summary>How the system is recognised, for example <c>GITHUB_ACTIONS</c> or <c>CI=woodpecker</c>.</summary>
    public string Detection { get; }

    /// <summary>The variables that say a build is for a pull request and name its target branch.</summary>
    public IReadOnlyList<string> PullRequest { get; }

    /// <summary>The variables that name the branch being built.</summary>
    public IReadOnlyList<string> Branch { get; }

    /// <summary>The variables that name who started the build.</summary>
    public IReadOnlyList<string> Actors { get; }

    /// <summary>The variable in which the server says whether the ref being built is protected, if the system has one.</summary>
    public string? RefProtected { get; }
}
