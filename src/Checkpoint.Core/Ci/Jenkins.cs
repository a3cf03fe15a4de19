using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Jenkins, with the multibranch pipeline's change variables for pull requests.</summary>
public sealed class Jenkins : CiSystem
{
    public Jenkins(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Jenkins";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "JENKINS_URL",
        pullRequest: new[] { "CHANGE_ID", "CHANGE_TARGET" },
        branch: new[] { "CHANGE_BRANCH", "BRANCH_NAME" },
        actors: new[] { "CHANGE_AUTHOR", "CHANGE_AUTHOR_EMAIL" });

    public override CiValue? PullRequestTarget => Get("CHANGE_ID") is null ? null : AsBranch(First("CHANGE_TARGET"));

    public override bool IsPullRequest => Get("CHANGE_ID") is not null;

    /// <summary>In a pull request build <c>BRANCH_NAME</c> is the job's name (<c>PR-12</c>); the source branch is <c>CHANGE_BRANCH</c>.</summary>
    public override CiValue? SourceBranch => IsPullRequest ? AsBranch(First("CHANGE_BRANCH")) : AsBranch(First("BRANCH_NAME"));
}
