using Checkpoint.Analyzers.Catalogue;

namespace Checkpoint.Analyzers.Tests;

/// <summary>The name pre-filter that every call meets first: exact names stay exact, patterns match by prefix.</summary>
public sealed class MemberNameFilterTests
{
    private static readonly MemberNameFilter Filter = new(["Delete", "Start"], ["ExecuteNonQuery", "Flush"]);

    [Theory]
    [InlineData("Delete")]
    [InlineData("Start")]
    [InlineData("ExecuteNonQuery")]
    [InlineData("ExecuteNonQueryAsync")]
    [InlineData("FlushAllDatabases")]
    public void NamesAnEntryCanMatch_PassTheFilter(string name) => Assert.True(Filter.MayMatch(name));

    [Theory]
    [InlineData("DeleteAsync")]
    [InlineData("Deleted")]
    [InlineData("delete")]
    [InlineData("StartNew")]
    [InlineData("ExecuteScalar")]
    [InlineData("")]
    public void NamesNoEntryCanMatch_AreRefused(string name) => Assert.False(Filter.MayMatch(name));

    [Fact]
    public void AnEmptyPrefix_LetsEveryNameThrough()
    {
        var everything = new MemberNameFilter([], ["Delete", string.Empty]);

        Assert.True(everything.MayMatch("Anything"));
    }
}
