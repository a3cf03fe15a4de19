using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>The working tree a folder belongs to, found the way git finds it: the nearest <c>.git</c> folder or file at or above.</summary>
public sealed class RepositoryLocatorTests
{
    [Fact]
    public void NearestGitEntry_AtOrAboveTheFolder_IsTheRoot()
    {
        var folder = ScratchFolder.Create("checkpoint-locate-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "outer", ".git"));
            Directory.CreateDirectory(Path.Combine(folder, "outer", "src", "inner", "deep"));
            File.WriteAllText(Path.Combine(folder, "outer", "src", "inner", ".git"), "gitdir: ../../.git/worktrees/inner\n");

            Assert.Equal(Path.Combine(folder, "outer"), RepositoryLocator.Find(Path.Combine(folder, "outer")));
            Assert.Equal(Path.Combine(folder, "outer"), RepositoryLocator.Find(Path.Combine(folder, "outer", "src") + "/"));
            Assert.Equal(Path.Combine(folder, "outer", "src", "inner"), RepositoryLocator.Find(Path.Combine(folder, "outer", "src", "inner", "deep", "..", "deep")));
            Assert.Null(RepositoryLocator.Find(folder));
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    [Fact]
    public void PathThatIsNotOne_HasNoRoot()
    {
        Assert.Null(RepositoryLocator.Find(string.Empty));
        Assert.Null(RepositoryLocator.Find("bad\0path"));
    }
}
