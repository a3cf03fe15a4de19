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

    [Fact]
    public void InvalidUtf8InAComment_FailsTheWholeFile()
    {
        var content = Encoding.UTF8.GetBytes($"approval {Sha}\n# caf").Concat(new byte[] { 0xe9, 0x0a }).ToArray();

        var ex = Assert.Throws<RevokedListFormatException>(() => RevokedList.Parse(content, "revoked@base"));

        Assert.Equal("revoked@base: not UTF-8 text", ex.Message);
    }

    [Fact]
    public void ListOfTheLargestSize_IsRead_AndOneByteMoreIsRefused()
    {
        var largest = Encoding.UTF8.GetBytes($"approval {Sha}\n#" + new string('x', RevokedList.MaxSizeBytes - Sha.Length - 11));

        Assert.Equal(RevokedList.MaxSizeBytes, largest.Length);
        Assert.True(RevokedList.Parse(largest, "revoked@base").IsApprovalRevoked(Sha));
        var ex = Assert.Throws<RevokedListFormatException>(() => RevokedList.Parse(largest.Append((byte)'x').ToArray(), "revoked@base"));
        Assert.Equal($"revoked@base: file is {RevokedList.MaxSizeBytes + 1} bytes; the limit is {RevokedList.MaxSizeBytes}", ex.Message);
    }

    [Theory]
    [InlineData("approval sha256:ABC", "revoked@base:2: 'sha256:ABC' is not valid; an approval is revoked by the SHA-256 of its manifest file: sha256: and 64 lowercase hex digits")]
    [InlineData("diff sha256:ABC", "revoked@base:2: 'sha256:ABC' is not valid; a diff is revoked by its digest: sha256: and 64 lowercase hex digits")]
    [InlineData("key SHA256:short", "revoked@base:2: 'SHA256:short' is not valid; a key is revoked by its fingerprint as ssh-keygen -lf prints it: SHA256: and 43 base64 characters")]
    [InlineData("approval", "revoked@base:2: expected '<approval|diff|key> <value> [# comment]', found 'approval'")]
    [InlineData("k\u0001y value", "revoked@base:2: unknown kind 'k?y'; expected approval, diff or key")]
    public void MalformedLine_SaysWhichLineAndWhatIsExpected(string line, string message)
    {
        var ex = Assert.Throws<RevokedListFormatException>(() => Parse("# ok\n" + line + "\n"));

        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(81, true)]
    public void LongValue_IsShownCutAtEightyCharacters(int length, bool cut)
    {
        var value = new string('v', length);

        var ex = Assert.Throws<RevokedListFormatException>(() => Parse($"{value} x\n"));

        var shown = cut ? new string('v', 80) + "..." : value;
        Assert.Equal($"revoked@base:1: unknown kind '{shown}'; expected approval, diff or key", ex.Message);
    }

    [Fact]
    public void MissingContent_IsRefused()
    {
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => RevokedList.Parse(null!)).ParamName);
    }

    private static RevokedList Parse(string text) => RevokedList.Parse(Encoding.UTF8.GetBytes(text), "revoked@base");
}
