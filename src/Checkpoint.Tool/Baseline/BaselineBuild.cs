using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Checkpoint.Tool.Baseline;

/// <summary>
/// Builds the user's project or solution once, as they would, with every C# compilation writing its
/// own SARIF 2.1 log, and reads the logs per project. This runs the team's own build on their own
/// machine: the same code every local build of the branch runs.
/// </summary>
/// <remarks>
/// <c>ErrorLog</c> as a global property would send every project of a solution to one file, each
/// compilation overwriting the last; so the build imports a small targets file after the common
/// targets (<c>CustomAfterMicrosoftCommonTargets</c>) that gives each compilation a file of its own
/// and records, beside it, which project wrote it and which analyzers it ran. A rebuild makes every
/// compiler run, so no log is missing because a project was up to date. The build is expected to
/// fail: the unlisted sites are errors. The gate is skipped (outside CI only, as always): the
/// baseline needs the compiler's diagnostics, not the approval of the branch.
/// </remarks>
internal static class BaselineBuild
{
    private const string LogTargets = """
        <Project>
          <!-- Written by checkpoint baseline: one SARIF log per C# compilation, and who wrote it. -->
          <PropertyGroup Condition="'$(Language)' == 'C#' and '$(CheckpointBaselineLogs)' != ''">
            <_CheckpointBaselineLog>$(CheckpointBaselineLogs)/$([System.Guid]::NewGuid().ToString('N')).sarif</_CheckpointBaselineLog>
            <ErrorLog>$(_CheckpointBaselineLog),version=2.1</ErrorLog>
          </PropertyGroup>
          <Target Name="_CheckpointBaselineRecordCompilation" BeforeTargets="CoreCompile" Condition="'$(_CheckpointBaselineLog)' != ''">
            <ItemGroup>
              <_CheckpointBaselineRecord Include="project=$(MSBuildProjectFullPath)" />
              <_CheckpointBaselineRecord Include="@(Analyzer->'analyzer=%(FullPath)')" />
            </ItemGroup>
            <WriteLinesToFile File="$(_CheckpointBaselineLog).project" Lines="@(_CheckpointBaselineRecord)" Overwrite="true" />
          </Target>
        </Project>
        """;

    public static BaselineBuildResult Run(string? target, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment)
    {
        var folder = Directory.CreateTempSubdirectory("checkpoint-baseline-").FullName;
        try
        {
            var logs = Path.Combine(folder, "logs");
            Directory.CreateDirectory(logs);
            var targets = Path.Combine(folder, "baseline.targets");
            File.WriteAllText(targets, LogTargets, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

            var arguments = new List<string> { "build" };
            if (target != null)
            {
                arguments.Add(target);
            }

            arguments.AddRange(new[]
            {
                "--no-incremental", "-nologo", "-v:q", "-nodeReuse:false",
                "-p:CustomAfterMicrosoftCommonTargets=" + targets,
                "-p:CheckpointBaselineLogs=" + logs,
                "-p:CheckpointGateEnabled=false",
            });
            var build = ChildProcess.Run(
                "dotnet",
                arguments,
                workingDirectory,
                timeout,
                BuildEnvironment(environment));
            if (build.TimedOut)
            {
                throw new ToolException($"the build of {target ?? workingDirectory} took longer than {timeout.TotalMinutes:0} minutes; raise --build-timeout");
            }

            var projects = new Dictionary<string, ProjectSites>(StringComparer.Ordinal);
            foreach (var record in Directory.GetFiles(logs, "*.sarif.project").OrderBy(p => p, StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(record);
                var project = lines.FirstOrDefault(l => l.StartsWith("project=", StringComparison.Ordinal))?.Substring("project=".Length);
                var log = record.Substring(0, record.Length - ".project".Length);
                if (project == null)
                {
                    continue;
                }

                if (!projects.TryGetValue(project, out var sites))
                {
                    sites = new ProjectSites(project);
                    projects.Add(project, sites);
                }

                sites.HasCheckpointAnalyzers |= lines.Any(l => l.StartsWith("analyzer=", StringComparison.Ordinal)
                    && string.Equals(Path.GetFileName(l), "Checkpoint.Analyzers.dll", StringComparison.OrdinalIgnoreCase));
                if (File.Exists(log))
                {
                    CompilerLog.ReadInto(log, sites);
                }
                else
                {
                    sites.CompileErrors.Add("the compiler wrote no log (it did not run to the end)");
                }
            }

            return new BaselineBuildResult(projects.Values.OrderBy(p => p.ProjectPath, StringComparer.Ordinal).ToList(), build);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static Dictionary<string, string?> BuildEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        // The user's own environment, so the build is theirs; only what keeps the output readable and
        // leaves no build server behind is added.
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = environment.TryGetValue("DOTNET_CLI_TELEMETRY_OPTOUT", out var optOut) ? optOut : "1",
        };
    }
}
