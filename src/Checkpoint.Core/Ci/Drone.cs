using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Drone: <c>DRONE_TARGET_BRANCH</c> is set for pushes too, so only <c>DRONE_PULL_REQUEST</c> makes it a pull request's target.</summary>
public sealed class Drone : CiSystem
{
    public Drone(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Drone";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "DRONE",
        pullRequest: new[] { "DRONE_PULL_REQUEST", "DRONE_TARGET_BRANCH" },
        branch: new[] { "DRONE_SOURCE_BRANCH", "DRONE_BRANCH", "DRONE_TAG" });

    public override bool IsPullRequest => Get("DRONE_PULL_REQUEST") is not null;

    public override CiValue? PullRequestTarget => IsPullRequest ? AsBranch(First("DRONE_TARGET_BRANCH")) : null;

    /// <summary>For a tag event <c>DRONE_BRANCH</c> may hold a branch the tag is not on; a tag build names no branch.</summary>
    public override CiValue? SourceBranch =>
        IsPullRequest ? AsBranch(First("DRONE_SOURCE_BRANCH")) : Get("DRONE_TAG") is null ? AsBranch(First("DRONE_BRANCH")) : null;
}
