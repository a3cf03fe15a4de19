using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// Commit objects parsed from their bytes, as the audit reads them: the headers git writes, the ones
/// a hand-made object can repeat or leave out, and the message with any bytes in it.
/// </summary>
public sealed class GitCommitRecordTests
{
    private const string Tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string First = "1111111111111111111111111111111111111111";
    private const string Second = "2222222222222222222222222222222222222222";
    private const string Id = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";

    [Fact]
    public void CommitGitWrites_GivesEveryHeaderAndTheMessage()
    {
        var record = Parse(
            $"tree {Tree}\nparent {First}\nparent {Second}\n" +
            "author Alice <alice@example.com> 1700000000 +0100\ncommitter Bob <bob@example.com> 1700000060 +0000\n" +
            "gpgsig -----BEGIN SSH SIGNATURE-----\n parent 3333333333333333333333333333333333333333\n author Mallory <m@example.com> 1 +0000\n -----END SSH SIGNATURE-----\n" +
            "\nFix the bug\r\n\nSigned-off-by: Alice <alice@example.com>\n");

        Assert.Equal(Id.ToLowerInvariant(), record.Id);
        Assert.Equal("abcdef012345", record.ShortId);
        Assert.Equal(Tree, record.Tree);
        Assert.Equal(new[] { First, Second }, record.Parents);
        Assert.Equal("Alice <alice@example.com>", record.Author.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), record.Author.Time);
        Assert.Equal("Bob <bob@example.com>", record.Committer.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000060), record.Committer.Time);
        Assert.Equal("Fix the bug\r\n\nSigned-off-by: Alice <alice@example.com>\n", record.Message);
        Assert.Equal("Fix the bug", record.Subject);
        Assert.Equal("abcdef012345 Fix the bug", record.ToString());
    }

    [Fact]
    public void RepeatedHeaders_TheFirstTreeAuthorAndCommitterCount()
    {
        var record = Parse(
            $"tree {Tree}\ntree {First}\nauthor Alice <a@example.com> 1 +0000\nauthor Mallory <m@example.com> 2 +0000\n" +
            "committer Bob <b@example.com> 3 +0000\ncommitter Mallory <m@example.com> 4 +0000\nencoding UTF-8\n\nmessage");

        Assert.Equal(Tree, record.Tree);
        Assert.Empty(record.Parents);
        Assert.Equal("Alice", record.Author.Name);
        Assert.Equal("Bob", record.Committer.Name);
        Assert.Equal("message", record.Message);
        Assert.Equal("message", record.Subject);
    }

    [Fact]
    public void MissingCommitter_IsTheAuthor_AndMissingBoth_AreUnknown()
    {
        var authorOnly = Parse($"tree {Tree}\nauthor Alice <a@example.com> 1 +0000\n\nm");
        var neither = Parse($"tree {Tree}\n\nm");

        Assert.Same(authorOnly.Author, authorOnly.Committer);
        Assert.Same(GitIdentity.Unknown, neither.Author);
        Assert.Same(GitIdentity.Unknown, neither.Committer);
        Assert.Equal(string.Empty, GitIdentity.Unknown.Name);
        Assert.Equal(string.Empty, GitIdentity.Unknown.Email);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0), GitIdentity.Unknown.Time);
    }

    [Theory]
    [InlineData("tree " + Tree)]
    [InlineData("tree " + Tree + "\n")]
    [InlineData("tree " + Tree + "\n\n")]
    public void CommitWithoutAMessage_HasAnEmptyOne(string content)
    {
        var record = Parse(content);

        Assert.Equal(string.Empty, record.Message);
        Assert.Equal(string.Empty, record.Subject);
        Assert.Equal(Tree, record.Tree);
    }

    [Fact]
    public void HeaderIdsInCapitals_AreLowered_AndSpacesAroundThemIgnored()
    {
        var record = Parse($"tree  {Tree.ToUpperInvariant()} \nparent {First.Replace('1', 'A')}\n\nm");

        Assert.Equal(Tree, record.Tree);
        Assert.Equal(new[] { First.Replace('1', 'a') }, record.Parents);
    }

    [Fact]
    public void MessageThatIsNotUtf8_IsReadWithReplacementCharacters()
    {
        var header = Encoding.ASCII.GetBytes($"tree {Tree}\n\n");
        var record = GitCommitRecord.Parse(Id, header.Concat(new byte[] { (byte)'o', 0xff, (byte)'k' }).ToArray());

        Assert.Equal("o\ufffdk", record.Message);
    }

    [Fact]
    public void ShortId_OfAShortName_IsTheName()
    {
        Assert.Equal("abc", GitCommitRecord.Parse("abc", Encoding.ASCII.GetBytes($"tree {Tree}\n\nm")).ShortId);
        Assert.Equal("abcdef012345", GitCommitRecord.Parse("abcdef012345", Encoding.ASCII.GetBytes($"tree {Tree}\n\nm")).ShortId);
    }

    [Theory]
    [InlineData("author A <a@example.com> 1 +0000\n\nno tree", "has no tree")]
    [InlineData(" tree " + Tree + "\n\ncontinuation only", "has no tree")]
    [InlineData("\ntree " + Tree + "\n", "has no tree")]
    [InlineData("tree 4b825dc6\n\nm", "has a malformed header line")]
    [InlineData("tree " + Tree + "\nparent HEAD~1\n\nm", "has a malformed header line")]
    public void MalformedCommit_IsRefused(string content, string reason)
    {
        var ex = Assert.Throws<GitException>(() => Parse(content));

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal($"commit {Id} {reason}", ex.Message);
    }

    [Fact]
    public void ToCommit_CarriesTheIdentitiesAndTheChanges()
    {
        var record = Parse($"tree {Tree}\nparent {First}\nauthor Alice <a@example.com> 1 +0000\ncommitter Bob <b@example.com> 2 +0000\n\nFix\n");
        var changes = new[] { new GitRawChange("000000", "100644", new string('0', 40), First, 'A', GitPath.FromString("a.txt")) };

        var commit = record.ToCommit(changes);

        Assert.Equal(record.Id, commit.Id);
        Assert.Equal(new[] { First }, commit.Parents);
        Assert.Equal(("Alice", "a@example.com", "Bob", "b@example.com"), (commit.AuthorName, commit.AuthorEmail, commit.CommitterName, commit.CommitterEmail));
        Assert.Equal("Fix\n", commit.Message);
        Assert.Same(changes, commit.Changes);
        Assert.Null(record.ToCommit().Changes);
    }

    [Fact]
    public void MessageThatStartsWithALineBreak_HasAnEmptySubject()
    {
        var record = Parse($"tree {Tree}\n\n\nBody after an empty first line\n");

        Assert.Equal("\nBody after an empty first line\n", record.Message);
        Assert.Equal(string.Empty, record.Subject);
    }

    [Fact]
    public void CommitsShortId_IsTwelveCharacters_OrTheWholeOfAShorterId()
    {
        Assert.Equal("abcdef012345", Parse($"tree {Tree}\n\nm").ToCommit().ShortId);
        Assert.Equal("abc", new GitCommit("abc", Array.Empty<string>(), "a", "a@example.com", "c", "c@example.com", "m").ShortId);
        Assert.Equal("abcdef012345", new GitCommit("abcdef012345", Array.Empty<string>(), "a", "a@example.com", "c", "c@example.com", "m").ShortId);
    }

    [Fact]
    public void MissingArguments_AreNamed()
    {
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => GitCommitRecord.Parse(null!, Array.Empty<byte>())).ParamName);
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => GitCommitRecord.Parse(Id, null!)).ParamName);
    }

    private static GitCommitRecord Parse(string content) => GitCommitRecord.Parse(Id, Encoding.UTF8.GetBytes(content));
}
