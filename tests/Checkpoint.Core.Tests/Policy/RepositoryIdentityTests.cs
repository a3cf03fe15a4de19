using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Tests.Policy;

/// <summary>
/// The repository identity an approval is bound to: every spelling of one remote gives the same
/// identity, and text that names no repository gives none, so that an approval made for one
/// repository is never taken for another's.
/// </summary>
public sealed class RepositoryIdentityTests
{
    [Theory]
    [InlineData("https://user:token@GitHub.com/Owner/Repo.git", "github.com/owner/repo")]
    [InlineData("https://github.com/owner/repo", "github.com/owner/repo")]
    [InlineData("  https://github.com/owner/repo/  ", "github.com/owner/repo")]
    [InlineData("HTTPS://github.com/owner/repo.GIT/", "github.com/owner/repo")]
    [InlineData("https://@github.com/owner/repo", "github.com/owner/repo")]
    [InlineData("https://a@b@github.com/owner/repo", "github.com/owner/repo")]
    [InlineData("ssh://git@github.com:22/owner/repo", "github.com/owner/repo")]
    [InlineData("https://[::1]:8443/owner/repo", "[::1]/owner/repo")]
    [InlineData("https://[::1]/owner/repo", "[::1]/owner/repo")]
    [InlineData("git@github.com:Owner/Repo.git", "github.com/owner/repo")]
    [InlineData("github.com:owner/repo", "github.com/owner/repo")]
    [InlineData("https://dev.azure.com/org/Project/_git/Repo", "dev.azure.com/org/project/_git/repo")]
    [InlineData("github.com/owner/repo", "github.com/owner/repo")]
    [InlineData("/srv/git/Repo.git", "file/srv/git/repo")]
    [InlineData("/srv/git/repo/", "file/srv/git/repo")]
    [InlineData("file:///srv/git/repo", "file/srv/git/repo")]
    [InlineData("FILE:///srv/git/repo.git", "file/srv/git/repo")]
    [InlineData("C:\\src\\Repo.git", "file/c:/src/repo")]
    [InlineData("C:/src/repo", "file/c:/src/repo")]
    [InlineData("c:repo/x", "c/repo/x")]
    public void EverySpellingOfARemote_GivesItsIdentity(string remote, string expected)
    {
        Assert.Equal(expected, RepositoryIdentity.Normalize(remote));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-slash")]
    [InlineData("a:")]
    [InlineData("C:")]
    [InlineData("https://github.com/owner/repo name")]
    [InlineData("https://github.com/owner/repo\u0001")]
    [InlineData("https://github.com/owner\u00a0/repo")]
    [InlineData("://github.com/owner/repo")]
    [InlineData("https://github.com")]
    [InlineData("https:///owner/repo")]
    [InlineData("https://github.com/")]
    [InlineData("https://github.com/.git")]
    [InlineData("https://@/owner/repo")]
    [InlineData("https://:443/owner/repo")]
    [InlineData("https://github.com/owner//repo")]
    [InlineData("https://github.com/owner/./repo")]
    [InlineData("https://github.com/owner/../repo")]
    [InlineData("github.com/owner/../repo")]
    [InlineData("/")]
    [InlineData("file:///")]
    [InlineData("/srv/../etc/repo")]
    [InlineData("/srv/./repo")]
    [InlineData("C:\\src\\..\\repo")]
    public void TextThatNamesNoRepository_HasNoIdentity(string? remote)
    {
        Assert.Null(RepositoryIdentity.Normalize(remote));
    }
}
