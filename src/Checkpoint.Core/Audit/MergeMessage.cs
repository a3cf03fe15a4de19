using System;
using System.Text.RegularExpressions;

namespace Checkpoint.Core.Audit;

/// <summary>
/// The branch a merge commit's message names, in the forms git, GitHub and GitLab write. Only a
/// hint for agent detection: whoever merges can write any message, and a squash or rebase merge
/// names no branch at all.
/// </summary>
internal static class MergeMessage
{
    private static readonly Regex PullRequest = new Regex(
        @"^Merge pull request #\d+ from [^/\s]+/(?<branch>\S+)",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex Branch = new Regex(
        @"^Merge (?<remote>remote-tracking )?branch '(?<branch>[^']+)'",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>The merged branch's name, or null when the subject names none.</summary>
    public static string? BranchName(string subject)
    {
        if (subject is null)
        {
            return null;
        }

        var pull = PullRequest.Match(subject);
        if (pull.Success)
        {
            return pull.Groups["branch"].Value;
        }

        var merge = Branch.Match(subject);
        if (!merge.Success)
        {
            return null;
        }

        var name = merge.Groups["branch"].Value;
        if (merge.Groups["remote"].Success)
        {
            // "origin/copilot/fix": the remote's name comes first.
            var slash = name.IndexOf('/');
            name = slash < 0 ? name : name.Substring(slash + 1);
        }

        return name.Length == 0 ? null : name;
    }
}
