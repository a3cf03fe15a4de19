using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Buildkite (buildkite.com, "Environment variables").</summary>
public sealed class Buildkite : CiSystem
{
    public Buildkite(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Buildkite";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "BUILDKITE",
        pullRequest: new[] { "BUILDKITE_PULL_REQUEST", "BUILDKITE_PULL_REQUEST_BASE_BRANCH" },
        branch: new[] { "BUILDKITE_BRANCH" },
        actors: new[] { "BUILDKITE_BUILD_CREATOR", "BUILDKITE_BUILD_CREATOR_EMAIL" });

    /// <summary><c>BUILDKITE_PULL_REQUEST</c> is the number, or <c>false</c> outside pull requests.</summary>
    public override bool IsPullRequest => Flag("BUILDKITE_PULL_REQUEST") is not null;

    public override CiValue? PullRequestTarget => IsPullRequest ? AsBranch(First("BUILDKITE_PULL_REQUEST_BASE_BRANCH")) : null;

    public override CiValue? SourceBranch => AsBranch(First("BUILDKITE_BRANCH"));
}
