using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Tool.Baseline;
using Checkpoint.Tool.Output;
using Spectre.Console;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint baseline`: builds a project or solution once and writes each project's
/// CheckpointBaseline.txt from the CHK001/CHK002 sites its compilation reports (docs/baseline.md):
/// new sites added, entries that still match kept as written, stale entries removed.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var target = new Argument<string?>("PROJECT")
        {
            Description = "The project or solution file (or a folder holding one) to build, as 'dotnet build' takes it; default: the one in the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without writing any file; exit 1 when something would." };
        var timeout = ReviewCommand.BuildTimeoutOption(defaultMinutes: 30, "Minutes the build may take.");
        var command = new Command("baseline", "Write each project's CheckpointBaseline.txt from the sites its build reports: new sites added, stale entries removed (docs/baseline.md).")
        {
            target, dryRun, timeout,
        };
        command.SetAction(parseResult =>
        {
            // --repo, when given, is the folder the build starts in, as the current folder otherwise is.
            var repository = parseResult.GetValue(globals.Repository);
            var folder = Path.GetFullPath(Path.Combine(environment.CurrentDirectory, repository ?? "."));
            if (!Directory.Exists(folder))
            {
                throw new ToolException($"folder '{folder}' does not exist");
            }

            var requested = parseResult.GetValue(target);
            if (requested != null && !File.Exists(Path.Combine(folder, requested)) && !Directory.Exists(Path.Combine(folder, requested)))
            {
                throw new ToolException($"'{requested}' does not exist; name a project, a solution or a folder that holds one");
            }

            var result = BaselineBuild.Run(requested, folder, TimeSpan.FromMinutes(parseResult.GetValue(timeout)), environment.Variables);
            return Report(console, environment, result, parseResult.GetValue(dryRun));
        });
        return command;
    }

    private static int Report(ToolConsole console, ToolEnvironment environment, BaselineBuildResult result, bool dryRun)
    {
        var compiled = result.Projects.Where(p => p.HasCheckpointAnalyzers || p.All.Count > 0).ToList();
        if (compiled.Count == 0)
        {
            var reason = result.Projects.Count == 0
                ? "the build compiled no C# project"
                : "no compiled project references the Checkpoint.Analyzers package";
            throw new ToolException($"{reason}; nothing to baseline ({BuildSummary(result)})");
        }

        var failed = 0;
        var changed = 0;
        foreach (var project in compiled)
        {
            var name = Path.GetRelativePath(environment.CurrentDirectory, project.ProjectPath);
            if (project.CompileErrors.Count > 0)
            {
                failed++;
                console.Out.MarkupLine($"[red]{Markup.Escape(name)}: not baselined, it does not compile[/] ({project.CompileErrors.Count} error(s); first: {Markup.Escape(project.CompileErrors[0])})");
                continue;
            }

            var path = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, BaselineUpdate.FileName);
            var existing = File.Exists(path) ? File.ReadAllText(path) : null;
            var update = BaselineUpdate.For(existing, project);
            if (existing == null && update.Added.Count == 0)
            {
                console.Out.MarkupLine($"{Markup.Escape(name)}: no unattested sites, no baseline needed");
                continue;
            }

            if (update.Changes)
            {
                changed++;
                if (!dryRun)
                {
                    File.WriteAllText(path, update.NewText, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                }
            }

            var file = Path.GetRelativePath(environment.CurrentDirectory, path);
            var verb = !update.Changes ? "unchanged" : dryRun ? "would change" : existing == null ? "created" : "updated";
            console.Out.MarkupLine($"{Markup.Escape(file)} {verb}: [bold]{update.Added.Count}[/] new, {update.Kept.Count} kept, [bold]{update.Stale.Count}[/] stale{(update.Stale.Count > 0 ? (dryRun ? " (would be removed)" : " (removed)") : string.Empty)}");
            foreach (var stale in update.Stale)
            {
                console.Out.MarkupLine($"  [yellow]- {Markup.Escape(stale)}[/]");
            }
        }

        if (failed > 0)
        {
            console.WriteErrorLine($"{failed} project(s) were not baselined because they do not compile; fix the errors above and run 'checkpoint baseline' again");
            return ExitCodes.UsageOrEnvironment;
        }

        return dryRun && changed > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static string BuildSummary(BaselineBuildResult result)
    {
        var build = result.Build;
        var lines = (build.Output + "\n" + build.Error).Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.OrdinalIgnoreCase)).ToList();
        return lines.Count > 0 ? "the build said: " + lines[0] : $"dotnet build exited with {build.ExitCode}";
    }
}
