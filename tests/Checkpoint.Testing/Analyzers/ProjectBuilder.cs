using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Testing.Analyzers;

/// <summary>
/// One consumer project for an analyzer test, said fluently (Meziantou.Analyzer's <c>ProjectBuilder</c>
/// shape): its source with the expected diagnostics marked inline, real package assemblies as
/// metadata references, analyzer options, additional files; then what it must report and, with a
/// code fix, what the code must become.
/// </summary>
/// <example>
/// <code>
/// await new ProjectBuilder()
///     .WithAnalyzer&lt;DestructiveOperationAnalyzer&gt;()
///     .WithPackage("AWSSDK.S3")
///     .WithSourceCode("class C { Task M(IAmazonS3 s3) => s3.{|CHK001:DeleteBucketAsync|}(\"b\"); }")
///     .ValidateAsync();
/// </code>
/// </example>
/// <remarks>
/// The consumer source must compile: a case that does not bind proves nothing. Analyzer exceptions
/// fail the test. Diagnostics are compared on ID and span, and on the message when an expectation
/// gives arguments or a message. Suppressed diagnostics are compared only when an expectation is
/// <see cref="ExpectedDiagnostic.Suppressed"/>.
/// </remarks>
public sealed class ProjectBuilder
{
    private const string ProjectFolder = "/project/";

    private readonly List<(string Name, SourceMarkup Markup)> _sources = [];
    private readonly List<MetadataReference> _references = [];
    private readonly List<DiagnosticAnalyzer> _analyzers = [];
    private readonly List<(string Name, string Text)> _additionalFiles = [];
    private readonly Dictionary<string, string> _globalOptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileOptions = new(StringComparer.Ordinal);
    private readonly List<ExpectedDiagnostic> _expected = [];
    private readonly List<ExpectedDiagnostic> _expectedAfterFix = [];
    private readonly List<string> _allowedCompilerErrors = [];
    private string[] _defaultIds = [];
    private bool _netFramework;
    private OutputKind _outputKind = OutputKind.DynamicallyLinkedLibrary;
    private string _assemblyName = "Consumer";

    // Kept as object so that projects without Roslyn's Workspaces (the benchmarks) can use the builder.
    private object? _codeFix;
    private string? _codeActionEquivalenceKey;
    private readonly HashSet<string> _plainFiles = new(StringComparer.Ordinal);
    private string[]? _fixedMarkup;
    private readonly List<(string Name, string Text)> _fixedAdditionalFiles = [];
    private bool _fixAll;

    /// <summary>Source code with inline expectations (see <see cref="SourceMarkup"/>), as file <c>Test{n}.cs</c>.</summary>
    public ProjectBuilder WithSourceCode(string markup) => WithSourceCode($"Test{_sources.Count}.cs", markup);

    public ProjectBuilder WithSourceCode(string fileName, string markup)
    {
        _sources.Add((fileName, SourceMarkup.Parse(markup)));
        return this;
    }

    /// <summary>A source file taken as it is, with no markup (generated code, shared declarations).</summary>
    public ProjectBuilder WithSourceFile(string fileName, string text)
    {
        _sources.Add((fileName, SourceMarkup.Plain(text)));
        _plainFiles.Add(fileName);
        return this;
    }

    /// <summary>build/Checkpoint.Attributes.cs, which the Checkpoint.Analyzers package adds to every consumer compilation.</summary>
    public ProjectBuilder WithCheckpointAttributes()
        => WithSourceFile("Checkpoint.Attributes.cs", SourceTree.ReadText("build/Checkpoint.Attributes.cs"));

    public ProjectBuilder WithAnalyzer<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        _analyzers.Add(new TAnalyzer());
        return this;
    }

    public ProjectBuilder WithAnalyzer(DiagnosticAnalyzer analyzer)
    {
        _analyzers.Add(analyzer);
        return this;
    }

    /// <summary>What <c>[|...|]</c> in the markup stands for: a diagnostic with any of these IDs.</summary>
    public ProjectBuilder WithDefaultDiagnosticIds(params string[] ids)
    {
        _defaultIds = ids;
        return this;
    }

    /// <summary>A package the test project references, with its dependencies, as the test's output folder has them.</summary>
    public ProjectBuilder WithPackage(string packageId) => WithReferences(PackageAssemblies.Package(packageId));

    public ProjectBuilder WithPackages(params string[] packageIds)
    {
        foreach (var id in packageIds)
        {
            WithPackage(id);
        }

        return this;
    }

    public ProjectBuilder WithReference(MetadataReference reference)
    {
        _references.Add(reference);
        return this;
    }

    public ProjectBuilder WithReferences(IEnumerable<MetadataReference> references)
    {
        _references.AddRange(references);
        return this;
    }

    /// <summary>Compile against the .NET Framework 4.7.2 reference assemblies instead of the running .NET.</summary>
    public ProjectBuilder WithNetFramework472()
    {
        _netFramework = true;
        return this;
    }

    /// <summary>The assembly's name: for a project that another one references (<see cref="EmitReference"/>).</summary>
    public ProjectBuilder WithAssemblyName(string assemblyName)
    {
        _assemblyName = assemblyName;
        return this;
    }

    public ProjectBuilder WithOutputKind(OutputKind outputKind)
    {
        _outputKind = outputKind;
        return this;
    }

    /// <summary>An option of a global analyzer config (<c>.globalconfig</c>, <c>is_global = true</c>).</summary>
    public ProjectBuilder WithGlobalOption(string key, string value)
    {
        _globalOptions[key] = value;
        return this;
    }

    public ProjectBuilder WithGlobalOptions(IReadOnlyDictionary<string, string> options)
    {
        foreach (var (key, value) in options)
        {
            _globalOptions[key] = value;
        }

        return this;
    }

    /// <summary>An option an <c>.editorconfig</c> section (<c>[*.cs]</c>) gives every source file.</summary>
    public ProjectBuilder WithEditorConfigOption(string key, string value)
    {
        _fileOptions[key] = value;
        return this;
    }

    public ProjectBuilder WithAdditionalFile(string fileName, string text)
    {
        _additionalFiles.Add((fileName, text));
        return this;
    }

    /// <summary>Checkpoint's adoption baseline, <c>CheckpointBaseline.txt</c>.</summary>
    public ProjectBuilder WithBaseline(string text) => WithAdditionalFile("CheckpointBaseline.txt", text);

    /// <summary>Compiler errors the case contains on purpose (broken code the analyzers must survive); none given: any.</summary>
    public ProjectBuilder WithCompilerErrors(params string[] ids)
    {
        _allowedCompilerErrors.AddRange(ids.Length == 0 ? ["*"] : ids);
        return this;
    }

    /// <summary>Diagnostics expected besides those marked in the markup.</summary>
    public ProjectBuilder ShouldReportDiagnostic(params ExpectedDiagnostic[] expected)
    {
        _expected.AddRange(expected);
        return this;
    }

    public ProjectBuilder WithCodeFix<TCodeFix>()
        where TCodeFix : CodeFixProvider, new()
    {
        _codeFix = new TCodeFix();
        return this;
    }

    /// <summary>Which of the provider's actions to apply, when it offers several.</summary>
    public ProjectBuilder WithCodeActionEquivalenceKey(string equivalenceKey)
    {
        _codeActionEquivalenceKey = equivalenceKey;
        return this;
    }

    /// <summary>
    /// Applies the code fix to each fixable diagnostic in turn until none is left, then compares the
    /// sources with <paramref name="fixedMarkup"/> (one per <see cref="WithSourceCode(string)"/> file, in
    /// order; files not given must stay as they were) and the diagnostics with its markup and <see cref="ShouldReportDiagnosticAfterFix"/>.
    /// </summary>
    public ProjectBuilder ShouldFixCodeWith(params string[] fixedMarkup)
    {
        _fixedMarkup = fixedMarkup;
        return this;
    }

    /// <summary>Like <see cref="ShouldFixCodeWith"/>, with one Fix All in document scope.</summary>
    public ProjectBuilder ShouldBatchFixCodeWith(params string[] fixedMarkup)
    {
        _fixAll = true;
        return ShouldFixCodeWith(fixedMarkup);
    }

    /// <summary>An additional file the code fix must leave with exactly this text.</summary>
    public ProjectBuilder ShouldFixAdditionalFileWith(string fileName, string text)
    {
        _fixedAdditionalFiles.Add((fileName, text));
        return this;
    }

    public ProjectBuilder ShouldReportDiagnosticAfterFix(params ExpectedDiagnostic[] expected)
    {
        _expectedAfterFix.AddRange(expected);
        return this;
    }

    /// <summary>The consumer compilation; fails when it has errors the case did not declare.</summary>
    public CSharpCompilation Compile()
    {
        var compilation = CreateCompilation(_sources.Select(s => (s.Name, s.Markup.Text)));
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !_allowedCompilerErrors.Contains(d.Id) && !_allowedCompilerErrors.Contains("*"))
            .ToList();
        if (errors.Count != 0)
        {
            throw new InvalidOperationException("The consumer source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return compilation;
    }

    /// <summary>The project compiled to an in-memory assembly, as a reference for another project of the solution.</summary>
    public MetadataReference EmitReference()
    {
        using var image = new MemoryStream();
        var result = Compile().Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The project does not emit:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Every diagnostic the analyzers report, suppressed ones included, in source order.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
        => await RunAnalyzersAsync(Compile(), AdditionalTexts(_additionalFiles)).ConfigureAwait(false);

    /// <summary>What each analyzer registered and how often Roslyn called it (Roslyn's telemetry), by analyzer type.</summary>
    public async Task<IReadOnlyDictionary<Type, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>> MeasureAsync()
    {
        var options = new AnalyzerOptions(AdditionalTexts(_additionalFiles), new AnalyzerConfigOptions(_globalOptions, _fileOptions));
        var withAnalyzers = Compile().WithAnalyzers(
            [.. _analyzers],
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var telemetry = new Dictionary<Type, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>();
        foreach (var analyzer in _analyzers)
        {
            telemetry[analyzer.GetType()] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
        }

        return telemetry;
    }

    /// <summary>Checks the diagnostics (and the code fix, if one is expected); returns the reported, unsuppressed diagnostics in source order.</summary>
    public async Task<ImmutableArray<Diagnostic>> ValidateAsync()
    {
        var diagnostics = await AnalyzeAsync().ConfigureAwait(false);
        Compare("the source", _sources, diagnostics, _expected);
        if (_fixedMarkup is not null)
        {
            await CodeFixVerification.RunAsync(this).ConfigureAwait(false);
        }

        return [.. diagnostics.Where(d => !d.IsSuppressed)];
    }

    internal IReadOnlyList<(string Name, SourceMarkup Markup)> Sources => _sources;

    internal IReadOnlyList<(string Name, string Text)> AdditionalFiles => _additionalFiles;

    /// <summary>Each source as the fix must leave it: the fixed markup for the marked-up files, in order; the rest unchanged.</summary>
    internal IReadOnlyList<(string Name, SourceMarkup Markup)> FixedSources
    {
        get
        {
            var next = 0;
            return [.. _sources.Select(source => _plainFiles.Contains(source.Name) || next >= _fixedMarkup!.Length
                ? source
                : (source.Name, SourceMarkup.Parse(_fixedMarkup[next++])))];
        }
    }

    internal IReadOnlyList<(string Name, string Text)> FixedAdditionalFiles => _fixedAdditionalFiles;

    internal object CodeFix => _codeFix ?? throw new InvalidOperationException("ShouldFixCodeWith needs WithCodeFix<T>().");

    internal string? CodeActionEquivalenceKey => _codeActionEquivalenceKey;

    internal bool FixAll => _fixAll;

    internal IReadOnlyList<ExpectedDiagnostic> ExpectedAfterFix => _expectedAfterFix;

    internal static string PathOf(string name) => ProjectFolder + name;

    internal CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    internal CSharpCompilationOptions CompilationOptions => new(_outputKind, nullableContextOptions: NullableContextOptions.Enable);

    internal IEnumerable<MetadataReference> References
        => (_netFramework ? PackageAssemblies.NetFramework472() : PackageAssemblies.Framework).Concat(_references).Distinct();

    internal CSharpCompilation CreateCompilation(IEnumerable<(string Name, string Text)> sources)
        => CSharpCompilation.Create(
            _assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, path: PathOf(s.Name), encoding: Encoding.UTF8)),
            References,
            CompilationOptions);

    internal static ImmutableArray<AdditionalText> AdditionalTexts(IEnumerable<(string Name, string Text)> files)
        => [.. files.Select(f => (AdditionalText)new InMemoryAdditionalText(PathOf(f.Name), f.Text))];

    internal async Task<ImmutableArray<Diagnostic>> RunAnalyzersAsync(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles)
    {
        if (_analyzers.Count == 0)
        {
            throw new InvalidOperationException("The project has no analyzer: call WithAnalyzer<T>().");
        }

        var options = new AnalyzerOptions(additionalFiles, new AnalyzerConfigOptions(_globalOptions, _fileOptions));
        var withAnalyzers = compilation.WithAnalyzers(
            [.. _analyzers],
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var crashes = diagnostics.Where(d => d.Id is "AD0001" or "AD0002").ToList();
        if (crashes.Count != 0)
        {
            throw new InvalidOperationException("An analyzer failed:" + Environment.NewLine + string.Join(Environment.NewLine, crashes));
        }

        return [.. diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)];
    }

    internal IReadOnlyCollection<DiagnosticDescriptor> SupportedDiagnostics => [.. _analyzers.SelectMany(a => a.SupportedDiagnostics)];

    /// <summary>Fails with a readable list when the diagnostics differ from what the markup and the expectations say.</summary>
    internal void Compare(string stage, IReadOnlyList<(string Name, SourceMarkup Markup)> sources, ImmutableArray<Diagnostic> actual, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        var compareSuppressed = expected.Any(e => e.IsSuppressed);
        var pool = actual.Where(d => compareSuppressed || !d.IsSuppressed).ToList();
        var problems = new List<string>();
        var descriptors = SupportedDiagnostics;

        foreach (var (name, markup) in sources)
        {
            foreach (var marked in markup.Spans.Where(s => s.Location is null))
            {
                var ids = marked.Id is { } id ? [id] : _defaultIds;
                var match = pool.FirstOrDefault(d => At(d, name, marked.Span) && (ids.Length == 0 || ids.Contains(d.Id)) && !d.IsSuppressed);
                if (match is null)
                {
                    problems.Add($"missing {(ids.Length == 0 ? "a diagnostic" : string.Join(" or ", ids))} at {Describe(name, markup.Text, marked.Span)}");
                }
                else
                {
                    pool.Remove(match);
                }
            }
        }

        foreach (var expectation in expected)
        {
            Func<Diagnostic, bool> at;
            string where;
            if (expectation.MarkupLocation is { } location)
            {
                var (name, markup, span) = sources
                    .SelectMany(s => s.Markup.Spans.Where(m => m.Location == location).Select(m => (s.Name, s.Markup, m.Span)))
                    .Cast<(string, SourceMarkup, TextSpan)?>()
                    .FirstOrDefault() ?? throw new InvalidOperationException($"No {{|#{location}:...|}} in the markup of {stage}.");
                at = d => At(d, name, span);
                where = Describe(name, markup.Text, span);
            }
            else if (expectation.Position is { } position)
            {
                at = d => d.Location.GetLineSpan() is var line
                          && Path.GetFileName(line.Path) == position.File
                          && line.StartLinePosition.Line + 1 == position.Line
                          && line.StartLinePosition.Character + 1 == position.Column;
                where = $"{position.File}({position.Line},{position.Column})";
            }
            else
            {
                at = d => d.Location == Location.None;
                where = "no location";
            }

            var message = expectation.ExpectedMessage(descriptors.FirstOrDefault(d => d.Id == expectation.Id));
            var candidates = pool.Where(d => d.Id == expectation.Id && at(d) && d.IsSuppressed == expectation.IsSuppressed).ToList();
            var match = candidates.FirstOrDefault(d => message is null || ExpectedDiagnostic.Matches(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), message));
            if (match is null)
            {
                problems.Add(candidates.Count == 0
                    ? $"missing {expectation} at {where}"
                    : $"{expectation} at {where} has the message{Environment.NewLine}    \"{candidates[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\"{Environment.NewLine}  expected{Environment.NewLine}    \"{message}\"");
            }
            else
            {
                pool.Remove(match);
            }
        }

        foreach (var unexpected in pool)
        {
            var source = sources.FirstOrDefault(s => PathOf(s.Name) == unexpected.Location.SourceTree?.FilePath);
            var where = source.Markup is null
                ? unexpected.Location.ToString()
                : Describe(source.Name, source.Markup.Text, unexpected.Location.SourceSpan);
            problems.Add($"unexpected {unexpected.Id}{(unexpected.IsSuppressed ? " (suppressed)" : string.Empty)} at {where}: {unexpected.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (problems.Count != 0)
        {
            throw new Xunit.Sdk.XunitException($"The diagnostics of {stage} differ from the expectations:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private static bool At(Diagnostic diagnostic, string name, TextSpan span)
        => diagnostic.Location.SourceTree?.FilePath == PathOf(name) && diagnostic.Location.SourceSpan == span;

    private static string Describe(string name, string text, TextSpan span)
    {
        var line = SourceText.From(text).Lines.GetLinePosition(span.Start);
        return $"{name}({line.Line + 1},{line.Character + 1}) '{text.Substring(span.Start, Math.Min(span.Length, 80))}'";
    }
}
