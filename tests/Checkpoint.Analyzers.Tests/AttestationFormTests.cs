namespace Checkpoint.Analyzers.Tests;

/// <summary>
/// CHK009: the gate reads attestations from the text of changed files, so the analyzer accepts only
/// the one form the gate can read (docs/rules/CHK009.md).
/// </summary>
public sealed class AttestationFormTests
{
    private const string Janitor = """
        using System.Threading.Tasks;
        using Amazon.S3;

        partial class Janitor
        {
            const string Alice = "alice@contoso.com";
        }
        """;

    [Theory]
    [InlineData("""[ApprovedBy("alice@contoso.com", Reason = "r")]""")]
    [InlineData("""[ApprovedByAttribute("alice@contoso.com", Reason = "r")]""")]
    [InlineData("""[Checkpoint.ApprovedBy("alice@contoso.com", Reason = "r")]""")]
    [InlineData("""[global::Checkpoint.ApprovedByAttribute("alice@contoso.com", Reason = "r")]""")]
    [InlineData("""[ApprovedBy(@"alice@contoso.com", Reason = "r")]""")]
    [InlineData("""[ApprovedBy("alice@contoso.com",""" + "\n        Reason = \"spread over lines\")]")]
    [InlineData("""[System.Obsolete, ApprovedBy("alice@contoso.com", Reason = "r")]""")]
    public Task TheReadableForm_IsAccepted(string attribute) => CheckpointProject.WithSdks()
        .WithSourceCode(Janitor)
        .WithSourceCode($$"""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Checkpoint;

            partial class Janitor
            {
                {{attribute}}
                Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("old");
            }
            """)
        .ValidateAsync();

    [Theory]
    [InlineData("""ApprovedBy($"alice@{Domain}", Reason = "r")""", "the approver is an interpolated string")]
    [InlineData("""ApprovedBy("alice@" + "contoso.com", Reason = "r")""", "the approver is a concatenation")]
    [InlineData("""ApprovedBy(Alice, Reason = "r")""", "the approver is a constant ('Alice'), not a literal")]
    [InlineData("""ApprovedBy(nameof(Alice), Reason = "r")""", "the approver is a nameof expression")]
    [InlineData("""ApprovedBy(approver: "alice@contoso.com", Reason = "r")""", "the approver is passed by name ('approver:')")]
    [InlineData("""ApprovedBy("alice\u0040contoso.com", Reason = "r")""", "the approver contains an escape sequence")]
    [InlineData("ApprovedBy(\n            \"alice@contoso.com\", Reason = \"r\")", "the approver is not on the line of the attribute name")]
    [InlineData("""Approve("alice@contoso.com", Reason = "r")""", "the attribute is named through a using alias ('Approve')")]
    [InlineData("""Cp.ApprovedBy("alice@contoso.com", Reason = "r")""", "the attribute is named 'Cp.ApprovedBy'; only Checkpoint. or global::Checkpoint. may qualify it")]
    [InlineData("""@ApprovedByAttribute("alice@contoso.com", Reason = "r")""", "the attribute's name is written '@ApprovedByAttribute', with '@' or an escape")]
    [InlineData("""\u0041pprovedBy("alice@contoso.com", Reason = "r")""", "the attribute's name is written '\\u0041pprovedBy', with '@' or an escape")]
    public Task AnyOtherForm_IsCHK009_SayingHowToWriteIt(string attribute, string problem) => CheckpointProject.WithSdks()
        .WithSourceCode(Janitor)
        .WithSourceCode($$"""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Checkpoint;
            using Approve = Checkpoint.ApprovedByAttribute;
            using Cp = Checkpoint;

            partial class Janitor
            {
                const string Domain = "contoso.com";

                [{|#0:{{attribute}}|}]
                Task RetireAsync(IAmazonS3 s3) => s3.DeleteBucketAsync("old");
            }
            """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnreadableAttestation).WithLocation(0)
            .WithMessage("The [ApprovedBy] attestation is not in the form the gate reads: " + problem + "; write it as [ApprovedBy(\"alice@contoso.com\", Reason = ...)] with the approver as a plain string literal on the line of the attribute name"))
        .ValidateAsync();

    [Fact]
    public Task AttestationOnALambdaOrLocalFunction_IsCHK005_AndTheCallSaysNoValidAttestation() => CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Checkpoint;

            class Janitor
            {
                Task RetireAsync(IAmazonS3 s3)
                {
                    [{|#0:ApprovedBy("alice@contoso.com", Reason = "Retire")|}]
                    Task Local() => s3.{|#1:DeleteBucketAsync|}("a");

                    Func<Task> later = [{|#2:ApprovedBy("alice@contoso.com", Reason = "Retire")|}] () => s3.{|#3:DeleteBucketAsync|}("b");
                    return Task.WhenAll(Local(), later());
                }
            }
            """)
        .ShouldReportDiagnostic(
            CheckpointProject.Diagnostic(RuleDescriptors.MisplacedAttestation).WithLocation(0).WithArguments("a local function"),
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1).WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", "valid "),
            CheckpointProject.Diagnostic(RuleDescriptors.MisplacedAttestation).WithLocation(2).WithArguments("a lambda"),
            CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(3).WithArguments("Call to", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket", "valid "))
        .ValidateAsync();
}
