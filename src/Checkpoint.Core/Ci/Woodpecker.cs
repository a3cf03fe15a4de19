using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Woodpecker CI, which says so with <c>CI=woodpecker</c>.</summary>
public sealed class Woodpecker : CiSystem
{
    public Woodpecker(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Woodpecker CI";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "CI=woodpecker",
        pullRequest: new[] { "CI_PIPELINE_EVENT", "CI_COMMIT_TARGET_BRANCH" },
        branch: new[] { "CI_COMMIT_SOURCE_BRANCH", "CI_COMMIT_BRANCH", "CI_COMMIT_TAG" });

    public override CiValue? Detected =>
        string.Equals(Get("CI"), "woodpecker", StringComparison.Ordinal) ? new CiValue("CI", "woodpecker") : null;

    public override bool IsPullRequest => Get("CI_PIPELINE_EVENT") is string e && e.StartsWith("pull_request", StringComparison.Ordinal);

    public override CiValue? PullRequestTarget => IsPullRequest ? AsBranch(First("CI_COMMIT_TARGET_BRANCH")) : null;

    public override CiValue? SourceBranch =>
        IsPullRequest ? AsBranch(First("CI_COMMIT_SOURCE_BRANCH")) : Get("CI_COMMIT_TAG") is null ? AsBranch(First("CI_COMMIT_BRANCH")) : null;
}
