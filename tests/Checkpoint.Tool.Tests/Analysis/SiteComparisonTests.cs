using Checkpoint.Tool.Analysis;

namespace Checkpoint.Tool.Tests.Analysis;

/// <summary>How the two sides' operation sites are paired: by file, operation and member, never by line.</summary>
public sealed class SiteComparisonTests
{
    private const string DeleteBucket = "M:Amazon.S3.IAmazonS3.DeleteBucketAsync(System.String,System.Threading.CancellationToken)";

    private static OperationSite Site(string path, int line, string member = "M:Cleanup.Retire", string operationId = DeleteBucket, string coverage = "none", string? approvers = null) =>
        new("CHK001", "error", path, line, 9, "Amazon.S3.IAmazonS3.DeleteBucketAsync", operationId, "Amazon.S3", "deletes an S3 bucket", "Destructive", member, coverage, approvers, Baselined: false, Suppressed: false);

    [Fact]
    public void CallShiftedByEditsAbove_IsNotAChange()
    {
        Assert.Empty(SiteComparison.Compare([Site("a.cs", 10)], [Site("a.cs", 25)]));
    }

    [Fact]
    public void SecondCallToTheSameOperation_IsAdded()
    {
        var change = Assert.Single(SiteComparison.Compare([Site("a.cs", 10)], [Site("a.cs", 10), Site("a.cs", 30)]));
        Assert.Equal(("added", 30), (change.Change, change.Line));
    }

    [Fact]
    public void CallMovedToAnotherFile_IsMovedWithBothLocations()
    {
        var change = Assert.Single(SiteComparison.Compare([Site("a.cs", 10)], [Site("b.cs", 4)]));
        Assert.Equal(("moved", "b.cs", 4, "a.cs", 10), (change.Change, change.Path, change.Line, change.PreviousPath, change.PreviousLine!.Value));
    }

    [Fact]
    public void CallMovedBetweenMembersOfOneFile_IsMoved()
    {
        var change = Assert.Single(SiteComparison.Compare([Site("a.cs", 10, "M:Cleanup.Old")], [Site("a.cs", 40, "M:Cleanup.New")]));
        Assert.Equal(("moved", 40, 10, "M:Cleanup.Old", "M:Cleanup.New"), (change.Change, change.Line, change.PreviousLine!.Value, change.PreviousMember, change.Member));
    }

    [Fact]
    public void OverloadOfTheSameName_IsADifferentOperation()
    {
        var changes = SiteComparison.Compare([Site("a.cs", 10)], [Site("a.cs", 10, operationId: "M:Amazon.S3.IAmazonS3.DeleteBucketAsync(Amazon.S3.Model.DeleteBucketRequest,System.Threading.CancellationToken)")]);
        Assert.Equal(["added", "removed"], changes.Select(c => c.Change).ToArray());
    }

    [Fact]
    public void AttestationAddedToAnExistingCall_IsACoverageChangeNamingTheApprover()
    {
        var change = Assert.Single(SiteComparison.Compare([Site("a.cs", 10)], [Site("a.cs", 11, coverage: "attested", approvers: "alice@example.com")]));
        Assert.Equal(("coverage-changed", "none", "alice@example.com", true), (change.Change, change.PreviousCoverage, change.Approvers, change.IsAttested));
    }

    [Fact]
    public void AddedOperations_ComeBeforeRemovedOnes_AndUnattestedBeforeAttested()
    {
        var terminate = "M:Amazon.EC2.IAmazonEC2.TerminateInstancesAsync";
        var changes = SiteComparison.Compare(
            [Site("a.cs", 10)],
            [Site("a.cs", 3, operationId: terminate, coverage: "attested", approvers: "agent"), Site("b.cs", 3, operationId: terminate)]);
        Assert.Equal([("added", false), ("added", true), ("removed", false)], changes.Select(c => (c.Change, c.IsAttested)).ToArray());
    }
}
