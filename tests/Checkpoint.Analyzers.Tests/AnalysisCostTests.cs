using System.Collections.Immutable;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Testing;

namespace Checkpoint.Analyzers.Tests;

/// <summary>
/// A project without a cloud SDK pays for one look at its references and a name check on its calls:
/// no operation actions, and binding only for calls named like a framework operation.
/// </summary>
public sealed class AnalysisCostTests
{
    private const string EverydayCode = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Everyday
        {
            async Task RunAsync(HttpClient http, List<int> numbers)
            {
                await http.DeleteAsync("https://example.invalid/1");
                numbers.Remove(1);
            }
        }
        """;

    [Fact]
    public async Task ProjectWithoutSdksOrCheckpointAttributes_RegistersOnlyNameFilteredSyntaxWork()
    {
        var telemetry = await RunAsync(includeAttributes: false, includeSdks: false);

        AssertOnlySyntaxNodeActions(telemetry[typeof(DestructiveOperationAnalyzer)]);
        Assert.Equal(0, telemetry[typeof(DestructiveOperationAnalyzer)].AdditionalFileActionsCount);
        Assert.Equal(0, telemetry[typeof(AttestationAnalyzer)].SymbolActionsCount);
        Assert.Equal(0, telemetry[typeof(AttestationAnalyzer)].SyntaxNodeActionsCount);
    }

    [Fact]
    public async Task ProjectWithThePackagesAttributesButNoDestructiveMember_RegistersOnlyNameFilteredSyntaxWork()
    {
        var telemetry = await RunAsync(includeAttributes: true, includeSdks: false);

        AssertOnlySyntaxNodeActions(telemetry[typeof(DestructiveOperationAnalyzer)]);
        Assert.Equal(0, telemetry[typeof(AttestationAnalyzer)].SymbolActionsCount);
    }

    [Fact]
    public async Task ProjectWithFrameworkOperationsSetToNever_RegistersNoPerNodeWork()
    {
        var telemetry = await RunAsync(includeAttributes: false, includeSdks: false, globalOptions: new() { ["checkpoint.framework_operations"] = "never" });

        Assert.Equal(0, telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount);
        Assert.Equal(0, telemetry[typeof(DestructiveOperationAnalyzer)].SyntaxNodeActionsCount);
    }

    [Fact]
    public async Task ProjectWithoutSdks_BindsOnlyCallsNamedLikeAFrameworkOperation()
    {
        var compilation = await CompileAsync(includeAttributes: true, includeSdks: false, extraSource: """
            using System;
            using System.Diagnostics;
            using System.IO;

            class Deploy
            {
                void TearDown(string path, Action<string> log)
                {
                    log(path.Trim());
                    Console.WriteLine(path.Length);
                    Directory.Delete(path, true);
                    Process.Start("terraform", "destroy -auto-approve");
                    Action<string, bool> later = Directory.Delete;
                }
            }
            """);
        var classifier = OperationClassifier.Create(compilation, UserCatalogue.Empty, CancellationToken.None);
        Assert.NotNull(classifier);
        Assert.True(classifier.OnlyFrameworkOperations);

        var candidates = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes())
            .Where(node => node is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or SimpleNameSyntax)
            .Where(node => FrameworkOperationSites.IsCandidate(node, classifier))
            .Select(node => node.ToString())
            .ToList();

        // The framework entries name exact members, so HttpClient.DeleteAsync in the everyday code is not even bound.
        Assert.Equal(
            ["Directory.Delete", "Process.Start", "Directory.Delete"],
            candidates);
    }

    [Theory]
    [InlineData("using static System.Math;", false)]
    [InlineData("using static System.IO.Path;", false)]
    [InlineData("class Launcher : System.Diagnostics.Process { }", false)]
    [InlineData("using static System.IO.Directory;", true)]
    [InlineData("using static System.Diagnostics.Process;", true)]
    [InlineData("namespace Tools { using static System.IO.Directory; }", true)]
    [InlineData("global using static System.IO.Directory;", true)]
    public async Task BareNames_AreLookedAtEverywhereOnlyUnderAStaticImportOfAnOperation(string source, bool everywhere)
    {
        var compilation = await CompileAsync(includeAttributes: false, includeSdks: false, extraSource: source);
        var classifier = OperationClassifier.Create(compilation, UserCatalogue.Empty, CancellationToken.None);

        Assert.NotNull(classifier);
        Assert.True(classifier.OnlyFrameworkOperations);
        Assert.True(classifier.FrameworkOperationsMayBeInherited);
        Assert.Equal(everywhere, FrameworkOperationSites.ImportsOperationsStatically(compilation, classifier, CancellationToken.None));

        var telemetry = await RunAsync(includeAttributes: false, includeSdks: false, extraSource: source);
        var destructive = telemetry[typeof(DestructiveOperationAnalyzer)];
        Assert.Equal(0, destructive.OperationActionsCount);
        Assert.Equal(everywhere ? 2 : 1, destructive.SyntaxNodeActionsCount);
        Assert.Equal(everywhere ? 0 : 1, destructive.SymbolStartActionsCount);
    }

    [Fact]
    public async Task AStaticImportThatDoesNotBind_CountsAsImportingAnOperation()
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var everyday = CSharpCompilation.Create("Everyday", [CSharpSyntaxTree.ParseText("using static Unresolved.Tools;")], references);
        var classifier = OperationClassifier.Create(everyday, UserCatalogue.Empty, CancellationToken.None);

        Assert.NotNull(classifier);
        Assert.True(FrameworkOperationSites.ImportsOperationsStatically(everyday, classifier, CancellationToken.None));
    }

    [Fact]
    public async Task ProjectThatMarksAMemberDestructive_ChecksCalls()
    {
        var telemetry = await RunAsync(includeAttributes: true, includeSdks: false, extraSource: """
            class Tenants
            {
                [Checkpoint.Destructive("Drops every tenant table")]
                public void DropTenant() { }
            }
            """);

        Assert.True(telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount > 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public async Task DestructiveSplitAcrossTheScansChunkBoundary_ChecksCalls(int charactersBeforeTheBoundary)
    {
        // The usage probe reads text in 8 KiB chunks; a word that straddles two chunks must still be seen.
        const string Usage = "class Tenants { [Checkpoint.Destructive] public void DropTenant() { } }";
        var wordStart = 8192 - charactersBeforeTheBoundary;
        var prefix = Usage.Substring(0, Usage.IndexOf("Destructive", StringComparison.Ordinal));
        var padding = "//" + new string(' ', wordStart - prefix.Length - 3) + "\n";
        var extraSource = padding + Usage;
        Assert.Equal(wordStart, extraSource.IndexOf("Destructive", StringComparison.Ordinal));

        var telemetry = await RunAsync(includeAttributes: true, includeSdks: false, extraSource: extraSource);

        Assert.True(telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount > 0);
    }

    [Fact]
    public async Task ProjectWithACloudSdk_ChecksCalls()
    {
        var telemetry = await RunAsync(includeAttributes: false, includeSdks: true);

        Assert.True(telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount > 0);
    }

    [Fact]
    public async Task DestructiveUsedInTheFileThatDeclaresTheAttributes_ChecksCalls()
    {
        var telemetry = await RunAsync(includeAttributes: false, includeSdks: false, extraSource: CheckpointAttributesSource.Text + """

            class Tenants
            {
                [Checkpoint.DestructiveAttribute]
                public void DropTenant() { }
            }
            """);

        Assert.True(telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount > 0);
    }

    private static void AssertOnlySyntaxNodeActions(AnalyzerTelemetryInfo telemetry)
    {
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.OperationBlockActionsCount);
        Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.CodeBlockActionsCount);
        Assert.Equal(0, telemetry.CodeBlockStartActionsCount);
        Assert.Equal(0, telemetry.SemanticModelActionsCount);
        Assert.Equal(0, telemetry.SymbolActionsCount);

        // One action on member names (X.Member and x?.Member, called or not); bare names only inside
        // types that inherit an operation, decided per type (one symbol-start action), since nothing
        // imports one statically; no constructor is a framework operation, so no object-creation action.
        Assert.Equal(1, telemetry.SyntaxNodeActionsCount);
        Assert.Equal(1, telemetry.SymbolStartActionsCount);
    }

    private static async Task<Dictionary<Type, AnalyzerTelemetryInfo>> RunAsync(bool includeAttributes, bool includeSdks, string? extraSource = null, Dictionary<string, string>? globalOptions = null)
    {
        var compilation = await CompileAsync(includeAttributes, includeSdks, extraSource);
        DiagnosticAnalyzer[] analyzers = [new DestructiveOperationAnalyzer(), new AttestationAnalyzer()];
        var options = globalOptions is null
            ? new AnalyzerOptions([])
            : new AnalyzerOptions([], new GlobalOptionsProvider(globalOptions));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzers),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());

        var telemetry = new Dictionary<Type, AnalyzerTelemetryInfo>();
        foreach (var analyzer in analyzers)
        {
            telemetry[analyzer.GetType()] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        }

        return telemetry;
    }

    private static async Task<CSharpCompilation> CompileAsync(bool includeAttributes, bool includeSdks, string? extraSource)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        if (includeSdks)
        {
            references = references.AddRange(SdkReferences.All);
        }

        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(EverydayCode) };
        if (includeAttributes)
        {
            trees.Add(CSharpSyntaxTree.ParseText(CheckpointAttributesSource.Text));
        }

        if (extraSource is not null)
        {
            trees.Add(CSharpSyntaxTree.ParseText(extraSource));
        }

        var compilation = CSharpCompilation.Create("Everyday", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private sealed class GlobalOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
