using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Azure Pipelines (learn.microsoft.com, "Predefined variables").</summary>
public sealed class AzurePipelines : CiSystem
{
    public AzurePipelines(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Azure Pipelines";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "TF_BUILD",
        pullRequest: new[] { "SYSTEM_PULLREQUEST_TARGETBRANCH" },
        branch: new[] { "SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH" },
        actors: new[] { "BUILD_REQUESTEDFOR", "BUILD_REQUESTEDFOREMAIL" });

    public override CiValue? PullRequestTarget => AsBranch(First("SYSTEM_PULLREQUEST_TARGETBRANCH"));

    /// <summary><c>BUILD_SOURCEBRANCH</c> is <c>refs/pull/N/merge</c> in pull request builds and <c>refs/tags/...</c> for tags: neither is a branch.</summary>
    public override CiValue? SourceBranch => AsBranch(First("SYSTEM_PULLREQUEST_SOURCEBRANCH")) ?? AsBranch(First("BUILD_SOURCEBRANCH"));
}
