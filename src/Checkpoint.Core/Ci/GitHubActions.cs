using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>GitHub Actions (docs.github.com, "Variables reference").</summary>
public sealed class GitHubActions : CiSystem
{
    public GitHubActions(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "GitHub Actions";

    public override CiVariableNames Variables { get; } = new CiVariableNames(
        "GITHUB_ACTIONS",
        pullRequest: new[] { "GITHUB_BASE_REF" },
        branch: new[] { "GITHUB_HEAD_REF", "GITHUB_REF_NAME", "GITHUB_REF_TYPE" },
        actors: new[] { "GITHUB_ACTOR", "GITHUB_TRIGGERING_ACTOR" },
        refProtected: "GITHUB_REF_PROTECTED");

    /// <summary>Set for <c>pull_request</c> and <c>pull_request_target</c> events only.</summary>
    public override CiValue? PullRequestTarget => AsBranch(First("GITHUB_BASE_REF"));

    /// <summary>
    /// The pull request's head branch, else <c>GITHUB_REF_NAME</c> when it names a branch. For a tag
    /// build (<c>GITHUB_REF_TYPE=tag</c>) it names the tag, which is not a branch.
    /// </summary>
    public override CiValue? SourceBranch
    {
        get
        {
            if (First("GITHUB_HEAD_REF") is CiValue head)
            {
                return AsBranch(head);
            }

            var type = Get("GITHUB_REF_TYPE");
            return type is null || string.Equals(type, "branch", StringComparison.Ordinal) ? AsBranch(First("GITHUB_REF_NAME")) : null;
        }
    }

    /// <summary>True when branch protection or a ruleset covers the ref that started the run.</summary>
    public override bool? RefProtected => Boolean("GITHUB_REF_PROTECTED");
}
