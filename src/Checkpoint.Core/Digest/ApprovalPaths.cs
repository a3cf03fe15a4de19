using System;
using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Digest;

/// <summary>
/// What an approval file is, for the digest (docs/diff-digest.md, "Left out"): a regular file
/// (mode 100644) directly in <c>.checkpoint/approvals/</c> named <c>*.json</c> or <c>*.json.sig</c>.
/// Only additions and modifications of such files are left out of the digest, because approvals are
/// committed after the diff they approve. Everything else in that folder (a subfolder, a symlink, an
/// executable, another name), and deleting or changing the type of an approval file, is part of the
/// digest and of the review like any other change.
/// </summary>
public static class ApprovalPaths
{
    /// <summary>The folder approvals live in.</summary>
    public const string Directory = ".checkpoint/approvals";

    /// <summary>The mode of a regular, non-executable file.</summary>
    public const string RegularFileMode = "100644";

    /// <summary>The mode git prints for a side where the path does not exist.</summary>
    public const string AbsentMode = "000000";

    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes(Directory + "/");

    /// <summary>True for a path directly in <see cref="Directory"/> whose name ends with <c>.json</c> or <c>.json.sig</c>.</summary>
    public static bool IsApprovalName(GitPath path)
    {
        if (path is null || !path.StartsWith(Prefix) || path.Length == Prefix.Length)
        {
            return false;
        }

        var name = path.Bytes;
        for (var i = Prefix.Length; i < name.Length; i++)
        {
            if (name[i] == (byte)'/')
            {
                return false;
            }
        }

        return EndsWith(name, ".json") || EndsWith(name, ".json.sig");
    }

    /// <summary>
    /// True when a change is left out of the digest: it adds or modifies a regular approval file,
    /// and the path was absent or a regular approval file before.
    /// </summary>
    public static bool IsLeftOut(GitPath path, string oldMode, string newMode) =>
        IsApprovalName(path)
        && string.Equals(newMode, RegularFileMode, StringComparison.Ordinal)
        && (string.Equals(oldMode, RegularFileMode, StringComparison.Ordinal) || string.Equals(oldMode, AbsentMode, StringComparison.Ordinal));

    /// <summary>True for a path inside <see cref="Directory"/> (at any depth).</summary>
    public static bool IsInDirectory(GitPath path) => path is not null && path.StartsWith(Prefix);

    /// <summary>
    /// True when a symlink at <paramref name="linkPath"/> pointing to <paramref name="target"/> leads
    /// into <see cref="Directory"/> or to a folder that contains it (the repository root,
    /// <c>.checkpoint</c>). The target is resolved by its text, as git stores it, against the link's
    /// folder; an absolute target counts when one of its folders is named <c>.checkpoint</c>.
    /// </summary>
    public static bool IsReachedBySymlink(string linkPath, string target)
    {
        if (linkPath is null || string.IsNullOrEmpty(target))
        {
            return false;
        }

        var targetText = target.Replace('\\', '/');
        if (targetText.StartsWith("/", StringComparison.Ordinal) || (targetText.Length > 1 && targetText[1] == ':'))
        {
            return Array.IndexOf(targetText.Split('/'), ".checkpoint") >= 0;
        }

        var parts = new System.Collections.Generic.List<string>(linkPath.Split('/'));
        parts.RemoveAt(parts.Count - 1);
        foreach (var segment in targetText.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    // Above the repository: outside what git (and the digest) can see at all.
                    return false;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        var resolved = string.Join("/", parts);
        return resolved.Length == 0 || resolved == ".checkpoint" || resolved == Directory || resolved.StartsWith(Directory + "/", StringComparison.Ordinal);
    }

    private static bool EndsWith(byte[] name, string suffix)
    {
        if (name.Length - Prefix.Length < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (name[name.Length - suffix.Length + i] != (byte)suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
