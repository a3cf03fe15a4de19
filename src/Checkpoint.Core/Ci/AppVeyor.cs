using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>AppVeyor: in a pull request build <c>APPVEYOR_REPO_BRANCH</c> is the target branch.</summary>
public sealed class AppVeyor : CiSystem
{
    public AppVeyor(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "AppVeyor";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "APPVEYOR",
        pullRequest: new[] { "APPVEYOR_PULL_REQUEST_NUMBER", "APPVEYOR_REPO_BRANCH" },
        branch: new[] { "APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH", "APPVEYOR_REPO_BRANCH" });

    public override bool IsPullRequest => Get("APPVEYOR_PULL_REQUEST_NUMBER") is not null;

    public override CiValue? PullRequestTarget => IsPullRequest ? AsBranch(First("APPVEYOR_REPO_BRANCH")) : null;

    public override CiValue? SourceBranch => IsPullRequest ? AsBranch(First("APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH")) : AsBranch(First("APPVEYOR_REPO_BRANCH"));
}
