using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// git's machine output (<c>diff-tree -z --raw</c>, <c>log -z --raw</c>) as the gate reads it: every
/// field where git puts it, and anything else refused, because a misread list of changes or commits
/// must fail the gate rather than change its answer.
/// </summary>
public sealed class GitOutputParsingTests
{
    private const string A = "1111111111111111111111111111111111111111";
    private const string B = "2222222222222222222222222222222222222222";
    private const string Zero = "0000000000000000000000000000000000000000";

    [Fact]
    public void RawChange_GivesModesIdsStatusAndPath()
    {
        var change = GitRepository.ParseRawChange(Ascii($":100644 100755 {A.Replace('1', 'A')} {B} M"), new byte[] { (byte)'a', 0xff });

        Assert.Equal(("100644", "100755"), (change.OldMode, change.NewMode));
        Assert.Equal((A.Replace('1', 'a'), B), (change.OldObjectId, change.NewObjectId));
        Assert.Equal('M', change.Status);
        Assert.Equal(new byte[] { (byte)'a', 0xff }, change.Path.ToArray());
    }

    [Fact]
    public void RawChange_WithAScore_KeepsTheLetter()
    {
        Assert.Equal('T', GitRepository.ParseRawChange(Ascii($":100644 120000 {A} {B} T050"), Ascii("x")).Status);
    }

    [Theory]
    [InlineData("100644 100644 " + A + " " + B + " M")]
    [InlineData(":100644 100644 " + A + " " + B)]
    [InlineData(":100644 100644 " + A + " " + B + " ")]
    [InlineData(":100644 100644 " + A + " " + B + " M extra")]
    [InlineData(":100644 100644 " + A + " 2222 M")]
    [InlineData(":100644 100644 HEAD " + B + " M")]
    public void RawChangeThatIsNotOne_IsRefused(string meta)
    {
        var ex = Assert.Throws<GitException>(() => GitRepository.ParseRawChange(Ascii(meta), Ascii("x")));

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal("unexpected 'git diff-tree --raw' output", ex.Message);
    }

    [Fact]
    public void RawDiff_IsOneChangePerPairOfFields()
    {
        var output = Ascii($":000000 100644 {Zero} {A} A\0new.txt\0:100644 000000 {B} {Zero} D\0old\ttab.txt\0");

        var changes = GitRepository.ParseRawDiff(output);

        Assert.Equal(new[] { ('A', "new.txt"), ('D', "old\\x09tab.txt") }, changes.Select(c => (c.Status, c.Path.Display)));
        Assert.Empty(GitRepository.ParseRawDiff(Array.Empty<byte>()));
    }

    [Fact]
    public void RawDiff_WithAChangeButNoPath_IsRefused()
    {
        var ex = Assert.Throws<GitException>(() => GitRepository.ParseRawDiff(Ascii($":000000 100644 {Zero} {A} A\0")));

        Assert.Equal("unexpected 'git diff-tree --raw' output", ex.Message);
    }

    [Fact]
    public void SplitNul_KeepsEmptyRecordsAndAnUnterminatedTail()
    {
        var records = GitRepository.SplitNul(Ascii("a\0\0bc\0d"));

        Assert.Equal(new[] { "a", string.Empty, "bc", "d" }, records.Select(r => Encoding.ASCII.GetString(r)));
        Assert.Empty(GitRepository.SplitNul(Array.Empty<byte>()));
        Assert.Equal(new[] { "x" }, GitRepository.SplitNul(Ascii("x\0")).Select(r => Encoding.ASCII.GetString(r)));
    }

    [Fact]
    public void Log_GivesEachCommitWithItsChanges_AndMergesWithout()
    {
        var output = Concat(
            Commit(A, B, "Alice", "a@example.com", "Bob", "b@example.com", "Fix\n\nBody\0"),
            Ascii($"\n:100644 100644 {A} {B} M\0src/App.cs\0:000000 100644 {Zero} {A} A\0new.txt\0"),
            Commit(B, A + " " + B, "Carol", "c@example.com", "Carol", "c@example.com", "Merge\0"),
            Commit(B, string.Empty, "Dave", "d@example.com", "Erin", "e@example.com", "Empty\0"),
            Ascii("\n"));

        var commits = GitRepository.ParseLog(output);

        Assert.Equal(3, commits.Count);
        var first = commits[0];
        Assert.Equal((A, "Alice", "a@example.com", "Bob", "b@example.com", "Fix\n\nBody"), (first.Id, first.AuthorName, first.AuthorEmail, first.CommitterName, first.CommitterEmail, first.Message));
        Assert.Equal(new[] { B }, first.Parents);
        Assert.Equal(new[] { "src/App.cs", "new.txt" }, first.Changes!.Select(c => c.Path.Display));
        Assert.Equal(new[] { A, B }, commits[1].Parents);
        Assert.Null(commits[1].Changes);
        Assert.Empty(commits[2].Parents);
        Assert.Empty(commits[2].Changes!);
        Assert.Empty(GitRepository.ParseLog(Array.Empty<byte>()));
    }

    [Fact]
    public void Log_WhoseLastCommitEndsTheOutput_IsRead()
    {
        var commits = GitRepository.ParseLog(Commit(A, B, "Alice", "a@example.com", "Bob", "b@example.com", "Fix\0"));

        Assert.Equal(A, Assert.Single(commits).Id);
        Assert.Empty(commits[0].Changes!);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("X" + A + "\0" + B + "\0Alice\0a@example.com\0Bob\0b@example.com\0Fix\0")]
    [InlineData("\u0001" + A + "\0" + B + "\0Alice\0a@example.com\0Bob\0b@example.com")]
    [InlineData("\u0001HEAD\0" + B + "\0Alice\0a@example.com\0Bob\0b@example.com\0Fix\0")]
    [InlineData("\u0001" + A + "\0" + B + " HEAD\0Alice\0a@example.com\0Bob\0b@example.com\0Fix\0")]
    [InlineData("\u0001" + A + "\0" + B + "\0Alice\0a@example.com\0Bob\0b@example.com\0Fix\0x")]
    [InlineData("\u0001" + A + "\0" + B + "\0Alice\0a@example.com\0Bob\0b@example.com\0Fix\0\nx")]
    public void LogThatIsNotOne_IsRefused(string output)
    {
        var ex = Assert.Throws<GitException>(() => GitRepository.ParseLog(Encoding.UTF8.GetBytes(output)));

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal("unexpected 'git log' output", ex.Message);
    }

    [Theory]
    [InlineData(":100644 100644 " + A + " " + B + " M")]
    [InlineData(":100644 100644 " + A + " " + B + " M\0src/App.cs")]
    public void LogWithAChangeCutShort_IsRefused(string change)
    {
        var output = Concat(Commit(A, B, "Alice", "a@example.com", "Bob", "b@example.com", "Fix\0"), Ascii("\n" + change));

        var ex = Assert.Throws<GitException>(() => GitRepository.ParseLog(output));

        Assert.Equal("unexpected 'git log --raw' output", ex.Message);
    }

    [Fact]
    public void Short_IsTwelveCharacters()
    {
        Assert.Equal("111111111111", GitRepository.Short(A));
        Assert.Equal("abc", GitRepository.Short("abc"));
    }

    private static byte[] Commit(string id, string parents, string authorName, string authorEmail, string committerName, string committerEmail, string message) =>
        Encoding.UTF8.GetBytes($"\u0001{id}\0{parents}\0{authorName}\0{authorEmail}\0{committerName}\0{committerEmail}\0{message}");

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
