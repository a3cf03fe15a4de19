using Checkpoint.Tool.Baseline;

namespace Checkpoint.Tool.Tests.Baseline;

/// <summary>How one project's CheckpointBaseline.txt changes: new sites added, matching entries kept as written, stale ones dropped.</summary>
public sealed class BaselineUpdateTests
{
    private const string Purge = "M:Ops.Jobs.Purge() Amazon.S3.IAmazonS3.DeleteBucketAsync #1";
    private const string Wipe = "M:Ops.Jobs.Wipe() System.IO.Directory.Delete #1";
    private const string Gone = "M:Ops.Jobs.Gone() Amazon.S3.IAmazonS3.DeleteObjectAsync #1";

    [Fact]
    public void NoFile_IsCreatedWithAHeaderAndTheSitesSorted()
    {
        var update = BaselineUpdate.For(null, Sites(unlisted: [Wipe, Purge]));

        Assert.True(update.Changes);
        Assert.Equal([Purge, Wipe], update.Added);
        Assert.StartsWith("// Checkpoint baseline:", update.NewText, StringComparison.Ordinal);
        Assert.EndsWith(Purge + "\n" + Wipe + "\n", update.NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void ListedSites_AreKeptAsWritten_WithTheComments()
    {
        var existing = "// ours\n  " + Wipe + "\n// the purge job, until OPS-12\n" + Purge + "\n";

        var update = BaselineUpdate.For(existing, Sites(listed: [Wipe, Purge]));

        Assert.False(update.Changes);
        Assert.Same(existing, update.NewText);
        Assert.Equal([Wipe, Purge], update.Kept);
    }

    [Fact]
    public void StaleEntries_AreRemoved_AndNewSitesAppended()
    {
        var existing = "// ours\n" + Gone + "\n" + Wipe + "\n";

        var update = BaselineUpdate.For(existing, Sites(listed: [Wipe], unlisted: [Purge]));

        Assert.Equal([Gone], update.Stale);
        Assert.Equal([Purge], update.Added);
        Assert.Equal("// ours\n" + Wipe + "\n" + Purge + "\n", update.NewText);
    }

    [Fact]
    public void WindowsLineEnds_AreKept()
    {
        var update = BaselineUpdate.For("// ours\r\n" + Wipe + "\r\n", Sites(listed: [Wipe], unlisted: [Purge]));

        Assert.Equal("// ours\r\n" + Wipe + "\r\n" + Purge + "\r\n", update.NewText);
    }

    [Fact]
    public void AFileWithoutItsLastNewline_IsLeftAloneWhenNothingChanges()
    {
        var update = BaselineUpdate.For(Wipe, Sites(listed: [Wipe]));

        Assert.False(update.Changes);
    }

    private static ProjectSites Sites(string[]? listed = null, string[]? unlisted = null)
    {
        var sites = new ProjectSites("/src/Ops/Ops.csproj");
        foreach (var key in listed ?? [])
        {
            sites.All.Add(key);
        }

        foreach (var key in unlisted ?? [])
        {
            sites.All.Add(key);
            sites.Unlisted.Add(key);
        }

        return sites;
    }
}
