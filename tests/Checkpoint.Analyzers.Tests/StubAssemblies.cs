using System.Collections.Immutable;
using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Checkpoint.Analyzers.Tests;

/// <summary>
/// The SDKs the package source does not serve, each compiled from its stub in <c>Stubs/</c> into its
/// own in-memory assembly named like the package it stands in for (see Stubs/README.md).
/// </summary>
internal static class StubAssemblies
{
    private static readonly string[] Stubs =
    [
        "GoogleGax", "GoogleCloudBigQueryV2", "GoogleCloudComputeV1", "GoogleCloudSpanner", "GoogleCloudKms",
        "GoogleCloudFirestore", "GoogleCloudDatastore", "PulumiAutomation",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Compile);

    public static ImmutableArray<MetadataReference> All => Lazy.Value;

    private static ImmutableArray<MetadataReference> Compile()
    {
        var references = new List<MetadataReference>();
        foreach (var stub in Stubs)
        {
            var tree = CSharpSyntaxTree.ParseText(
                SourceTree.ReadText($"tests/Checkpoint.Analyzers.Tests/Stubs/{stub}.cs"),
                new CSharpParseOptions(LanguageVersion.Latest),
                path: stub + ".cs");
            var compilation = CSharpCompilation.Create(
                stub,
                [tree],
                PackageAssemblies.Framework.AddRange(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emit = compilation.Emit(image);
            if (!emit.Success)
            {
                throw new InvalidOperationException($"Stub {stub} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, emit.Diagnostics)}");
            }

            references.Add(MetadataReference.CreateFromImage(image.ToArray()));
        }

        return [.. references];
    }
}
