using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

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
        var everyday = CSharpCompilation.Create("Everyday", [CSharpSyntaxTree.ParseText("using static Unresolved.Tools;")], PackageAssemblies.Framework);
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
        var telemetry = await RunAsync(includeAttributes: false, includeSdks: false, extraSource: SourceTree.ReadText("build/Checkpoint.Attributes.cs") + """

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

    private static async Task<IReadOnlyDictionary<Type, AnalyzerTelemetryInfo>> RunAsync(bool includeAttributes, bool includeSdks, string? extraSource = null, Dictionary<string, string>? globalOptions = null)
    {
        var project = Project(includeAttributes, includeSdks, extraSource).WithGlobalOptions(globalOptions ?? []);
        Assert.Empty(await project.AnalyzeAsync());
        return await project.MeasureAsync();
    }

    /// <summary>Only two analyzers are measured here, so the counts mean what the tests say.</summary>
    private static ProjectBuilder Project(bool includeAttributes, bool includeSdks, string? extraSource)
    {
        var project = new ProjectBuilder()
            .WithAnalyzer<DestructiveOperationAnalyzer>()
            .WithAnalyzer<AttestationAnalyzer>()
            .WithSourceCode(EverydayCode);
        if (includeAttributes)
        {
            project.WithCheckpointAttributes();
        }

        if (includeSdks)
        {
            project.WithCloudSdks();
        }

        if (extraSource is not null)
        {
            project.WithSourceFile("Extra.cs", extraSource);
        }

        return project;
    }

    private static Task<CSharpCompilation> CompileAsync(bool includeAttributes, bool includeSdks, string? extraSource)
        => Task.FromResult(Project(includeAttributes, includeSdks, extraSource).Compile());
}
