using System.Reflection;
using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers.Tests;

/// <summary>
/// The consumer projects of these tests, in <see cref="ProjectBuilder"/>'s vocabulary: every
/// Checkpoint analyzer, the attribute source the package adds, and (with <see cref="WithCloudSdks"/>)
/// the real SDK and library assemblies plus the stubs of the SDKs the package source does not serve.
/// <c>[|...|]</c> in the markup marks a CHK001 or CHK002.
/// </summary>
internal static class CheckpointProject
{
    /// <summary>Every package whose operations or look-alikes the tests bind against.</summary>
    public static readonly string[] CloudSdks =
    [
        "AWSSDK.S3", "AWSSDK.EC2", "AWSSDK.DynamoDBv2", "AWSSDK.SQS", "AWSSDK.KeyManagementService",
        "Azure.ResourceManager", "Azure.ResourceManager.Compute", "Azure.Storage.Blobs", "Azure.Storage.Queues",
        "Azure.Storage.Files.Shares", "Azure.Data.Tables", "Microsoft.Azure.Cosmos", "Azure.Security.KeyVault.Secrets",
        "Azure.Messaging.ServiceBus",
        "Google.Cloud.Storage.V1", "KubernetesClient", "MongoDB.Driver", "StackExchange.Redis",
        "Microsoft.EntityFrameworkCore.Relational", "Dapper", "Npgsql", "Microsoft.Data.SqlClient", "Microsoft.Data.Sqlite.Core",
        "MySqlConnector", "CliWrap", "MedallionShell", "Instances",
        "Moq", "NSubstitute", "FakeItEasy",
    ];

    private static readonly Type[] AnalyzerTypes = [.. typeof(DestructiveOperationAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>A project with every Checkpoint analyzer and (unless told otherwise) the package's attribute source, and no SDK.</summary>
    public static ProjectBuilder Create(bool withAttributes = true)
    {
        var builder = new ProjectBuilder().WithDefaultDiagnosticIds("CHK001", "CHK002");
        if (withAttributes)
        {
            builder.WithCheckpointAttributes();
        }

        foreach (var type in AnalyzerTypes)
        {
            builder.WithAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
        }

        return builder;
    }

    /// <summary>The common case: every SDK referenced.</summary>
    public static ProjectBuilder WithSdks() => Create().WithCloudSdks();

    public static ProjectBuilder WithCloudSdks(this ProjectBuilder builder)
        => builder.WithPackages(CloudSdks).WithReferences(StubAssemblies.All);

    /// <summary>EF Core 8, which declares ExecuteDelete on another type than EF Core 10 (downloaded only, read from the NuGet cache).</summary>
    public static ProjectBuilder WithEfCore8(this ProjectBuilder builder)
        => builder
            .WithReferences(PackageAssemblies.PackageBuild("Microsoft.EntityFrameworkCore", "8.0.34", "net8.0"))
            .WithReferences(PackageAssemblies.PackageBuild("Microsoft.EntityFrameworkCore.Relational", "8.0.34", "net8.0"))
            .WithReferences(PackageAssemblies.PackageBuild("Microsoft.EntityFrameworkCore.Abstractions", "8.0.34", "net8.0"));

    /// <summary>How CHK001 and CHK002 messages end: what to do about the site.</summary>
    public const string Remedy = ": attest the member with [ApprovedBy(\"<approver>\", Reason = ...)], mark it [Destructive] so that its callers attest, or list the site in CheckpointBaseline.txt";

    public static ExpectedDiagnostic Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor) => ExpectedDiagnostic.Create(descriptor);
}
