using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Checkpoint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// Compiles the projects a change affects, once from the merge-base's C# files and once from
/// HEAD's, in this process, and runs the tool's own Checkpoint analyzers on both. Every compiler
/// input except the repository's C# files comes from the merge-base's evaluated projects
/// (<see cref="BaseWorkspace"/>); packages and project references the branch adds are read from
/// its XML and restored without build assets. No generator or analyzer of either side runs.
/// </summary>
internal sealed class OperationSiteAnalysis
{
    private static readonly HashSet<string> SiteRules = new(StringComparer.Ordinal) { "CHK001", "CHK002", "CHK008" };

    private static readonly ConcurrentDictionary<(string Path, string Aliases, bool Embed), MetadataReference> MetadataCache = new();

    private readonly ReviewedChange _change;
    private readonly BaseWorkspace _workspace;
    private readonly IReadOnlyDictionary<string, byte[]> _blobs;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly TimeSpan _timeout;
    private readonly Dictionary<string, ChangedEntry> _changes;
    private readonly List<string> _notes = new();
    private readonly List<string> _notAnalyzed = new();
    private readonly ConcurrentDictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<(ReviewSide, string), CSharpCompilation?> _compilations = new();
    private readonly Dictionary<string, string> _projectByOutput = new(StringComparer.Ordinal);
    private List<ProjectPlan> _plans = new();

    private OperationSiteAnalysis(ReviewedChange change, BaseWorkspace workspace, IReadOnlyDictionary<string, byte[]> blobs, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        _change = change;
        _workspace = workspace;
        _blobs = blobs;
        _environment = environment;
        _timeout = timeout;
        _changes = change.Entries.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    /// <param name="blobs">The contents of the change's blobs (HEAD's side at least), by blob id.</param>
    public static SiteReport Run(ReviewedChange change, BaseWorkspace workspace, IReadOnlyDictionary<string, byte[]> blobs, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout) =>
        new OperationSiteAnalysis(change, workspace, blobs, environment, timeout).Run();

    private SiteReport Run()
    {
        _notes.AddRange(_workspace.Problems);
        var baseProjectFiles = _workspace.Files.Where(f => f.IsRegularFile && ProjectLayout.IsProjectFile(f.Path) && !ProjectLayout.IsBuildOutput(f.Path)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var headProjectFiles = baseProjectFiles.Where(p => !IsDeleted(p)).Concat(_changes.Values.Where(e => e.Status == 'A' && e.IsRegularFileAfter && ProjectLayout.IsProjectFile(e.Path) && !ProjectLayout.IsBuildOutput(e.Path)).Select(e => e.Path))
            .ToHashSet(StringComparer.Ordinal);
        var headDirectories = headProjectFiles.Select(ProjectLayout.DirectoryOf).ToHashSet(StringComparer.Ordinal);

        foreach (var project in baseProjectFiles.Concat(headProjectFiles).Where(p => !p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            if (ChangedUnder(ProjectLayout.DirectoryOf(project)))
            {
                _notAnalyzed.Add($"{project}: only C# projects are analyzed; read its changes in the diff");
            }
        }

        _plans = _workspace.Projects.Select(p => PlanExisting(p, headDirectories)).ToList();
        foreach (var added in headProjectFiles.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !baseProjectFiles.Contains(p)).OrderBy(p => p, StringComparer.Ordinal))
        {
            var plan = PlanNew(added, headDirectories);
            if (plan != null)
            {
                _plans.Add(plan);
            }
        }

        if (_plans.Count == 0)
        {
            var reason = _workspace.Problems.Count > 0
                ? "no C# project of the merge-base could be evaluated: " + string.Join("; ", _workspace.Problems)
                : "there is no C# project at the merge-base or on the branch";
            return new SiteReport(false, reason, Array.Empty<OperationSite>(), Array.Empty<OperationSite>(), Array.Empty<AnalyzedProject>(), _notAnalyzed, _notes);
        }

        foreach (var plan in _plans)
        {
            foreach (var output in plan.Template.OutputPaths.Where(_ => plan.ExistsBefore))
            {
                _projectByOutput[Normalize(output)] = plan.Path;
            }
        }

        ReportSourcesInNoProject();
        if (_changes.Keys.Any(IsBuildFile))
        {
            AddDeclaredChanges();
        }

        MarkAffected();
        var affected = _plans.Where(p => p.Affected).ToList();
        foreach (var plan in affected.Where(p => p.Template.TargetFrameworks.Count > 1))
        {
            _notes.Add($"{plan.Template.Path} targets {string.Join(", ", plan.Template.TargetFrameworks)}; the review compiles {plan.Path} for {plan.Template.TargetFramework}, the first one listed");
        }

        var results = new ConcurrentBag<(ReviewSide Side, IReadOnlyList<OperationSite> Sites, AnalyzedProject Project)>();
        var baseSites = new BaseSiteCache(_workspace, DateTime.UtcNow.Date);
        var cachedBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in affected.Where(p => p.ExistsBefore))
        {
            if (baseSites.TryGet(plan.Path) is { } cached)
            {
                results.Add((ReviewSide.MergeBase, cached.Sites, cached.Project));
                cachedBefore.Add(plan.Path);
            }
        }

        var work = affected.Where(p => p.ExistsBefore && !cachedBefore.Contains(p.Path)).Select(p => (Side: ReviewSide.MergeBase, Plan: p))
            .Concat(affected.Where(p => p.ExistsAfter).Select(p => (Side: ReviewSide.Head, Plan: p)))
            .ToList();

        // Compilations reference each other: create them in order, then analyze in parallel.
        foreach (var (side, plan) in work)
        {
            Compile(side, plan, new HashSet<string>(StringComparer.Ordinal));
        }

        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, item =>
        {
            if (_compilations.TryGetValue((item.Side, item.Plan.Path), out var compilation) && compilation != null)
            {
                var result = Analyze(item.Side, item.Plan, compilation);
                results.Add(result);
                if (item.Side == ReviewSide.MergeBase)
                {
                    baseSites.Store(item.Plan.Path, result.Item2, result.Item3);
                }
            }
        });

        var before = results.Where(r => r.Side == ReviewSide.MergeBase).SelectMany(r => r.Sites).ToList();
        var after = results.Where(r => r.Side == ReviewSide.Head).SelectMany(r => r.Sites).ToList();
        var projects = results.Select(r => r.Project).OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Side, StringComparer.Ordinal).ToList();
        return new SiteReport(true, null, before, after, projects, _notAnalyzed, _notes);
    }

    private ProjectPlan PlanExisting(BaseProject project, IReadOnlyCollection<string> headDirectories)
    {
        var arguments = Parse(project);
        var plan = new ProjectPlan(project.Path, project, arguments, existsBefore: true) { ExistsAfter = !IsDeleted(project.Path) };
        AddTemplateSources(plan, includeRepositorySources: true);
        if (plan.ExistsAfter)
        {
            plan.SourcesAfter.AddRange(plan.SourcesBefore.Where(s => !IsDeleted(s)));
            plan.SourcesAfter.AddRange(AddedSourcesFor(plan.Directory, headDirectories).Where(s => !plan.SourcesAfter.Contains(s, StringComparer.Ordinal)));
        }

        return plan;
    }

    private ProjectPlan? PlanNew(string projectPath, IReadOnlyCollection<string> headDirectories)
    {
        var directory = ProjectLayout.DirectoryOf(projectPath);
        var nearest = _workspace.Projects
            .OrderByDescending(p => CommonPrefixLength(p.Directory, directory))
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .FirstOrDefault();
        if (nearest == null)
        {
            _notAnalyzed.Add($"{projectPath}: new on the branch, and the merge-base has no evaluated C# project to take compiler references from");
            return null;
        }

        var plan = new ProjectPlan(projectPath, nearest, Parse(nearest), existsBefore: false) { Affected = true };
        AddTemplateSources(plan, includeRepositorySources: false);
        plan.SourcesAfter.AddRange(AddedSourcesFor(directory, headDirectories));
        _notes.Add($"{projectPath} is new on the branch: analyzed with the compiler references and options of {nearest.Path} ({nearest.TargetFramework}); its own project file was not evaluated");
        return plan;
    }

    private CSharpCommandLineArguments Parse(BaseProject project)
    {
        var directory = Path.GetDirectoryName(_workspace.FullPath(project.Path))!;
        return CSharpCommandLineParser.Default.Parse(project.Arguments, directory, sdkDirectory: null);
    }

    private void AddTemplateSources(ProjectPlan plan, bool includeRepositorySources)
    {
        foreach (var source in plan.Arguments.SourceFiles)
        {
            var repositoryPath = _workspace.RepositoryPath(source.Path);
            if (repositoryPath != null && !ProjectLayout.IsBuildOutput(repositoryPath) && !repositoryPath.StartsWith(".checkpoint-review", StringComparison.Ordinal))
            {
                if (includeRepositorySources)
                {
                    plan.SourcesBefore.Add(repositoryPath);
                }
            }
            else
            {
                plan.ExternalSources.Add(source.Path);
            }
        }
    }

    private IEnumerable<string> AddedSourcesFor(string projectDirectory, IReadOnlyCollection<string> headDirectories) =>
        _changes.Values
            .Where(e => e.Status == 'A' && e.IsRegularFileAfter && ProjectLayout.IsDefaultCompileItem(projectDirectory, e.Path, headDirectories))
            .Select(e => e.Path)
            .OrderBy(p => p, StringComparer.Ordinal);

    private void ReportSourcesInNoProject()
    {
        var compiled = _plans.SelectMany(p => p.SourcesBefore.Concat(p.SourcesAfter)).ToHashSet(StringComparer.Ordinal);
        foreach (var link in _changes.Values.Where(e => ProjectLayout.IsCSharpSource(e.Path) && e.NewMode == ChangedEntry.SymbolicLinkMode).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            _notAnalyzed.Add($"{link.Path}: a symbolic link; the review does not follow links, read the file it points to");
        }

        foreach (var entry in _changes.Values.Where(e => ProjectLayout.IsCSharpSource(e.Path) && e.NewMode != ChangedEntry.SymbolicLinkMode && !compiled.Contains(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            _notAnalyzed.Add($"{entry.Path}: in no C# project the review compiles (not a compile item of the merge-base's projects, nor under a project folder)");
        }
    }

    /// <summary>Packages and project references the branch's XML adds, read without evaluating it.</summary>
    private void AddDeclaredChanges()
    {
        foreach (var plan in _plans.Where(p => p.ExistsAfter))
        {
            var (after, unreadable) = DeclaredPackages.Read(plan.Path, path => Text(ReviewSide.Head, path));
            foreach (var problem in unreadable)
            {
                _notes.Add(problem);
            }

            var templateBefore = DeclaredPackages.Read(plan.Template.Path, path => Text(ReviewSide.MergeBase, path)).Packages;
            var added = after.Where(p => !templateBefore.Contains(p)).ToList();
            if (added.Count > 0)
            {
                var (assemblies, failure) = PackageRestore.Restore(_workspace, plan.Template.TargetFramework, added, _environment, _timeout);
                var names = string.Join(", ", added.Select(p => p.Id + " " + p.Version));
                if (failure != null)
                {
                    _notes.Add($"{plan.Path}: packages the branch adds or changes ({names}) could not be restored: {failure}; code that uses them does not compile, and its operations may be missing");
                }
                else
                {
                    plan.AddedAssemblies.AddRange(assemblies);
                    plan.Affected = true;
                    _notes.Add($"{plan.Path}: packages the branch adds or changes ({names}) were restored from the merge-base's package sources without build assets or analyzers, as references only");
                }
            }

            foreach (var reference in AddedProjectReferences(plan))
            {
                plan.AddedProjectReferences.Add(reference);
                plan.Affected = true;
            }
        }
    }

    private IEnumerable<string> AddedProjectReferences(ProjectPlan plan)
    {
        var before = plan.ExistsBefore ? ProjectReferences(plan.Path, ReviewSide.MergeBase) : new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in ProjectReferences(plan.Path, ReviewSide.Head).Where(r => !before.Contains(r)))
        {
            if (_plans.Any(p => p.Path == reference && p.ExistsAfter))
            {
                yield return reference;
            }
        }
    }

    /// <summary>ProjectReference items that bring an assembly reference (not analyzers-only), as repository paths.</summary>
    private HashSet<string> ProjectReferences(string projectPath, ReviewSide side)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var text = Text(side, projectPath);
        if (text == null)
        {
            return result;
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return result;
        }

        foreach (var reference in document.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            string? Get(string name) => reference.Attributes().FirstOrDefault(a => a.Name.LocalName == name)?.Value ?? reference.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            var include = Get("Include");
            if (include == null || string.Equals(Get("ReferenceOutputAssembly")?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                || string.Equals(Get("OutputItemType")?.Trim(), "Analyzer", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var combined = Path.GetFullPath(Path.Combine("/r", ProjectLayout.DirectoryOf(projectPath), include.Trim().Replace('\\', '/')));
            result.Add(combined.Substring(3).Replace('\\', '/'));
        }

        return result;
    }

    private void MarkAffected()
    {
        foreach (var plan in _plans)
        {
            plan.Affected |= !plan.ExistsAfter
                || plan.SourcesBefore.Any(_changes.ContainsKey)
                || plan.SourcesAfter.Any(_changes.ContainsKey)
                || plan.Arguments.AdditionalFiles.Any(f => _workspace.RepositoryPath(f.Path) is string path && _changes.ContainsKey(path));
        }

        // A project whose references changed can bind differently: propagate to dependents.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var plan in _plans.Where(p => !p.Affected))
            {
                if (ReferencedProjects(plan).Any(r => _plans.Any(p => p.Path == r && p.Affected)))
                {
                    plan.Affected = true;
                    changed = true;
                }
            }
        }
    }

    private IEnumerable<string> ReferencedProjects(ProjectPlan plan) =>
        plan.Arguments.MetadataReferences.Select(r => _projectByOutput.TryGetValue(Normalize(r.Reference), out var project) ? project : null)
            .Where(p => p != null && p != plan.Path)
            .Concat(plan.AddedProjectReferences)!;

    private CSharpCompilation? Compile(ReviewSide side, ProjectPlan plan, HashSet<string> visiting)
    {
        if (_compilations.TryGetValue((side, plan.Path), out var known))
        {
            return known;
        }

        if (!visiting.Add(plan.Path) || (side == ReviewSide.MergeBase ? !plan.ExistsBefore : !plan.ExistsAfter))
        {
            return null;
        }

        var arguments = plan.Arguments;
        var trees = new List<SyntaxTree>();
        foreach (var source in side == ReviewSide.MergeBase ? plan.SourcesBefore : plan.SourcesAfter)
        {
            var tree = Tree(side, plan, source);
            if (tree != null)
            {
                trees.Add(tree);
            }
        }

        foreach (var external in plan.ExternalSources.Where(File.Exists))
        {
            trees.Add(_trees.GetOrAdd(plan.Path + "|" + external, _ => ParseFile(external, File.ReadAllBytes(external), arguments.ParseOptions)));
        }

        var replaced = side == ReviewSide.Head
            ? plan.AddedAssemblies.Select(a => Path.GetFileNameWithoutExtension(a)).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var references = new List<MetadataReference>();
        foreach (var reference in arguments.MetadataReferences)
        {
            if (_projectByOutput.TryGetValue(Normalize(reference.Reference), out var projectPath))
            {
                var referenced = _plans.FirstOrDefault(p => p.Path == projectPath);
                var compilation = referenced == null || referenced == plan ? null : Compile(side, referenced, visiting);
                if (compilation != null)
                {
                    references.Add(compilation.ToMetadataReference(reference.Properties.Aliases, reference.Properties.EmbedInteropTypes));
                }

                continue;
            }

            if (replaced.Contains(Path.GetFileNameWithoutExtension(reference.Reference)) || !File.Exists(reference.Reference))
            {
                continue;
            }

            references.Add(Metadata(reference.Reference, reference.Properties));
        }

        if (side == ReviewSide.Head)
        {
            references.AddRange(plan.AddedAssemblies.Select(a => Metadata(a, MetadataReferenceProperties.Assembly)));
            foreach (var added in plan.AddedProjectReferences)
            {
                var referenced = _plans.FirstOrDefault(p => p.Path == added);
                if (referenced != null && Compile(side, referenced, visiting) is CSharpCompilation compilation)
                {
                    references.Add(compilation.ToMetadataReference());
                }
            }
        }

        var options = arguments.CompilationOptions
            .WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
            .WithReportSuppressedDiagnostics(true)
            .WithSyntaxTreeOptionsProvider(null)
            .WithConcurrentBuild(true);
        var name = plan.ExistsBefore ? plan.Template.AssemblyName : Path.GetFileNameWithoutExtension(plan.Path);
        var result = CSharpCompilation.Create(name.Length > 0 ? name : Path.GetFileNameWithoutExtension(plan.Path), trees, references, options);

        // Without the package's attribute source (the branch adds the package, or switched it off),
        // [ApprovedBy] would not bind and every attestation would look absent.
        if (result.GetTypeByMetadataName("Checkpoint.ApprovedByAttribute") == null)
        {
            result = result.AddSyntaxTrees(_trees.GetOrAdd(plan.Path + "|attributes", _ => ParseFile("(checkpoint)/Checkpoint.Attributes.cs", EmbeddedAttributes.Value, arguments.ParseOptions)));
        }

        _compilations[(side, plan.Path)] = result;
        visiting.Remove(plan.Path);
        return result;
    }

    private SyntaxTree? Tree(ReviewSide side, ProjectPlan plan, string repositoryPath)
    {
        var contentKey = side == ReviewSide.Head && _changes.TryGetValue(repositoryPath, out var entry) ? entry.NewBlob : "merge-base";
        var key = plan.Template.Path + "|" + repositoryPath + "|" + contentKey;
        if (_trees.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var bytes = Bytes(side, repositoryPath);
        if (bytes == null)
        {
            if (side == ReviewSide.Head || _changes.ContainsKey(repositoryPath))
            {
                _notAnalyzed.Add($"{repositoryPath}: too large to read ({BaseWorkspace.MaxFileBytes / (1024 * 1024)} MB at most)");
            }

            return null;
        }

        return _trees.GetOrAdd(key, _ => ParseFile(_workspace.FullPath(repositoryPath), bytes, plan.Arguments.ParseOptions));
    }

    private static SyntaxTree ParseFile(string path, byte[] bytes, CSharpParseOptions options)
    {
        var text = SourceText.From(bytes, bytes.Length, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: false);
        return CSharpSyntaxTree.ParseText(text, options, path);
    }

    private (ReviewSide, IReadOnlyList<OperationSite>, AnalyzedProject) Analyze(ReviewSide side, ProjectPlan plan, CSharpCompilation compilation)
    {
        var additional = plan.Arguments.AdditionalFiles
            .Select(f => (File: f.Path, Repository: _workspace.RepositoryPath(f.Path)))
            .Select(f => (f.File, Bytes: f.Repository != null ? Bytes(side, f.Repository) : File.Exists(f.File) ? File.ReadAllBytes(f.File) : null))
            .Where(f => f.Bytes != null)
            .Select(f => (AdditionalText)new ReviewAdditionalText(f.File, SourceText.From(f.Bytes!, f.Bytes!.Length, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: false)))
            .ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional, ReviewAnalyzerConfigOptionsProvider.Instance),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        var diagnostics = compilation.WithAnalyzers(ReviewAnalyzers.All, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var sites = new List<OperationSite>();
        var errors = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (SiteRules.Contains(diagnostic.Id) && diagnostic.Properties.ContainsKey(DiagnosticProperties.Operation))
            {
                var site = ToSite(diagnostic);
                if (site != null)
                {
                    sites.Add(site);
                }
            }
            else if (diagnostic.Id == "AD0001")
            {
                // An analyzer that threw: its sites in this compilation are missing.
                errors.Add(diagnostic);
            }
        }

        // Compile errors of HEAD's changed files only: the analyzers have already bound every method,
        // errors elsewhere are the same on both sides, and the merge-base's sites are cached
        // whichever branch is reviewed next.
        foreach (var tree in compilation.SyntaxTrees.Where(t => side == ReviewSide.Head && _workspace.RepositoryPath(t.FilePath) is string path && _changes.ContainsKey(path)))
        {
            errors.AddRange(compilation.GetSemanticModel(tree).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed));
        }

        var first = errors.OrderBy(e => e.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start).FirstOrDefault();
        var firstText = first == null ? null : $"{Where(first)}: {first.Id} {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        var project = new AnalyzedProject(
            side == ReviewSide.MergeBase ? "merge-base" : "HEAD",
            plan.Path,
            plan.Template.TargetFramework,
            plan.ExistsBefore ? null : plan.Template.Path,
            errors.Count,
            firstText);
        return (side, sites, project);
    }

    private OperationSite? ToSite(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = _workspace.RepositoryPath(span.Path);
        if (path == null || ProjectLayout.IsBuildOutput(path))
        {
            return null;
        }

        string Get(string key) => diagnostic.Properties.TryGetValue(key, out var value) && value != null ? value : string.Empty;
        var approvers = Get(DiagnosticProperties.Approvers);
        return new OperationSite(
            diagnostic.Id,
            diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "info",
            },
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            Get(DiagnosticProperties.Operation),
            Get(DiagnosticProperties.OperationId),
            Get(DiagnosticProperties.Service),
            Get(DiagnosticProperties.Effect),
            Get(DiagnosticProperties.Tier),
            Get(DiagnosticProperties.Member),
            Get(DiagnosticProperties.Coverage) is { Length: > 0 } coverage ? coverage : DiagnosticProperties.CoverageValues.None,
            approvers.Length > 0 ? approvers : null,
            Get(DiagnosticProperties.Baselined) == "true",
            diagnostic.IsSuppressed);
    }

    private string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = _workspace.RepositoryPath(span.Path) ?? Path.GetFileName(span.Path);
        return path + ":" + (span.StartLinePosition.Line + 1);
    }

    private static MetadataReference Metadata(string path, MetadataReferenceProperties properties) =>
        MetadataCache.GetOrAdd((path, string.Join(",", properties.Aliases), properties.EmbedInteropTypes), _ => MetadataReference.CreateFromFile(path, properties));

    /// <summary>The bytes of a repository file on one side, or null when it does not exist there (or is too large).</summary>
    private byte[]? Bytes(ReviewSide side, string repositoryPath)
    {
        if (side == ReviewSide.Head && _changes.TryGetValue(repositoryPath, out var entry))
        {
            return entry.IsRegularFileAfter && _blobs.TryGetValue(entry.NewBlob, out var content) ? content : null;
        }

        var file = _workspace.FullPath(repositoryPath);
        return File.Exists(file) ? File.ReadAllBytes(file) : null;
    }

    private string? Text(ReviewSide side, string repositoryPath) =>
        Bytes(side, repositoryPath) is byte[] bytes ? new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF') : null;

    private bool IsDeleted(string path) => _changes.TryGetValue(path, out var entry) && !entry.IsRegularFileAfter;

    private bool ChangedUnder(string directory) => _changes.Keys.Any(p => p.StartsWith(directory, StringComparison.Ordinal));

    private static bool IsBuildFile(string path) =>
        ProjectLayout.IsProjectFile(path) || path.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".targets", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string path) => Path.GetFullPath(path);

    private static int CommonPrefixLength(string first, string second)
    {
        var a = first.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var b = second.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var count = 0;
        while (count < a.Length && count < b.Length && a[count] == b[count])
        {
            count++;
        }

        return count;
    }

    private static readonly Lazy<byte[]> EmbeddedAttributes = new(() =>
    {
        using var stream = typeof(OperationSiteAnalysis).Assembly.GetManifestResourceStream("Checkpoint.Attributes.cs")
            ?? throw new InvalidOperationException("the tool was built without Checkpoint.Attributes.cs");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });
}
