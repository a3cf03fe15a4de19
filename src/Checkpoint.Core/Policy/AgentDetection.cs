using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Policy;

/// <summary>
/// Decides whether a branch was made by a coding agent, and says which signal matched. Every
/// signal can be forged or left out by whoever controls the branch; scope <c>all-branches</c>
/// exists for that reason (docs/policy.md).
/// </summary>
public static class AgentDetection
{
    private static readonly Regex CoAuthor = new Regex(
        @"^\s*Co-authored-by:\s*(?<name>[^<]*?)\s*<(?<email>[^>]*)>\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly string[] GeneratedMarkers =
    {
        "Generated with Claude Code",
        "Generated with [Claude Code]",
    };

    /// <summary>The first agent signal found, as a sentence; null when none matched.</summary>
    public static string? Detect(CheckpointPolicy policy, string? branch, CiEnvironment ci, IReadOnlyList<GitCommit> commits)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (ci is null)
        {
            throw new ArgumentNullException(nameof(ci));
        }

        if (branch != null)
        {
            foreach (var prefix in policy.AgentBranchPrefixes)
            {
                if (branch.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return $"branch '{branch}' matches agent prefix '{prefix}'";
                }
            }
        }

        if (ci.AgentDeclared)
        {
            return CiEnvironment.AgentVariable + " is set";
        }

        foreach (var actor in ci.Actors)
        {
            var pattern = MatchAny(policy.AgentActors, actor.Value) ?? MatchAny(policy.AgentIdentities, actor.Value);
            if (pattern != null)
            {
                return $"CI actor {actor.Key}='{actor.Value}' matches agent identity '{pattern}'";
            }
        }

        foreach (var commit in commits ?? Array.Empty<GitCommit>())
        {
            var signal = CommitSignal(policy, commit);
            if (signal != null)
            {
                return $"commit {commit.ShortId} {signal}";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="commit"/> looks agent-made, or null.</summary>
    public static string? CommitSignal(CheckpointPolicy policy, GitCommit commit)
    {
        if (policy is null || commit is null)
        {
            return null;
        }

        if (MatchIdentity(policy, commit.AuthorName, commit.AuthorEmail) is string author)
        {
            return $"has author '{commit.AuthorName} <{commit.AuthorEmail}>' matching agent identity '{author}'";
        }

        if (MatchIdentity(policy, commit.CommitterName, commit.CommitterEmail) is string committer)
        {
            return $"has committer '{commit.CommitterName} <{commit.CommitterEmail}>' matching agent identity '{committer}'";
        }

        foreach (Match match in CoAuthor.Matches(commit.Message))
        {
            var name = match.Groups["name"].Value;
            var email = match.Groups["email"].Value;
            if (MatchIdentity(policy, name, email) is string trailer)
            {
                return $"has trailer 'Co-authored-by: {name} <{email}>' matching agent identity '{trailer}'";
            }
        }

        foreach (var marker in GeneratedMarkers)
        {
            if (commit.Message.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return $"says '{marker}'";
            }
        }

        return null;
    }

    private static string? MatchIdentity(CheckpointPolicy policy, string name, string email) =>
        MatchAny(policy.AgentIdentities, email) ?? MatchAny(policy.AgentIdentities, name);

    private static string? MatchAny(IEnumerable<string> patterns, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return patterns.FirstOrDefault(p => Glob.IsMatch(p, value.Trim(), ignoreCase: true));
    }
}
