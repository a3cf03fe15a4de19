using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Testing.Analyzers;

/// <summary>
/// The code-fix half of <see cref="ProjectBuilder"/>, through a workspace as the IDE runs it: the
/// project's documents and additional documents, the fix applied to one diagnostic at a time (or
/// once as Fix All in document scope), the result compared with the fixed markup.
/// </summary>
internal static class CodeFixVerification
{
    public static async Task RunAsync(ProjectBuilder project)
    {
        var provider = (CodeFixProvider)project.CodeFix;
        var solution = CreateSolution(project, out var projectId);
        if (project.FixAll)
        {
            solution = await FixAllAsync(project, provider, solution, projectId).ConfigureAwait(false);
        }
        else
        {
            // Each applied fix removes at least one diagnostic; more rounds than diagnostics means a loop.
            var rounds = 0;
            while (await FixOneAsync(project, provider, solution, projectId).ConfigureAwait(false) is { } fixedSolution)
            {
                solution = fixedSolution;
                if (++rounds > 100)
                {
                    throw new Xunit.Sdk.XunitException("The code fix keeps offering fixes after 100 rounds.");
                }
            }
        }

        var fixedProject = solution.GetProject(projectId)!;
        var problems = new List<string>();
        var expectedSources = project.FixedSources;
        foreach (var (name, markup) in expectedSources)
        {
            var document = fixedProject.Documents.Single(d => d.Name == name);
            var actual = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
            if (actual != markup.Text)
            {
                problems.Add($"{name} after the fix:{Environment.NewLine}{actual}{Environment.NewLine}expected:{Environment.NewLine}{markup.Text}");
            }
        }

        foreach (var (name, text) in project.FixedAdditionalFiles)
        {
            var document = fixedProject.AdditionalDocuments.SingleOrDefault(d => d.Name == name);
            var actual = document is null ? "(no such file)" : (await document.GetTextAsync().ConfigureAwait(false)).ToString();
            if (actual != text)
            {
                problems.Add($"{name} after the fix:{Environment.NewLine}{actual}{Environment.NewLine}expected:{Environment.NewLine}{text}");
            }
        }

        if (problems.Count != 0)
        {
            throw new Xunit.Sdk.XunitException(string.Join(Environment.NewLine, problems));
        }

        var diagnostics = await AnalyzeAsync(project, fixedProject).ConfigureAwait(false);
        project.Compare("the fixed source", expectedSources, diagnostics, project.ExpectedAfterFix);
    }

    private static Solution CreateSolution(ProjectBuilder project, out ProjectId projectId)
    {
        var workspace = new AdhocWorkspace();
        projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Consumer",
                "Consumer",
                LanguageNames.CSharp,
                filePath: ProjectBuilder.PathOf("Consumer.csproj"),
                compilationOptions: project.CompilationOptions,
                parseOptions: project.ParseOptions,
                metadataReferences: project.References));
        foreach (var (name, markup) in project.Sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(markup.Text, System.Text.Encoding.UTF8), filePath: ProjectBuilder.PathOf(name));
        }

        foreach (var (name, text) in project.AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(text, System.Text.Encoding.UTF8), filePath: ProjectBuilder.PathOf(name));
        }

        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ProjectBuilder project, Project workspaceProject)
    {
        var compilation = (await workspaceProject.GetCompilationAsync().ConfigureAwait(false))!;
        var additional = new List<(string, string)>();
        foreach (var document in workspaceProject.AdditionalDocuments)
        {
            additional.Add((document.Name, (await document.GetTextAsync().ConfigureAwait(false)).ToString()));
        }

        return await project.RunAnalyzersAsync(compilation, ProjectBuilder.AdditionalTexts(additional)).ConfigureAwait(false);
    }

    private static async Task<Solution?> FixOneAsync(ProjectBuilder project, CodeFixProvider provider, Solution solution, ProjectId projectId)
    {
        var workspaceProject = solution.GetProject(projectId)!;
        foreach (var diagnostic in await FixableAsync(project, provider, workspaceProject).ConfigureAwait(false))
        {
            var document = workspaceProject.GetDocument(diagnostic.Location.SourceTree!)!;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            var action = project.CodeActionEquivalenceKey is { } key
                ? actions.FirstOrDefault(a => a.EquivalenceKey == key)
                : actions.FirstOrDefault();
            if (action is null)
            {
                continue;
            }

            var changed = await ApplyAsync(action, solution).ConfigureAwait(false);
            if (changed != solution)
            {
                return changed;
            }
        }

        return null;
    }

    private static async Task<Solution> FixAllAsync(ProjectBuilder project, CodeFixProvider provider, Solution solution, ProjectId projectId)
    {
        var workspaceProject = solution.GetProject(projectId)!;
        var fixable = await FixableAsync(project, provider, workspaceProject).ConfigureAwait(false);
        var first = fixable.FirstOrDefault() ?? throw new Xunit.Sdk.XunitException("There is no diagnostic for Fix All to fix.");
        var document = workspaceProject.GetDocument(first.Location.SourceTree!)!;
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
        var equivalenceKey = project.CodeActionEquivalenceKey ?? actions.FirstOrDefault()?.EquivalenceKey;
        var fixAllProvider = provider.GetFixAllProvider() ?? throw new Xunit.Sdk.XunitException("The code fix has no Fix All provider.");
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(fixable),
            CancellationToken.None);
        var action = await fixAllProvider.GetFixAsync(context).ConfigureAwait(false) ?? throw new Xunit.Sdk.XunitException("Fix All produced no action.");
        return await ApplyAsync(action, solution).ConfigureAwait(false);
    }

    private static async Task<List<Diagnostic>> FixableAsync(ProjectBuilder project, CodeFixProvider provider, Project workspaceProject)
        => [.. (await AnalyzeAsync(project, workspaceProject).ConfigureAwait(false))
            .Where(d => !d.IsSuppressed && d.Location.IsInSource && provider.FixableDiagnosticIds.Contains(d.Id))];

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation apply)
            {
                solution = apply.ChangedSolution;
            }
        }

        return solution;
    }

    /// <summary>The diagnostics Fix All works on: those the analyzers reported before the fix.</summary>
    private sealed class FixedDiagnostics(IReadOnlyList<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
