using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Travis CI: in a pull request build <c>TRAVIS_BRANCH</c> is the target and <c>TRAVIS_PULL_REQUEST_BRANCH</c> the source.</summary>
public sealed class TravisCi : CiSystem
{
    public TravisCi(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "Travis CI";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "TRAVIS",
        pullRequest: new[] { "TRAVIS_PULL_REQUEST", "TRAVIS_BRANCH" },
        branch: new[] { "TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH" });

    /// <summary><c>TRAVIS_PULL_REQUEST</c> is the number, or <c>false</c> outside pull requests.</summary>
    public override bool IsPullRequest => Flag("TRAVIS_PULL_REQUEST") is not null;

    public override CiValue? PullRequestTarget => IsPullRequest ? AsBranch(First("TRAVIS_BRANCH")) : null;

    public override CiValue? SourceBranch => IsPullRequest ? AsBranch(First("TRAVIS_PULL_REQUEST_BRANCH")) : AsBranch(First("TRAVIS_BRANCH"));
}
