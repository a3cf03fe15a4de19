using System.Collections.Immutable;
using Checkpoint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Testing;

namespace Checkpoint.Analyzers.Tests;

/// <summary>A project that cannot contain an operation pays for one look at its references, nothing more.</summary>
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
    public async Task ProjectWithoutSdksOrCheckpointAttributes_RegistersNoPerOperationOrSymbolWork()
    {
        var telemetry = await RunAsync(includeAttributes: false, includeSdks: false);

        Assert.Equal(0, telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount);
        Assert.Equal(0, telemetry[typeof(DestructiveOperationAnalyzer)].AdditionalFileActionsCount);
        Assert.Equal(0, telemetry[typeof(AttestationAnalyzer)].SymbolActionsCount);
        Assert.Equal(0, telemetry[typeof(AttestationAnalyzer)].SyntaxNodeActionsCount);
    }

    [Fact]
    public async Task ProjectWithThePackagesAttributesButNoDestructiveMember_RegistersNoPerOperationWork()
    {
        var telemetry = await RunAsync(includeAttributes: true, includeSdks: false);

        Assert.Equal(0, telemetry[typeof(DestructiveOperationAnalyzer)].OperationActionsCount);
        Assert.Equal(0, telemetry[typeof(AttestationAnalyzer)].SymbolActionsCount);
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

    private static async Task<Dictionary<Type, AnalyzerTelemetryInfo>> RunAsync(bool includeAttributes, bool includeSdks, string? extraSource = null)
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

        DiagnosticAnalyzer[] analyzers = [new DestructiveOperationAnalyzer(), new AttestationAnalyzer()];
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzers),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());

        var telemetry = new Dictionary<Type, AnalyzerTelemetryInfo>();
        foreach (var analyzer in analyzers)
        {
            telemetry[analyzer.GetType()] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        }

        return telemetry;
    }
}
