using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>GitLab CI/CD (docs.gitlab.com, "Predefined CI/CD variables").</summary>
public sealed class GitLabCi : CiSystem
{
    public GitLabCi(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "GitLab CI/CD";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "GITLAB_CI",
        pullRequest: new[] { "CI_MERGE_REQUEST_TARGET_BRANCH_NAME" },
        branch: new[] { "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_COMMIT_TAG" },
        actors: new[] { "GITLAB_USER_LOGIN", "GITLAB_USER_EMAIL", "GITLAB_USER_NAME" },
        refProtected: "CI_COMMIT_REF_PROTECTED");

    public override CiValue? PullRequestTarget => AsBranch(First("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"));

    /// <summary>In a tag pipeline <c>CI_COMMIT_REF_NAME</c> is the tag (and <c>CI_COMMIT_TAG</c> is set): not a branch.</summary>
    public override CiValue? SourceBranch =>
        AsBranch(First("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH"))
        ?? (Get("CI_COMMIT_TAG") is null ? AsBranch(First("CI_COMMIT_REF_NAME")) : null);

    /// <summary>True when the job runs for a protected branch or tag.</summary>
    public override bool? RefProtected => Boolean("CI_COMMIT_REF_PROTECTED");
}
