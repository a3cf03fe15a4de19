using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Tests.Review;

/// <summary>How review builds' analyzer results are paired: by file and operation, not by line.</summary>
public sealed class OperationDiffTests
{
    private static AnalyzerFinding Finding(string path, int line, string operation = "Amazon.S3.IAmazonS3.DeleteBucketAsync") =>
        new("CHK001", "error", operation, "Amazon.S3", "deletes an S3 bucket", path, line, 5, Suppressed: false);

    [Fact]
    public void CallShiftedByEditsAbove_IsNotAChange()
    {
        Assert.Empty(OperationAnalysis.Diff([Finding("a.cs", 10)], [Finding("a.cs", 25)]));
    }

    [Fact]
    public void SecondCallToTheSameOperation_IsAdded()
    {
        var change = Assert.Single(OperationAnalysis.Diff([Finding("a.cs", 10)], [Finding("a.cs", 10), Finding("a.cs", 30)]));
        Assert.Equal(("added", 30), (change.Change, change.Line));
    }

    [Fact]
    public void CallMovedToAnotherFile_IsMovedWithBothLocations()
    {
        var change = Assert.Single(OperationAnalysis.Diff([Finding("a.cs", 10)], [Finding("b.cs", 4)]));
        Assert.Equal(("moved", "b.cs", 4, "a.cs", 10), (change.Change, change.Path, change.Line, change.PreviousPath, change.PreviousLine!.Value));
    }

    [Fact]
    public void CallMovedBetweenMembersOfOneFile_IsMovedWhenTheAnalyzerNamesTheMember()
    {
        var change = Assert.Single(OperationAnalysis.Diff([Finding("a.cs", 10) with { Member = "Cleanup.Old()" }], [Finding("a.cs", 40) with { Member = "Cleanup.New()" }]));
        Assert.Equal(("moved", 40, 10), (change.Change, change.Line, change.PreviousLine!.Value));
    }

    [Fact]
    public void AddedOperations_ComeBeforeRemovedOnes()
    {
        var changes = OperationAnalysis.Diff([Finding("a.cs", 10)], [Finding("a.cs", 3, "Amazon.EC2.IAmazonEC2.TerminateInstancesAsync")]);
        Assert.Equal(["added", "removed"], changes.Select(c => c.Change).ToArray());
    }

    [Theory]
    [InlineData("Call to 'Amazon.S3.IAmazonS3.DeleteBucketAsync' deletes an S3 bucket and has no [ApprovedBy] attestation", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "Amazon.S3", "deletes an S3 bucket")]
    [InlineData("Call to 'Azure.ResourceManager.Resources.ResourceGroupResource.Delete' deletes a resource group and has no valid [ApprovedBy] attestation", "Azure.ResourceManager.Resources.ResourceGroupResource.Delete", "Azure.ResourceManager.Resources", "deletes a resource group")]
    public void AnalyzerMessage_SplitsIntoOperationServiceAndEffect(string message, string operation, string service, string effect)
    {
        Assert.Equal((operation, service, effect), OperationAnalysis.DescribeMessage(message));
    }

    [Fact]
    public void SarifResult_GivesARepositoryRelativeLocationAndSuppression()
    {
        var sarif = """
            {"version":"2.1.0","runs":[{"results":[
              {"ruleId":"CHK001","level":"error","message":{"text":"Call to 'Amazon.S3.IAmazonS3.DeleteBucketAsync' deletes an S3 bucket and has no [ApprovedBy] attestation"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///tmp/review/head/src/Cleanup.cs"},"region":{"startLine":12,"startColumn":9}}}],
               "suppressions":[{"kind":"inSource"}]},
              {"ruleId":"CS0168","level":"warning","message":{"text":"unused"}}
            ]}]}
            """;

        var finding = Assert.Single(SarifLog.ReadFindings(sarif, "/tmp/review/head"));

        Assert.Equal(("src/Cleanup.cs", 12, true, "Amazon.S3"), (finding.Path, finding.Line, finding.Suppressed, finding.Service));
    }
}
