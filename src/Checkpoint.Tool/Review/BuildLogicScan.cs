using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Tool.Review;

/// <summary>Which changed files are build logic the approver must read in full (see <see cref="BuildLogicChange"/>).</summary>
internal static class BuildLogicScan
{
    public static IReadOnlyList<BuildLogicChange> Find(IEnumerable<FileDiff> files) =>
        files.Select(f => (File: f, Reason: Reason(f.Path)))
            .Where(f => f.Reason != null)
            .Select(f => new BuildLogicChange(f.File.Path, f.File.Change, f.Reason!, f.File.Unified))
            .ToList();

    public static string? Reason(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        bool Named(string candidate) => name.Equals(candidate, StringComparison.OrdinalIgnoreCase);
        bool Ends(string suffix) => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

        if (Ends(".csproj") || Ends(".vbproj") || Ends(".fsproj") || Ends(".proj"))
        {
            return "project file: its targets, tasks, package and project references run in every build";
        }

        if (name.StartsWith("Directory.", StringComparison.OrdinalIgnoreCase) || Ends(".props") || Ends(".targets") || Ends(".rsp"))
        {
            return "MSBuild logic imported into builds: it can run tasks, inline code and property functions";
        }

        if (Ends(".sln") || Ends(".slnx") || Ends(".slnf"))
        {
            return "solution file: decides which projects a build includes";
        }

        if (Named("nuget.config"))
        {
            return "package sources: where every package of the build comes from";
        }

        if (Named("global.json"))
        {
            return "SDK selection: which .NET SDK and MSBuild SDKs the build uses";
        }

        if (Named("dotnet-tools.json"))
        {
            return "local tools: which tools `dotnet tool restore` installs and runs";
        }

        if (Named(".editorconfig") || Ends(".globalconfig"))
        {
            return "analyzer configuration: can change diagnostic severities and what counts as generated code";
        }

        if (Named(".gitattributes"))
        {
            return "git attributes: can hide diffs from git (-diff, binary), add filters and change line endings; this review diffs blobs itself and ignores them";
        }

        if (WeakeningScan.IsContinuousIntegration(path, name))
        {
            return "CI definition: where the required checkpoint check runs";
        }

        return null;
    }
}
