using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Tests.Review;

public sealed class AttestationScanTests
{
    [Fact]
    public void ChangedApprover_ShowsTheOldAndTheNewAttestation()
    {
        var diff = """
            diff --git a/src/Cleanup.cs b/src/Cleanup.cs
            --- a/src/Cleanup.cs
            +++ b/src/Cleanup.cs
            @@ -11 +11 @@
            -    [ApprovedBy("maria@example.com", Reason = "retire logs")]
            +    [ApprovedBy("agent@example.com", Reason = "retire logs")]

            """;

        var changes = AttestationScan.Find(UnifiedDiff.Parse(diff));

        Assert.Equal([("removed", 11, "maria"), ("added", 11, "agent")], changes.Select(c => (c.Change, c.Line, c.Text.Contains("maria") ? "maria" : "agent")).ToArray());
    }

    [Theory]
    [InlineData("[Destructive(\"drops the tenant\")]", "Destructive")]
    [InlineData("[Checkpoint.ApprovedByAttribute(\"a\")]", "ApprovedBy")]
    public void AttributeSpellings_AreRecognised(string line, string attribute)
    {
        var diff = $"diff --git a/x.cs b/x.cs\n--- a/x.cs\n+++ b/x.cs\n@@ -0,0 +1 @@\n+{line}\n";
        Assert.Equal(attribute, Assert.Single(AttestationScan.Find(UnifiedDiff.Parse(diff))).Attribute);
    }

    [Fact]
    public void CommentMentioningTheAttribute_IsIgnored()
    {
        var diff = "diff --git a/x.cs b/x.cs\n--- a/x.cs\n+++ b/x.cs\n@@ -0,0 +1 @@\n+// needs [ApprovedBy(...)] later\n";
        Assert.Empty(AttestationScan.Find(UnifiedDiff.Parse(diff)));
    }
}
