using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>git-check-ref-format(1)'s rules for a full refname, checked before a name reaches git.</summary>
public sealed class GitRefNameTests
{
    [Theory]
    [InlineData("refs/heads/main")]
    [InlineData("refs/remotes/origin/main")]
    [InlineData("refs/heads/feature/x-1_2")]
    [InlineData("refs/heads/a.b")]
    [InlineData("refs/heads/lock.locked")]
    [InlineData("refs/heads/@x")]
    [InlineData("refs/heads/caf\u00e9")]
    public void ValidName_IsAccepted(string name)
    {
        Assert.True(GitRefName.IsValid(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("main")]
    [InlineData("heads/main")]
    [InlineData("Refs/heads/main")]
    [InlineData("refs/heads/main/")]
    [InlineData("refs/heads/main.")]
    [InlineData("refs/heads/a..b")]
    [InlineData("refs/heads/a@{1}")]
    [InlineData("refs//heads")]
    [InlineData("refs/heads/.hidden")]
    [InlineData("refs/heads/x.lock")]
    [InlineData("refs/heads/a b")]
    [InlineData("refs/heads/a~1")]
    [InlineData("refs/heads/a^")]
    [InlineData("refs/heads/a:b")]
    [InlineData("refs/heads/a?")]
    [InlineData("refs/heads/a*")]
    [InlineData("refs/heads/a[0]")]
    [InlineData("refs/heads/a\\b")]
    [InlineData("refs/heads/a\tb")]
    [InlineData("refs/heads/a\u001fb")]
    [InlineData("refs/heads/a\u007fb")]
    public void InvalidName_IsRefused(string? name)
    {
        Assert.False(GitRefName.IsValid(name));
    }
}
