using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Checkpoint.Analyzers.Baseline;
using Checkpoint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Analyzers.Tests.Breadth;

/// <summary>
/// Compiles one consumer file against the real SDKs (and the stubs of the unserved ones) and runs
/// the analyzers directly, without a workspace: fast enough for a
/// hundred cases, and it exposes <see cref="Diagnostic.IsSuppressed"/>.
/// </summary>
/// <remarks>
/// The framework is the running .NET's own assemblies, because EF Core 10 builds only for net10.0.
/// A consumer file that does not compile fails the test, so a case can never pass by binding to nothing.
/// </remarks>
internal static class BreadthHarness
{
    /// <summary>Real assemblies from the test's output folder, by assembly name.</summary>
    private static readonly string[] RealSdkAssemblies =
    [
        "Google.Cloud.Storage.V1", "Google.Apis.Storage.v1", "Google.Apis", "Google.Apis.Core", "Google.Apis.Auth",
        "Google.Api.Gax", "Google.Api.Gax.Rest",
        "KubernetesClient",
        "MongoDB.Driver", "MongoDB.Bson",
        "StackExchange.Redis",
        "Dapper",
        "NSubstitute", "FakeItEasy", "Moq", "Castle.Core",
        "AWSSDK.Core", "AWSSDK.EC2", "AWSSDK.S3",
    ];

    private static readonly string[] EfCore10 = ["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational", "Microsoft.EntityFrameworkCore.Abstractions"];

    private static readonly string[] Stubs =
    [
        "GoogleGax", "GoogleCloudBigQueryV2", "GoogleCloudComputeV1", "GoogleCloudSpanner", "GoogleCloudKms",
        "GoogleCloudFirestore", "GoogleCloudDatastore", "PulumiAutomation",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Lazy<ImmutableArray<MetadataReference>> Sdks = new(() => [.. RealSdkAssemblies.Select(FromOutput)]);
    private static readonly Lazy<ImmutableArray<MetadataReference>> Ef10 = new(() => [.. EfCore10.Select(FromOutput)]);
    private static readonly Lazy<ImmutableArray<MetadataReference>> Ef8 = new(LoadEfCore8);
    private static readonly Lazy<ImmutableArray<MetadataReference>> StubReferences = new(CompileStubs);

    public enum EfCore
    {
        Version10,
        Version8,
    }

    /// <summary>The CHK diagnostics of a consumer file, suppressed ones included.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        string source,
        string? baseline = null,
        EfCore efCore = EfCore.Version10,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        bool withSdks = true,
        IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var compilation = Compile(source, efCore, outputKind, withSdks);
        var additionalFiles = baseline is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/project/" + CheckpointBaseline.FileName, baseline));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DestructiveOperationAnalyzer(), new AttestationAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles, new GlobalOptionsProvider(globalOptions ?? new Dictionary<string, string>())), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes));
        return [.. diagnostics.Where(d => d.Id.StartsWith("CHK", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>
    /// Checks that exactly the spans marked <c>[|...|]</c> in <paramref name="markup"/> are reported
    /// as CHK001/CHK002 (not suppressed), and returns those diagnostics for further checks.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AssertFlaggedAsync(string markup, EfCore efCore = EfCore.Version10, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool withSdks = true)
    {
        var (source, expected) = ParseMarkup(markup);
        var diagnostics = (await AnalyzeAsync(source, efCore: efCore, outputKind: outputKind, withSdks: withSdks))
            .Where(d => d.Id is "CHK001" or "CHK002" && !d.IsSuppressed)
            .ToImmutableArray();
        var actual = diagnostics.Select(d => d.Location.SourceSpan).ToList();
        var report = string.Join(Environment.NewLine, diagnostics.Select(d => $"{d.Id} at {source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}: {d.GetMessage()}"));
        Assert.True(
            expected.SequenceEqual(actual),
            $"Expected {expected.Count} flagged site(s) ({string.Join(", ", expected.Select(s => source.Substring(s.Start, s.Length)))}), got:{Environment.NewLine}{report}");
        return diagnostics;
    }

    public static Task AssertNothingFlaggedAsync(string source, EfCore efCore = EfCore.Version10) => AssertFlaggedAsync(source, efCore);

    /// <param name="withSdks">False compiles against the framework alone, as a project without any SDK.</param>
    public static CSharpCompilation Compile(string source, EfCore efCore = EfCore.Version10, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool withSdks = true)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, parseOptions, path: "/project/Consumer.cs"),
            CSharpSyntaxTree.ParseText(CheckpointAttributesSource.Text, parseOptions, path: "/project/" + CheckpointAttributesSource.FileName),
        };
        var references = withSdks
            ? Framework.Value.AddRange(Sdks.Value).AddRange(StubReferences.Value).AddRange(efCore == EfCore.Version10 ? Ef10.Value : Ef8.Value)
            : Framework.Value;
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The consumer source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        return compilation;
    }

    public static (string Source, List<TextSpan> Spans) ParseMarkup(string markup)
    {
        var builder = new StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                open.Push(builder.Length);
                i++;
            }
            else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0 && open.Count > 0)
            {
                var start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, builder.Length));
                i++;
            }
            else
            {
                builder.Append(markup[i]);
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (builder.ToString(), spans);
    }

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    private static MetadataReference FromOutput(string assemblyName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        Assert.True(File.Exists(path), $"{assemblyName}.dll is not in the test output; is its package referenced?");
        return MetadataReference.CreateFromFile(path);
    }

    /// <summary>EF Core 8 is only downloaded (see the test project); its net8.0 builds come from the NuGet cache.</summary>
    private static ImmutableArray<MetadataReference> LoadEfCore8()
    {
        var root = typeof(BreadthHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "NuGetPackageRoot").Value!;
        return [.. EfCore10.Select(name =>
        {
            var path = Path.Combine(root, name.ToLowerInvariant(), "8.0.34", "lib", "net8.0", name + ".dll");
            Assert.True(File.Exists(path), $"EF Core 8 is not in the NuGet cache at {path}; restore the test project.");
            return (MetadataReference)MetadataReference.CreateFromFile(path);
        })];
    }

    /// <summary>Each stub becomes its own assembly, named like the package it stands in for.</summary>
    private static ImmutableArray<MetadataReference> CompileStubs()
    {
        var references = new List<MetadataReference>();
        foreach (var stub in Stubs)
        {
            using var stream = typeof(BreadthHarness).Assembly.GetManifestResourceStream("Stubs." + stub + ".cs")
                ?? throw new InvalidOperationException($"Stub {stub}.cs is not embedded.");
            using var reader = new StreamReader(stream);
            var tree = CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest), path: stub + ".cs");
            var compilation = CSharpCompilation.Create(
                stub,
                [tree],
                Framework.Value.AddRange(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emit = compilation.Emit(image);
            Assert.True(emit.Success, $"Stub {stub} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, emit.Diagnostics)}");
            references.Add(MetadataReference.CreateFromImage(image.ToArray()));
        }

        return [.. references];
    }

    private sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static Options Empty { get; } = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => values.TryGetValue(key, out value);
        }
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
