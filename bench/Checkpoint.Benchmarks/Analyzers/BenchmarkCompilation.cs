using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>
/// Builds compilations of a <see cref="SyntheticCodebase"/> the way a consumer build would: .NET 10
/// reference assemblies, the real cloud SDK assemblies as metadata references (only in the cloud
/// flavour) and the Checkpoint attributes source the package adds to every compilation.
/// </summary>
public sealed class BenchmarkCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        concurrentBuild: true,
        nullableContextOptions: NullableContextOptions.Disable);

    private readonly IReadOnlyList<SyntaxTree> _trees;
    private readonly IReadOnlyList<MetadataReference> _references;

    private BenchmarkCompilation(SyntheticCodebase codebase, IReadOnlyList<SyntaxTree> trees, IReadOnlyList<MetadataReference> references)
    {
        Codebase = codebase;
        _trees = trees;
        _references = references;
    }

    public SyntheticCodebase Codebase { get; }

    /// <param name="cloudSdk">Reference the real SDKs (true) or declare look-alike types in source (false).</param>
    /// <param name="includeAttributes">
    /// Add build/Checkpoint.Attributes.cs as the package does (true), or leave it out: only to
    /// diagnose what the attribute declarations alone make the analyzers do.
    /// </param>
    public static BenchmarkCompilation Create(bool cloudSdk, bool includeAttributes = true)
    {
        var codebase = SyntheticCodebase.Generate(cloudSdk);
        var trees = codebase.Parse(ParseOptions, includeAttributes ? ReadAttributesSource() : null);
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
        if (cloudSdk)
        {
            references.AddRange(CloudSdkReferences());
        }

        return new BenchmarkCompilation(codebase, trees, references);
    }

    /// <summary>
    /// A fresh compilation over the already parsed trees. Each measurement needs one: a compilation
    /// caches everything it has bound, so reusing it would measure only the second, cheaper pass.
    /// </summary>
    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Synthetic", _trees, _references, CompilationOptions);

    private static string ReadAttributesSource()
    {
        using var stream = typeof(BenchmarkCompilation).Assembly.GetManifestResourceStream("Checkpoint.Attributes.cs")
            ?? throw new InvalidOperationException("The Checkpoint.Attributes.cs resource is missing from the benchmark assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The SDK assemblies this program itself references, plus their non-framework dependencies
    // (Azure.Core, System.ClientModel ...) that the build copied beside it.
    private static IEnumerable<MetadataReference> CloudSdkReferences()
    {
        var anchors = new[]
        {
            typeof(Amazon.S3.IAmazonS3).Assembly,
            typeof(Amazon.EC2.IAmazonEC2).Assembly,
            typeof(Amazon.Runtime.IAmazonService).Assembly,
            typeof(Azure.Storage.Blobs.BlobContainerClient).Assembly,
            typeof(Azure.ResourceManager.ArmClient).Assembly,
            typeof(Azure.WaitUntil).Assembly,
        };
        var frameworkNames = Basic.Reference.Assemblies.Net100.References.All
            .Select(r => Path.GetFileNameWithoutExtension(r.FilePath))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>(anchors);
        while (pending.Count > 0)
        {
            var assembly = pending.Dequeue();
            var name = assembly.GetName().Name!;
            if (!seen.Add(name))
            {
                continue;
            }

            yield return MetadataReference.CreateFromFile(assembly.Location);
            foreach (var dependency in assembly.GetReferencedAssemblies())
            {
                var path = Path.Combine(AppContext.BaseDirectory, dependency.Name + ".dll");
                if (!frameworkNames.Contains(dependency.Name!) && !seen.Contains(dependency.Name!) && File.Exists(path))
                {
                    pending.Enqueue(Assembly.LoadFrom(path));
                }
            }
        }
    }

    /// <summary>BannedSymbols.txt banning every overload of the operations the code base calls destructively.</summary>
    public static string BannedSymbolsText(Compilation compilation)
    {
        var lines = new List<string>();
        foreach (var (typeName, methodName) in SyntheticCodebase.DestructiveOperations)
        {
            var type = compilation.GetTypeByMetadataName(typeName)
                ?? throw new InvalidOperationException($"The compilation has no type {typeName}: is the SDK referenced?");
            foreach (var method in type.GetMembers(methodName).OfType<IMethodSymbol>())
            {
                lines.Add(DocumentationCommentId.CreateDeclarationId(method) + ";destructive cloud operation");
            }
        }

        return string.Join('\n', lines) + '\n';
    }

    public static ImmutableArray<AdditionalText> AdditionalFiles(string bannedSymbols) =>
        [new InMemoryAdditionalText("/synthetic/BannedSymbols.txt", bannedSymbols)];
}
