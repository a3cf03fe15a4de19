using System.Collections.Generic;

namespace Checkpoint.Tool.Baseline;

/// <summary>What one project's compilations reported: every CHK001/CHK002 site by baseline key.</summary>
internal sealed class ProjectSites
{
    public ProjectSites(string projectPath)
    {
        ProjectPath = projectPath;
    }

    /// <summary>The full path of the project file.</summary>
    public string ProjectPath { get; }

    /// <summary>Keys of the sites no baseline entry suppressed, in the order first reported.</summary>
    public List<string> Unlisted { get; } = new List<string>();

    /// <summary>Keys of every site, suppressed or not: what a baseline entry must match to stay.</summary>
    public HashSet<string> All { get; } = new HashSet<string>(System.StringComparer.Ordinal);

    /// <summary>Compiler errors (CS...), one line each: a project that does not compile cannot be baselined.</summary>
    public List<string> CompileErrors { get; } = new List<string>();

    /// <summary>Whether the Checkpoint analyzers were passed to the compiler at all.</summary>
    public bool HasCheckpointAnalyzers { get; set; }

    /// <summary>How many compilations (target frameworks) reported for the project.</summary>
    public int Compilations { get; set; }
}
