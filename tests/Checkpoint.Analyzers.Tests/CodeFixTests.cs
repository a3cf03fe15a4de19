using Checkpoint.CodeFixes;
using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Checkpoint.Analyzers.Tests;

/// <summary>"Add [ApprovedBy] attestation" and "Mark as [Destructive]", one at a time and with Fix All.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task AddApprovedBy_AddsEmptyAttestationAndUsing_WhichCHK003ThenReports() => FixAsync<AddApprovedByCodeFixProvider>(
        """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            /// <summary>Retires the staging bucket.</summary>
            public async Task RetireAsync(IAmazonS3 s3) => await s3.{|CHK001:DeleteBucketAsync|}("staging-2019");
        }
        """,
        """
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            /// <summary>Retires the staging bucket.</summary>
            [{|CHK003:ApprovedBy("", Reason = "")|}]
            public async Task RetireAsync(IAmazonS3 s3) => await s3.{|#0:DeleteBucketAsync|}("staging-2019");
        }
        """,
        [Remaining(RuleDescriptors.UnattestedDestructiveOperation, 0, "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket")]);

    [Fact]
    public Task AddApprovedBy_KeepsExistingAttributesAndUsings() => FixAsync<AddApprovedByCodeFixProvider>(
        """
        using Amazon.S3;
        using Checkpoint;
        using System;

        class Janitor
        {
            [Obsolete("Use the pipeline")]
            public void Retire(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("staging-2019");
        }
        """,
        """
        using Amazon.S3;
        using Checkpoint;
        using System;

        class Janitor
        {
            [Obsolete("Use the pipeline")]
            [{|CHK003:ApprovedBy("", Reason = "")|}]
            public void Retire(IAmazonS3 s3) => s3.{|#0:DeleteBucketAsync|}("staging-2019");
        }
        """,
        [Remaining(RuleDescriptors.UnattestedDestructiveOperation, 0, "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket")]);

    [Fact]
    public Task AddApprovedBy_GoesOnThePropertyForAnAccessor_AndOnTheMemberForALambda() => FixAsync<AddApprovedByCodeFixProvider>(
        """
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;

        namespace Fleet
        {
            class Nightly
            {
                VirtualMachineResource? Vm
                {
                    set => value?.{|CHK002:PowerOff|}(WaitUntil.Started);
                }

                Task StopLaterAsync(VirtualMachineResource vm) => Task.Run(() => vm.{|CHK002:PowerOffAsync|}(WaitUntil.Completed));
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;
        using Checkpoint;

        namespace Fleet
        {
            class Nightly
            {
                [{|CHK003:ApprovedBy("", Reason = "")|}]
                VirtualMachineResource? Vm
                {
                    set => value?.{|#0:PowerOff|}(WaitUntil.Started);
                }

                [{|CHK003:ApprovedBy("", Reason = "")|}]
                Task StopLaterAsync(VirtualMachineResource vm) => Task.Run(() => vm.{|#1:PowerOffAsync|}(WaitUntil.Completed));
            }
        }
        """,
        [
            Remaining(RuleDescriptors.UnattestedDisruptiveOperation, 0, "Azure.ResourceManager.Compute.VirtualMachineResource.PowerOff", "powers off an Azure virtual machine"),
            Remaining(RuleDescriptors.UnattestedDisruptiveOperation, 1, "Azure.ResourceManager.Compute.VirtualMachineResource.PowerOffAsync", "powers off an Azure virtual machine"),
        ]);

    [Fact]
    public Task AddApprovedBy_FixAll_AnnotatesEachMemberOnce_AndAddsOneUsing() => FixAsync<AddApprovedByCodeFixProvider>(
        """
        using System.Threading.Tasks;
        using Amazon.S3;

        class Janitor
        {
            async Task RetireAsync(IAmazonS3 s3)
            {
                await s3.{|CHK001:DeleteBucketAsync|}("a");
                await s3.{|CHK001:DeleteBucketAsync|}("b");
            }

            Task PurgeAsync(IAmazonS3 s3) => s3.{|CHK001:DeleteObjectAsync|}("a", "k");
        }
        """,
        """
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Janitor
        {
            [{|CHK003:ApprovedBy("", Reason = "")|}]
            async Task RetireAsync(IAmazonS3 s3)
            {
                await s3.{|#0:DeleteBucketAsync|}("a");
                await s3.{|#1:DeleteBucketAsync|}("b");
            }

            [{|CHK003:ApprovedBy("", Reason = "")|}]
            Task PurgeAsync(IAmazonS3 s3) => s3.{|#2:DeleteObjectAsync|}("a", "k");
        }
        """,
        [
            Remaining(RuleDescriptors.UnattestedDestructiveOperation, 0, "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket"),
            Remaining(RuleDescriptors.UnattestedDestructiveOperation, 1, "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket"),
            Remaining(RuleDescriptors.UnattestedDestructiveOperation, 2, "Amazon.S3.IAmazonS3.DeleteObjectAsync", "deletes an S3 object"),
        ],
        fixAll: true);

    [Fact]
    public Task AddApprovedBy_InAFileWithoutUsings_KeepsTheFileHeaderFirst() => FixAsync<AddApprovedByCodeFixProvider>(
        """
        // Copyright (c) Contoso.
        namespace Ops;

        class Janitor
        {
            void Retire(Amazon.S3.IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("x");
        }
        """,
        """
        // Copyright (c) Contoso.
        using Checkpoint;

        namespace Ops;

        class Janitor
        {
            [{|CHK003:ApprovedBy("", Reason = "")|}]
            void Retire(Amazon.S3.IAmazonS3 s3) => s3.{|#0:DeleteBucketAsync|}("x");
        }
        """,
        [Remaining(RuleDescriptors.UnattestedDestructiveOperation, 0, "Amazon.S3.IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket")]);

    [Fact]
    public Task AddApprovedBy_IsNotOfferedForTopLevelStatements() => FixAsync<AddApprovedByCodeFixProvider>(
        """
        using Amazon.S3;

        IAmazonS3 s3 = new AmazonS3Client();
        await s3.{|CHK001:DeleteBucketAsync|}("old");
        """,
        """
        using Amazon.S3;

        IAmazonS3 s3 = new AmazonS3Client();
        await s3.{|CHK001:DeleteBucketAsync|}("old");
        """,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task MarkDestructive_MovesTheRequirementToTheCallers() => FixAsync<MarkDestructiveCodeFixProvider>(
        """
        // Tenant administration.
        using System.Threading.Tasks;
        using Amazon.S3;

        class Tenants
        {
            public Task DropAsync(IAmazonS3 s3, string tenant) => s3.{|CHK001:DeleteBucketAsync|}("tenant-" + tenant);

            Task OffboardAsync(IAmazonS3 s3) => DropAsync(s3, "42");
        }
        """,
        """
        // Tenant administration.
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Tenants
        {
            [Destructive]
            public Task DropAsync(IAmazonS3 s3, string tenant) => s3.DeleteBucketAsync("tenant-" + tenant);

            [Destructive]
            Task OffboardAsync(IAmazonS3 s3) => DropAsync(s3, "42");
        }
        """);

    [Fact]
    public Task MarkDestructive_FixAll_MarksEveryCallingMethod() => FixAsync<MarkDestructiveCodeFixProvider>(
        """
        using Amazon.S3;

        class Tenants
        {
            void DropA(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("a");
            void DropB(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}("b");
        }
        """,
        """
        using Amazon.S3;
        using Checkpoint;

        class Tenants
        {
            [Destructive]
            void DropA(IAmazonS3 s3) => s3.DeleteBucketAsync("a");
            [Destructive]
            void DropB(IAmazonS3 s3) => s3.DeleteBucketAsync("b");
        }
        """,
        fixAll: true);

    [Fact]
    public Task MarkDestructive_IsNotOfferedForDisruptiveOperationsOrFields() => FixAsync<MarkDestructiveCodeFixProvider>(
        """
        using Amazon.S3;
        using Azure;
        using Azure.ResourceManager.Compute;

        class Fleet
        {
            static readonly IAmazonS3 S3 = new AmazonS3Client();
            readonly object _pending = S3.{|CHK001:DeleteBucketAsync|}("a");

            void Stop(VirtualMachineResource vm) => vm.{|CHK002:PowerOff|}(WaitUntil.Started);
        }
        """,
        """
        using Amazon.S3;
        using Azure;
        using Azure.ResourceManager.Compute;

        class Fleet
        {
            static readonly IAmazonS3 S3 = new AmazonS3Client();
            readonly object _pending = S3.{|CHK001:DeleteBucketAsync|}("a");

            void Stop(VirtualMachineResource vm) => vm.{|CHK002:PowerOff|}(WaitUntil.Started);
        }
        """);

    /// <summary>The operation stays reported until a human completes the attestation the fix added.</summary>
    private static ExpectedDiagnostic Remaining(DiagnosticDescriptor rule, int location, string operation, string description)
        => CheckpointProject.Diagnostic(rule).WithLocation(location).WithArguments("Call to", operation, description, "valid ");

    /// <summary>The fix applied diagnostic by diagnostic, or (<paramref name="fixAll"/>) once as Fix All in the document.</summary>
    private static Task FixAsync<TCodeFix>(
        string source,
        string fixedSource,
        ExpectedDiagnostic[]? remaining = null,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        bool fixAll = false)
        where TCodeFix : CodeFixProvider, new()
    {
        var project = CheckpointProject.WithSdks()
            .WithOutputKind(outputKind)
            .WithCodeFix<TCodeFix>()
            .WithSourceCode(source)
            .ShouldReportDiagnosticAfterFix(remaining ?? []);
        return (fixAll ? project.ShouldBatchFixCodeWith(fixedSource) : project.ShouldFixCodeWith(fixedSource)).ValidateAsync();
    }
}
