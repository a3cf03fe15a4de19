using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// What one project's compilation is made of on each side: the merge-base's compiler inputs
/// (<see cref="Template"/>), with the repository's C# files taken from the side being compiled.
/// </summary>
internal sealed class ProjectPlan
{
    public ProjectPlan(string path, BaseProject template, CSharpCommandLineArguments arguments, bool existsBefore)
    {
        Path = path;
        Template = template;
        Arguments = arguments;
        ExistsBefore = existsBefore;
    }

    /// <summary>The project file, repository-relative.</summary>
    public string Path { get; }

    public string Directory => ProjectLayout.DirectoryOf(Path);

    /// <summary>The merge-base project whose compiler inputs this compilation uses: itself, or for a new project the nearest one.</summary>
    public BaseProject Template { get; }

    public CSharpCommandLineArguments Arguments { get; }

    public bool ExistsBefore { get; }

    public bool ExistsAfter { get; set; } = true;

    /// <summary>Repository files compiled at the merge-base.</summary>
    public List<string> SourcesBefore { get; } = new();

    /// <summary>Repository files compiled at HEAD: the merge-base's items still present, plus new files the default glob takes.</summary>
    public List<string> SourcesAfter { get; } = new();

    /// <summary>Files outside the repository that both sides compile (generated global usings, package content).</summary>
    public List<string> ExternalSources { get; } = new();

    /// <summary>Compile-time assemblies of packages the branch adds or changes (they replace same-named references).</summary>
    public List<string> AddedAssemblies { get; } = new();

    /// <summary>Projects (repository-relative) the branch's project file newly references.</summary>
    public List<string> AddedProjectReferences { get; } = new();

    /// <summary>Whether something this project compiles differs between the two sides.</summary>
    public bool Affected { get; set; }
}
