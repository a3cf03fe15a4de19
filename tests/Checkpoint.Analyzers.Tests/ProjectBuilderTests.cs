namespace Checkpoint.Analyzers.Tests;

/// <summary>The builder the other tests rely on fails when the analyzers disagree with the expectations.</summary>
public sealed class ProjectBuilderTests
{
    private const string Unattested = """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            Task RetireAsync(IAmazonS3 s3) => s3.{|#0:DeleteBucketAsync|}("old");
        }
        """;

    [Fact]
    public async Task MissingExpectation_FailsTheTest()
    {
        var error = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => CheckpointProject.WithSdks()
            .WithSourceCode(Unattested)
            .ValidateAsync());

        Assert.Contains("unexpected CHK001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectedDiagnosticThatIsNotReported_FailsTheTest()
    {
        var error = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => CheckpointProject.WithSdks()
            .WithSourceCode("class Quiet { void M() { } [|int|] _x; }")
            .ValidateAsync());

        Assert.Contains("missing CHK001 or CHK002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMessage_FailsTheTest()
    {
        var error = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => CheckpointProject.WithSdks()
            .WithSourceCode(Unattested)
            .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0).WithMessage("something else"))
            .ValidateAsync());

        Assert.Contains("has the message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceThatDoesNotCompile_FailsTheTest()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => CheckpointProject.WithSdks()
            .WithSourceCode("class Broken { void M() => Missing(); }")
            .ValidateAsync());

    [Fact]
    public async Task FixedCodeThatDiffers_FailsTheTest()
    {
        var error = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => CheckpointProject.WithSdks()
            .WithCodeFix<CodeFixes.AddApprovedByCodeFixProvider>()
            .WithSourceCode(Unattested)
            .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0))
            .ShouldFixCodeWith(Unattested)
            .ValidateAsync());

        Assert.Contains("after the fix", error.Message, StringComparison.Ordinal);
    }
}
