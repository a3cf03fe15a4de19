using System.Text;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// A path as git stores it: the bytes the digest hashes, ordered and compared as bytes, and the text
/// people see, in which nothing a branch writes can hide or fake a character.
/// </summary>
public sealed class GitPathTests
{
    [Theory]
    [InlineData("src/App.cs", "src/App.cs")]
    [InlineData("a\nb", "a\\x0ab")]
    [InlineData("a\u001fb", "a\\x1fb")]
    [InlineData("a\u007fb", "a\\x7fb")]
    [InlineData("a\\b", "a\\x5cb")]
    [InlineData(" ~", " ~")]
    [InlineData("r\u00e9sum\u00e9 \u2603", "r\u00e9sum\u00e9 \u2603")]
    public void Display_OfUtf8_EscapesControlCharactersAndBackslashesOnly(string path, string display)
    {
        var gitPath = GitPath.FromString(path);

        Assert.Equal(display, gitPath.Display);
        Assert.Equal(display, gitPath.ToString());
    }

    [Fact]
    public void Display_OfBytesThatAreNotUtf8_EscapesEveryByteOutsidePrintableAscii()
    {
        var bytes = new byte[] { 0x1f, 0x20, (byte)'a', 0x7e, 0x7f, (byte)'\\', 0xc3, 0xa9, 0xff };

        Assert.Equal("\\x1f a~\\x7f\\x5c\\xc3\\xa9\\xff", new GitPath(bytes).Display);
    }

    [Fact]
    public void Bytes_AreCopiedIn_AndCopiedOut()
    {
        var bytes = Encoding.UTF8.GetBytes("abc");
        var path = new GitPath(bytes);
        bytes[0] = (byte)'x';
        var copy = path.ToArray();
        copy[1] = (byte)'x';

        Assert.Equal("abc", path.Display);
        Assert.Equal(Encoding.UTF8.GetBytes("abc"), path.ToArray());
        Assert.Equal(3, path.Length);
        Assert.Throws<ArgumentNullException>(() => new GitPath(null!));
    }

    [Theory]
    [InlineData("src/App.cs", "", true)]
    [InlineData("src/App.cs", "src/", true)]
    [InlineData("src/App.cs", "src/App.cs", true)]
    [InlineData("src/App.cs", "src/App.cs2", false)]
    [InlineData("src/App.cs", "src/App.cx", false)]
    [InlineData("src/App.cs", "xrc/", false)]
    [InlineData("src", "src/", false)]
    public void StartsWith_ComparesEveryByteOfThePrefix(string path, string prefix, bool expected)
    {
        Assert.Equal(expected, GitPath.FromString(path).StartsWith(prefix));
    }

    [Fact]
    public void Order_IsByUnsignedBytes_ThenByLength()
    {
        var paths = new[]
        {
            new GitPath(new byte[] { (byte)'a', 0xff }),
            GitPath.FromString("b"),
            GitPath.FromString("a/b"),
            GitPath.FromString("a"),
            GitPath.FromString("A"),
            GitPath.FromString("a-"),
        };

        var sorted = paths.Order().Select(p => p.Display).ToArray();

        Assert.Equal(new[] { "A", "a", "a-", "a/b", "a\\xff", "b" }, sorted);
        Assert.Equal(1, GitPath.FromString("a").CompareTo(null));
        Assert.Equal(0, GitPath.FromString("a").CompareTo(GitPath.FromString("a")));
        Assert.True(GitPath.FromString("ab").CompareTo(GitPath.FromString("a")) > 0);
        Assert.True(GitPath.FromString("a").CompareTo(GitPath.FromString("ab")) < 0);
    }

    [Fact]
    public void Equality_IsByBytes_AndAgreesWithTheHashCode()
    {
        var path = GitPath.FromString("src/App.cs");
        var same = new GitPath(Encoding.UTF8.GetBytes("src/App.cs"));

        Assert.True(path.Equals(same));
        Assert.True(path.Equals((object)same));
        Assert.Equal(path.GetHashCode(), same.GetHashCode());
        Assert.False(path.Equals(GitPath.FromString("src/App.cS")));
        Assert.False(path.Equals(GitPath.FromString("src/App.c")));
        Assert.False(path.Equals((GitPath?)null));
        Assert.False(path.Equals((object)"src/App.cs"));
        Assert.NotEqual(GitPath.FromString("ab").GetHashCode(), GitPath.FromString("ba").GetHashCode());
        Assert.NotEqual(GitPath.FromString("a").GetHashCode(), GitPath.FromString("b").GetHashCode());
        Assert.Equal(2, new HashSet<GitPath> { path, same, GitPath.FromString("other") }.Count);
    }
}
