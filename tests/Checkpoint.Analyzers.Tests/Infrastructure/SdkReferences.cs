using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests.Infrastructure;

/// <summary>
/// The real SDK assemblies, as metadata references, in the builds that match the net8.0 reference
/// assemblies the tests compile against. The versions are the ones this test project restored
/// (read from its deps.json); the files come from the NuGet cache, so no network is needed.
/// </summary>
internal static class SdkReferences
{
    private static readonly string[] PackageIds =
    [
        "AWSSDK.Core", "AWSSDK.S3", "AWSSDK.EC2", "AWSSDK.DynamoDBv2", "AWSSDK.SQS", "AWSSDK.KeyManagementService",
        "Azure.Core", "System.ClientModel", "System.Memory.Data",
        "Azure.ResourceManager", "Azure.ResourceManager.Compute",
        "Azure.Storage.Common", "Azure.Storage.Blobs", "Azure.Storage.Queues", "Azure.Storage.Files.Shares",
        "Azure.Data.Tables", "Microsoft.Azure.Cosmos", "Azure.Security.KeyVault.Secrets", "Azure.Messaging.ServiceBus",
        "Moq", "Castle.Core",
    ];

    // Most specific first; the tests' framework is net8.0.
    private static readonly string[] TargetFrameworks = ["net8.0", "net6.0", "netstandard2.1", "netstandard2.0"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(() => Load(PackageIds, TargetFrameworks));

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyNetFramework = new(
        () => Load(["AWSSDK.Core", "AWSSDK.S3"], ["net472"]));

    public static ImmutableArray<MetadataReference> All => Lazy.Value;

    /// <summary>The .NET Framework builds of AWSSDK.Core and AWSSDK.S3, which still have sync operations and S3.IO.</summary>
    public static ImmutableArray<MetadataReference> AwsForNetFramework => LazyNetFramework.Value;

    private static ImmutableArray<MetadataReference> Load(string[] packageIds, string[] targetFrameworks)
    {
        var root = typeof(SdkReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value!;
        var depsFile = Path.Combine(AppContext.BaseDirectory, typeof(SdkReferences).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("libraries");

        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var id in packageIds)
        {
            var library = libraries.EnumerateObject().SingleOrDefault(l => l.Name.StartsWith(id + "/", StringComparison.OrdinalIgnoreCase));
            if (library.Value.ValueKind == JsonValueKind.Undefined)
            {
                throw new InvalidOperationException($"The test project does not restore {id}.");
            }

            var lib = Path.Combine(root, library.Value.GetProperty("path").GetString()!, "lib");
            var folder = targetFrameworks.Select(tfm => Path.Combine(lib, tfm)).FirstOrDefault(Directory.Exists)
                ?? throw new InvalidOperationException($"{id} has no build for {string.Join(" or ", targetFrameworks)} in {lib}.");
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll").Where(IsManaged))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references.ToImmutable();
    }

    private static bool IsManaged(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }
}
