using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>CircleCI: it says when a build is for a pull request, but not the pull request's target.</summary>
public sealed class CircleCi : CiSystem
{
    public CircleCi(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "CircleCI";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "CIRCLECI",
        pullRequest: new[] { "CIRCLE_PULL_REQUEST" },
        branch: new[] { "CIRCLE_BRANCH" },
        actors: new[] { "CIRCLE_USERNAME" });

    public override bool IsPullRequest => Get("CIRCLE_PULL_REQUEST") is not null;

    public override CiValue? SourceBranch => AsBranch(First("CIRCLE_BRANCH"));
}
