using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Checkpoint.Analyzers;
using Checkpoint.Analyzers.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.CodeFixes;

/// <summary>
/// CHK001/CHK002: appends the site's baseline key to the project's <c>CheckpointBaseline.txt</c>
/// (creating it beside the project file if there is none), so the site is reported as suppressed.
/// Fix All in document, project or solution writes every key of its scope in one edit per project:
/// that is how a team generates its baseline from the IDE on the day it adopts Checkpoint.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddToBaselineCodeFixProvider)), Shared]
public sealed class AddToBaselineCodeFixProvider : CodeFixProvider
{
    /// <summary>The action's title, as the IDE lists it (and docs/rules lists it, generated).</summary>
    public const string ActionTitle = "Add to Checkpoint baseline";

    private const string Title = ActionTitle;

    private const string Header =
        "// Checkpoint baseline: call sites that existed when Checkpoint was adopted (docs/baseline.md).\n" +
        "// Listed sites are reported as suppressed; remove an entry when its site is gone or attested.\n";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.UnattestedDestructiveOperation,
        RuleIdentifiers.UnattestedDisruptiveOperation);

    public override FixAllProvider GetFixAllProvider() => BaselineFixAllProvider.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (KeyOf(diagnostic) is not { } key)
            {
                continue;
            }

            var projectId = context.Document.Project.Id;
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => AddKeysAsync(context.Document.Project.Solution, projectId, [key], cancellationToken),
                    equivalenceKey: nameof(AddToBaselineCodeFixProvider)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static string? KeyOf(Diagnostic diagnostic)
        => !diagnostic.IsSuppressed && diagnostic.Properties.TryGetValue(BaselineKey.PropertyName, out var key) && !string.IsNullOrEmpty(key)
            ? key
            : null;

    /// <summary>Appends the keys the baseline does not list yet; what is already written is kept as it is.</summary>
    private static async Task<Solution> AddKeysAsync(Solution solution, ProjectId projectId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null || keys.Count == 0)
        {
            return solution;
        }

        var baseline = project.AdditionalDocuments.FirstOrDefault(d => CheckpointBaseline.IsBaselineFile(d.FilePath ?? d.Name));
        if (baseline is null)
        {
            var directory = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
            var text = Header + string.Join("\n", keys.Distinct(StringComparer.Ordinal)) + "\n";
            return solution.AddAdditionalDocument(
                DocumentId.CreateNewId(projectId, CheckpointBaseline.FileName),
                CheckpointBaseline.FileName,
                SourceText.From(text, Encoding.UTF8),
                filePath: directory is null ? null : Path.Combine(directory, CheckpointBaseline.FileName));
        }

        var existing = await baseline.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var listed = new HashSet<string>(existing.Lines.Select(line => line.ToString().Trim()), StringComparer.Ordinal);
        var missing = keys.Where(listed.Add).ToList();
        if (missing.Count == 0)
        {
            return solution;
        }

        var content = existing.ToString();
        var newLine = content.Contains("\r\n") ? "\r\n" : "\n";
        var builder = new StringBuilder(content);
        if (content.Length > 0 && !content.EndsWith("\n", StringComparison.Ordinal))
        {
            builder.Append(newLine);
        }

        foreach (var key in missing)
        {
            builder.Append(key).Append(newLine);
        }

        return solution.WithAdditionalDocumentText(baseline.Id, SourceText.From(builder.ToString(), existing.Encoding));
    }

    /// <summary>One edit per project for every diagnostic in scope, whatever documents they are in.</summary>
    private sealed class BaselineFixAllProvider : FixAllProvider
    {
        public static BaselineFixAllProvider Instance { get; } = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnosticsByProject = new List<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document is { } document:
                    diagnosticsByProject.Add((document.Project.Id, await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)));
                    break;
                case FixAllScope.Project:
                    diagnosticsByProject.Add((fixAllContext.Project.Id, await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false)));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnosticsByProject.Add((project.Id, await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false)));
                    }

                    break;
                default:
                    return null;
            }

            return CodeAction.Create(
                Title,
                async cancellationToken =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var (project, diagnostics) in diagnosticsByProject)
                    {
                        var keys = diagnostics
                            .Where(d => fixAllContext.DiagnosticIds.Contains(d.Id))
                            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                            .ThenBy(d => d.Location.SourceSpan.Start)
                            .Select(KeyOf)
                            .OfType<string>()
                            .Distinct(StringComparer.Ordinal)
                            .ToList();
                        solution = await AddKeysAsync(solution, project, keys, cancellationToken).ConfigureAwait(false);
                    }

                    return solution;
                },
                equivalenceKey: fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
