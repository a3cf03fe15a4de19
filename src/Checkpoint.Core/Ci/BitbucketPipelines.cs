using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Bitbucket Pipelines (support.atlassian.com, "Variables and secrets").</summary>
public sealed class BitbucketPipelines : CiSystem
{
    public BitbucketPipelines(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Bitbucket Pipelines";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "BITBUCKET_BUILD_NUMBER",
        pullRequest: new[] { "BITBUCKET_PR_ID", "BITBUCKET_PR_DESTINATION_BRANCH" },
        branch: new[] { "BITBUCKET_BRANCH" });

    public override bool IsPullRequest => Get("BITBUCKET_PR_ID") is not null;

    public override CiValue? PullRequestTarget => IsPullRequest ? AsBranch(First("BITBUCKET_PR_DESTINATION_BRANCH")) : null;

    public override CiValue? SourceBranch => AsBranch(First("BITBUCKET_BRANCH"));
}
