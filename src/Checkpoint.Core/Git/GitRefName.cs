using System;

namespace Checkpoint.Core.Git;

/// <summary>git's rules for a full refname (git-check-ref-format(1)), checked without starting git.</summary>
public static class GitRefName
{
    /// <summary>True for a syntactically valid full refname such as <c>refs/remotes/origin/main</c>.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || !name!.StartsWith("refs/", StringComparison.Ordinal) || name.EndsWith("/", StringComparison.Ordinal) ||
            name.EndsWith(".", StringComparison.Ordinal) || name.Contains("..") || name.Contains("@{") || name.Contains("//") || name == "@")
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c < 0x20 || c == 0x7f || c == ' ' || c == '~' || c == '^' || c == ':' || c == '?' || c == '*' || c == '[' || c == '\\')
            {
                return false;
            }
        }

        foreach (var component in name.Split('/'))
        {
            if (component.Length == 0 || component.StartsWith(".", StringComparison.Ordinal) || component.EndsWith(".lock", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
