using System.Text;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Tests.Policy;

public sealed class RevokedListTests
{
    private const string Sha = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private const string Key = "SHA256:uZ7ZRhU9XnHfBFDBnYB2oMOrHtQnoDGJVv0rdLGZ8kY";

    [Fact]
    public void EveryKindOfEntry_IsRead_WithCommentsAndBlankLines()
    {
        var list = Parse($"# Withdrawn approvals and keys\n\napproval {Sha}\ndiff {Sha}   # reverted in #12\r\n\tkey {Key} # laptop stolen\n");

        Assert.Equal(3, list.Count);
        Assert.True(list.IsApprovalRevoked(Sha));
        Assert.True(list.IsDiffRevoked(Sha));
        Assert.True(list.IsKeyRevoked(Key));
        Assert.False(list.IsKeyRevoked(Key.ToLowerInvariant()));
    }

    [Fact]
    public void EmptyFile_RevokesNothing()
    {
        Assert.Equal(0, Parse(string.Empty).Count);
        Assert.Equal(0, RevokedList.Empty.Count);
    }

    [Theory]
    [InlineData("approval", "expected '<approval|diff|key> <value> [# comment]'")]
    [InlineData("approval sha256:ABC", "is not valid")]
    [InlineData($"approval {Sha} because", "expected")]
    [InlineData($"APPROVAL {Sha}", "unknown kind 'APPROVAL'")]
    [InlineData($"approval SHA256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", "is not valid")]
    [InlineData("key SHA256:short", "is not valid")]
    [InlineData("key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH9YDC4v6UJ29oT3vKEiflpRG+0AJRP4by2vik0Ivz9O", "expected")]
    [InlineData("key AAAAC3NzaC1lZDI1NTE5AAAAIH9YDC4v6UJ29oT3vKEiflpRG+0AJRP4by2vik0Ivz9O", "is not valid")]
    [InlineData("fingerprint SHA256:uZ7ZRhU9XnHfBFDBnYB2oMOrHtQnoDGJVv0rdLGZ8kY", "unknown kind")]
    public void MalformedLine_FailsTheWholeFile_NamingTheLine(string line, string expected)
    {
        var error = Assert.Throws<RevokedListFormatException>(() => Parse("# ok\n" + line + "\n"));

        Assert.Contains("revoked@base:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_FailsTheWholeFile()
    {
        Assert.Throws<RevokedListFormatException>(() => RevokedList.Parse([0x61, 0xff, 0x0a], "revoked@base"));
    }

    [Fact]
    public void OversizedFile_FailsTheWholeFile()
    {
        Assert.Throws<RevokedListFormatException>(() => RevokedList.Parse(new byte[RevokedList.MaxSizeBytes + 1], "revoked@base"));
    }

    private static RevokedList Parse(string text) => RevokedList.Parse(Encoding.UTF8.GetBytes(text), "revoked@base");
}
