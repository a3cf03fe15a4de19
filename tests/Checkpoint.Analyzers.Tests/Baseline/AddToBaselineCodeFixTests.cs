using Checkpoint.CodeFixes;

using Checkpoint.Testing.Analyzers;

namespace Checkpoint.Analyzers.Tests.Baseline;

/// <summary>
/// "Add to Checkpoint baseline" with the real AWSSDK.S3, through a workspace (the route the IDE
/// takes, including additional documents and Fix All). After the fix the sites are reported as
/// suppressed, which the builder leaves out unless asked; <see cref="BaselineTests"/> checks
/// <c>IsSuppressed</c> itself.
/// </summary>
public sealed class AddToBaselineCodeFixTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Amazon.S3;

        namespace Ops;

        class Cleanup
        {
            async Task RetireAsync(IAmazonS3 s3)
            {
                await s3.{|#0:DeleteBucketAsync|}("staging-2019");
                await s3.{|#1:DeleteObjectAsync|}("logs", "a.txt");
            }

            Task PurgeAsync(IAmazonS3 s3) => s3.{|#2:DeleteBucketAsync|}("scratch");
        }
        """;

    private const string RetireBucket = "M:Ops.Cleanup.RetireAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync #1";
    private const string RetireObject = "M:Ops.Cleanup.RetireAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteObjectAsync #1";
    private const string PurgeBucket = "M:Ops.Cleanup.PurgeAsync(Amazon.S3.IAmazonS3) Amazon.S3.IAmazonS3.DeleteBucketAsync #1";

    [Fact]
    public Task AddToBaseline_AppendsTheSiteKey_AndKeepsWhatIsWritten() => CreateProject()
        .WithBaseline("// adopted 2026-11-26\r\n" + PurgeBucket)
        .ShouldReportDiagnostic(Unattested(0), Unattested(1))
        .ShouldFixCodeWith(Source)
        .ShouldFixAdditionalFileWith("CheckpointBaseline.txt", "// adopted 2026-11-26\r\n" + PurgeBucket + "\r\n" + RetireBucket + "\r\n" + RetireObject + "\r\n")
        .ValidateAsync();

    [Fact]
    public Task FixAll_CreatesTheBaselineWithEveryKey() => CreateProject()
        .ShouldReportDiagnostic(Unattested(0), Unattested(1), Unattested(2))
        .ShouldBatchFixCodeWith(Source)
        .ShouldFixAdditionalFileWith(
            "CheckpointBaseline.txt",
            "// Checkpoint baseline: call sites that existed when Checkpoint was adopted (docs/baseline.md).\n" +
            "// Listed sites are reported as suppressed; remove an entry when its site is gone or attested.\n" +
            RetireBucket + "\n" + RetireObject + "\n" + PurgeBucket + "\n")
        .ValidateAsync();

    private static ProjectBuilder CreateProject() => CheckpointProject.WithSdks()
        .WithCodeFix<AddToBaselineCodeFixProvider>()
        .WithCodeActionEquivalenceKey(nameof(AddToBaselineCodeFixProvider))
        .WithSourceCode(Source);

    private static ExpectedDiagnostic Unattested(int location)
        => CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(location);
}
