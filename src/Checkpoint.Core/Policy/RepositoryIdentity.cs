using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Checkpoint.Core.Policy;

/// <summary>
/// The identity an approval is bound to, so it cannot be replayed in a fork or another repository:
/// <c>host/owner/repo</c>, lowercase, without scheme, credentials, port or <c>.git</c>.
/// </summary>
public static class RepositoryIdentity
{
    private static readonly Regex ScpLike = new Regex("^(?:[^@/]+@)?(?<host>[^:/]+):(?<path>[^/].*)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Normalizes a remote URL or an identity: <c>https://user:token@GitHub.com/Owner/Repo.git</c>,
    /// <c>git@github.com:owner/repo.git</c> and <c>ssh://git@github.com:22/owner/repo</c> all become
    /// <c>github.com/owner/repo</c>. A local path (<c>/srv/git/repo.git</c>, <c>file:///srv/git/repo</c>)
    /// becomes <c>file/srv/git/repo</c>. Returns null for text that is none of these.
    /// </summary>
    public static string? Normalize(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            return null;
        }

        var text = remote!.Trim();
        if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }

        string host;
        string path;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var schemeName = text.Substring(0, scheme).ToLowerInvariant();
            if (schemeName.Length == 0)
            {
                // "://host/path" names no scheme: not a URL, and not an identity either.
                return null;
            }

            var rest = text.Substring(scheme + 3);
            if (schemeName == "file")
            {
                return LocalPath(rest);
            }

            var slash = rest.IndexOf('/');
            if (slash <= 0)
            {
                return null;
            }

            var authority = rest.Substring(0, slash);
            path = rest.Substring(slash + 1);
            var at = authority.LastIndexOf('@');
            host = at >= 0 ? authority.Substring(at + 1) : authority;
            var colon = host.LastIndexOf(':');
            if (colon >= 0 && !host.EndsWith("]", StringComparison.Ordinal))
            {
                host = host.Substring(0, colon);
            }
        }
        else if (text.StartsWith("/", StringComparison.Ordinal) || (text.Length > 2 && text[1] == ':' && (text[2] == '\\' || text[2] == '/')))
        {
            return LocalPath(text);
        }
        else if (ScpLike.Match(text) is { Success: true } scp)
        {
            host = scp.Groups["host"].Value;
            path = scp.Groups["path"].Value;
        }
        else if (text.Contains('/'))
        {
            // Already an identity: host/owner/repo.
            var slash = text.IndexOf('/');
            host = text.Substring(0, slash);
            path = text.Substring(slash + 1);
        }
        else
        {
            return null;
        }

        path = TrimGit(path.Trim('/'));
        if (host.Length == 0 || path.Length == 0 || path.Split('/').Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            return null;
        }

        return (host + "/" + path).ToLowerInvariant();
    }

    private static string? LocalPath(string path)
    {
        var normalized = TrimGit(path.Replace('\\', '/').TrimEnd('/'));
        if (normalized.Length == 0 || normalized.Split('/').Any(s => s == "." || s == ".."))
        {
            return null;
        }

        return ("file/" + normalized.TrimStart('/')).ToLowerInvariant();
    }

    private static string TrimGit(string path) =>
        path.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 4).TrimEnd('/') : path;
}
