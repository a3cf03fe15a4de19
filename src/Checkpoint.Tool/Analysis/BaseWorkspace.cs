using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The merge-base's files, written from git objects into the review cache, restored and evaluated
/// there by the merge-base's own build: for each C# project, the compiler command line its build
/// would run. The merge-base is on the protected branch, so its MSBuild logic is trusted; nothing
/// from the branch under review is written here or evaluated. Built once per merge-base, then read
/// from the cache.
/// </summary>
internal sealed class BaseWorkspace
{
    /// <summary>Files above this size are not written (they are never C# sources or project files).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private const string ManifestName = "workspace.json";

    // Bumped whenever what the cache holds changes meaning; an older folder is rebuilt.
    private const int ManifestFormat = 2;
    private const int BlobsPerRead = 4000;

    private BaseWorkspace(string folder, IReadOnlyList<TreeFile> files, IReadOnlyList<BaseProject> projects, IReadOnlyList<string> problems, bool fromCache)
    {
        Folder = folder;
        Files = files;
        Projects = projects;
        Problems = problems;
        FromCache = fromCache;
    }

    public string Folder { get; }

    /// <summary>The merge-base's tree on disk (plus what its restore and evaluation wrote: obj/ folders).</summary>
    public string TreeDirectory => Path.Combine(Folder, "tree");

    public IReadOnlyList<TreeFile> Files { get; }

    public IReadOnlyList<BaseProject> Projects { get; }

    /// <summary>Merge-base projects that could not be evaluated, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool FromCache { get; }

    public string FullPath(string repositoryPath) => Path.Combine(TreeDirectory, repositoryPath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The repository-relative path of a file in the tree, or null when it is outside it.</summary>
    public string? RepositoryPath(string fullPath)
    {
        var relative = Path.GetRelativePath(TreeDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
    }

    public static BaseWorkspace Open(ReviewCache cache, ReviewedChange change, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var folder = cache.FolderFor(change.RepositoryRoot, change.MergeBase);
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        using var exclusive = Lock(folder + ".lock", timeout);
        var manifest = Path.Combine(folder, ManifestName);
        if (File.Exists(manifest))
        {
            var cached = TryRead(folder, manifest);
            if (cached != null)
            {
                Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
                return cached;
            }
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var files = Materialize(change, Path.Combine(folder, "tree"));
        var (projects, problems) = Evaluate(folder, files, environment, timeout);
        var workspace = new BaseWorkspace(folder, files, projects, problems, fromCache: false);

        // A project that could not be evaluated (a restore that failed on the network, say) is
        // tried again by the next review rather than remembered.
        if (problems.Count == 0)
        {
            Write(workspace, manifest);
        }

        ReviewCache.Trim(folder);
        return workspace;
    }

    private static IReadOnlyList<TreeFile> Materialize(ReviewedChange change, string tree)
    {
        var files = change.Objects.ListFiles(change.MergeBase);
        var regular = files.Where(f => f.IsRegularFile && (f.Size ?? 0) <= MaxFileBytes && IsSafePath(f.Path)).ToList();
        for (var start = 0; start < regular.Count; start += BlobsPerRead)
        {
            var chunk = regular.Skip(start).Take(BlobsPerRead).ToList();
            var contents = change.Objects.ReadBlobs(chunk.Select(f => f.Blob), MaxFileBytes);
            foreach (var file in chunk)
            {
                if (contents.TryGetValue(file.Blob, out var bytes))
                {
                    var path = Path.Combine(tree, file.Path.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, bytes);
                }
            }
        }

        Directory.CreateDirectory(tree);
        return files;
    }

    // git never stores these, but the tree is written outside the repository, so check anyway.
    private static bool IsSafePath(string path) =>
        path.Length > 0 && !path.StartsWith("/", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    private static (IReadOnlyList<BaseProject> Projects, IReadOnlyList<string> Problems) Evaluate(
        string folder, IReadOnlyList<TreeFile> files, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var tree = Path.Combine(folder, "tree");
        var projectPaths = files.Where(f => f.IsRegularFile && f.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !ProjectLayout.IsBuildOutput(f.Path))
            .Select(f => f.Path)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (projectPaths.Count == 0)
        {
            return (Array.Empty<BaseProject>(), Array.Empty<string>());
        }

        var output = Path.Combine(folder, "inputs");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(folder, "inputs.targets"), DesignTimeTargets, Encoding.UTF8);
        File.WriteAllText(Path.Combine(folder, "review.proj"), TraversalProject(projectPaths.Select(p => Path.Combine(tree, p))), Encoding.UTF8);

        var result = ChildProcess.Run(
            "dotnet",
            new[]
            {
                "msbuild", Path.Combine(folder, "review.proj"), "-restore", "-t:CheckpointReviewCollect",
                "-nologo", "-v:q", "-nodeReuse:false", "-p:CheckpointReviewFolder=" + folder,
            },
            tree,
            timeout,
            DotnetEnvironment.For(environment));
        if (result.TimedOut)
        {
            return (Array.Empty<BaseProject>(), new[] { $"restoring and evaluating the merge-base's projects took longer than {timeout.TotalMinutes:0} minutes" });
        }

        var projects = new List<BaseProject>();
        var evaluated = new Dictionary<string, BaseProject>(StringComparer.Ordinal);
        foreach (var propertiesFile in Directory.GetFiles(output, "*.props"))
        {
            var properties = File.ReadAllLines(propertiesFile)
                .Select(line => line.Split('=', 2))
                .Where(parts => parts.Length == 2)
                .GroupBy(parts => parts[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            var argumentsFile = Path.ChangeExtension(propertiesFile, ".args");
            if (!properties.TryGetValue("project", out var projectFile) || !File.Exists(argumentsFile))
            {
                continue;
            }

            var relative = Path.GetRelativePath(tree, projectFile).Replace('\\', '/');
            string Get(string name) => properties.TryGetValue(name, out var value) ? value : string.Empty;
            evaluated[relative] = new BaseProject(
                relative,
                Get("tfm"),
                Get("tfms").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Get("assemblyName"),
                new[] { Get("targetPath"), Get("targetRefPath") }.Where(p => p.Length > 0).ToList(),
                File.ReadAllLines(argumentsFile).Where(line => line.Length > 0).ToList());
        }

        var problems = new List<string>();
        foreach (var path in projectPaths)
        {
            if (evaluated.TryGetValue(path, out var project))
            {
                projects.Add(project);
            }
            else
            {
                problems.Add($"{path}: the merge-base's own build could not evaluate it ({FirstError(result, path)})");
            }
        }

        return (projects, problems);
    }

    private static string FirstError(ChildProcessResult result, string projectPath)
    {
        var lines = (result.Output + "\n" + result.Error).Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        var line = lines.FirstOrDefault(l => l.Contains(projectPath, StringComparison.Ordinal)) ?? lines.FirstOrDefault();
        return line ?? (result.Succeeded ? "it produced no compiler command line" : result.LastLine());
    }

    private static string TraversalProject(IEnumerable<string> projects)
    {
        var items = string.Concat(projects.Select(p => $"    <CheckpointReviewProject Include=\"{Escape(p)}\" />\n"));
        return "<Project>\n"
            + "  <!-- Written by checkpoint review: restores and evaluates the merge-base's projects, compiling nothing. -->\n"
            + "  <ItemGroup>\n" + items + "  </ItemGroup>\n"
            + "  <PropertyGroup>\n"
            + "    <_CheckpointReviewProperties>DesignTimeBuild=true;SkipCompilerExecution=true;ProvideCommandLineArgs=true;BuildProjectReferences=false;"
            + "CheckpointGateEnabled=false;CheckpointSkip=true;"
            + "CustomAfterMicrosoftCommonTargets=$(CheckpointReviewFolder)/inputs.targets;CustomAfterMicrosoftCommonCrossTargetingTargets=$(CheckpointReviewFolder)/inputs.targets;"
            + "CheckpointReviewOutput=$(CheckpointReviewFolder)/inputs</_CheckpointReviewProperties>\n"
            + "  </PropertyGroup>\n"
            + "  <Target Name=\"Restore\">\n"
            + "    <MSBuild Projects=\"@(CheckpointReviewProject)\" Targets=\"Restore\" Properties=\"$(_CheckpointReviewProperties)\" ContinueOnError=\"true\" />\n"
            + "  </Target>\n"
            + "  <Target Name=\"CheckpointReviewCollect\">\n"
            + "    <MSBuild Projects=\"@(CheckpointReviewProject)\" Targets=\"CheckpointReviewCompilerInputs\" Properties=\"$(_CheckpointReviewProperties)\" BuildInParallel=\"true\" ContinueOnError=\"true\" />\n"
            + "  </Target>\n"
            + "</Project>\n";
    }

    private static string Escape(string value) =>
        System.Security.SecurityElement.Escape(value)!.Replace("%", "%25").Replace(";", "%3B").Replace("$", "%24").Replace("@", "%40");

    // Imported into each merge-base project (CustomAfterMicrosoftCommon*Targets): after the SDK's
    // Compile with SkipCompilerExecution, it writes the csc arguments and a few properties. A
    // multi-targeted project is evaluated for the first framework it lists.
    private const string DesignTimeTargets = """
        <Project>
          <PropertyGroup>
            <_CheckpointReviewStep Condition="'$(IsCrossTargetingBuild)' == 'true'">_CheckpointReviewOuter</_CheckpointReviewStep>
            <_CheckpointReviewStep Condition="'$(IsCrossTargetingBuild)' != 'true'">_CheckpointReviewInner</_CheckpointReviewStep>
          </PropertyGroup>
          <Target Name="CheckpointReviewCompilerInputs" DependsOnTargets="$(_CheckpointReviewStep)" />
          <Target Name="_CheckpointReviewOuter">
            <MSBuild Projects="$(MSBuildProjectFullPath)" Targets="CheckpointReviewCompilerInputs" Properties="TargetFramework=$(TargetFrameworks.Split(';')[0].Trim())" />
          </Target>
          <Target Name="_CheckpointReviewInner" DependsOnTargets="Compile" Condition="'$(Language)' == 'C#'">
            <PropertyGroup>
              <_CheckpointReviewFile>$(CheckpointReviewOutput)/$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)'))</_CheckpointReviewFile>
              <_CheckpointReviewFrameworks>$(TargetFrameworks.Replace(';', ','))</_CheckpointReviewFrameworks>
            </PropertyGroup>
            <ItemGroup>
              <_CheckpointReviewLine Include="project=$([MSBuild]::Escape($(MSBuildProjectFullPath)))" />
              <_CheckpointReviewLine Include="tfm=$([MSBuild]::Escape($(TargetFramework)))" />
              <_CheckpointReviewLine Include="tfms=$([MSBuild]::Escape($(_CheckpointReviewFrameworks)))" />
              <_CheckpointReviewLine Include="assemblyName=$([MSBuild]::Escape($(AssemblyName)))" />
              <_CheckpointReviewLine Include="targetPath=$([MSBuild]::Escape($(TargetPath)))" />
              <_CheckpointReviewLine Include="targetRefPath=$([MSBuild]::Escape($(TargetRefPath)))" />
            </ItemGroup>
            <WriteLinesToFile File="$(_CheckpointReviewFile).args" Lines="@(CscCommandLineArgs)" Overwrite="true" />
            <WriteLinesToFile File="$(_CheckpointReviewFile).props" Lines="@(_CheckpointReviewLine)" Overwrite="true" />
          </Target>
        </Project>
        """;

    private static FileStream Lock(string path, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                // Another review of the same merge-base is preparing it; wait for its result.
                Thread.Sleep(200);
            }
        }
    }

    private static void Write(BaseWorkspace workspace, string manifest)
    {
        var document = new WorkspaceDocument(
            ManifestFormat,
            workspace.Files.Select(f => new[] { f.Path, f.Mode, f.Blob, f.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-" }).ToList(),
            workspace.Projects.ToList(),
            workspace.Problems.ToList());
        File.WriteAllText(manifest, JsonSerializer.Serialize(document), Encoding.UTF8);
    }

    private static BaseWorkspace? TryRead(string folder, string manifest)
    {
        try
        {
            var document = JsonSerializer.Deserialize<WorkspaceDocument>(File.ReadAllText(manifest));
            if (document?.Files == null || document.Projects == null || document.Problems == null || document.Format != ManifestFormat)
            {
                return null;
            }

            var files = document.Files.Where(f => f.Length == 4)
                .Select(f => new TreeFile(f[0], f[1], f[2], long.TryParse(f[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : null))
                .ToList();
            return new BaseWorkspace(folder, files, document.Projects, document.Problems, fromCache: true);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record WorkspaceDocument(int Format, List<string[]> Files, List<BaseProject> Projects, List<string> Problems);
}
