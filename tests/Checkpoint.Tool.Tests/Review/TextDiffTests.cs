using System.Text;
using Checkpoint.Tool.Analysis;
using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Tests.Review;

/// <summary>The review's own diff of two blobs: attributes play no part, symbolic links show their target.</summary>
public sealed class TextDiffTests
{
    private static FileDiff Diff(string oldMode, string? oldText, string newMode, string? newText)
    {
        var blobs = new Dictionary<string, byte[]>();
        if (oldText != null)
        {
            blobs["old"] = Encoding.UTF8.GetBytes(oldText);
        }

        if (newText != null)
        {
            blobs["new"] = Encoding.UTF8.GetBytes(newText);
        }

        return TextDiff.Compare(new ChangedEntry("src/a.cs", 'M', oldMode, newMode, oldText == null ? "0000" : "old", newText == null ? "0000" : "new"), blobs);
    }

    [Fact]
    public void ChangedLine_IsOneRemovalAndOneAdditionWithLineNumbers()
    {
        var diff = Diff("100644", "a\nb\nc\n", "100644", "a\nB\nc\n");
        Assert.Equal([(2, "b")], diff.Removed.Select(l => (l.LineNumber, l.Text)).ToArray());
        Assert.Equal([(2, "B")], diff.Added.Select(l => (l.LineNumber, l.Text)).ToArray());
        Assert.Equal("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", diff.Unified);
        Assert.False(diff.IsBinary);
    }

    [Fact]
    public void OnlyANulByte_MakesAFileBinary()
    {
        Assert.True(Diff("100644", "a\n", "100644", "a\0b\n").IsBinary);
        Assert.False(Diff("100644", "a\n", "100644", "é\n").IsBinary);
    }

    [Fact]
    public void SymbolicLink_ShowsItsTarget()
    {
        var diff = Diff("100644", "class A {}\n", ChangedEntry.SymbolicLinkMode, "../../.checkpoint/approvals/x.cs");
        Assert.Equal("../../.checkpoint/approvals/x.cs", diff.SymlinkTarget);
        Assert.Equal("100644 → 120000", diff.ModeChange);
    }
}
