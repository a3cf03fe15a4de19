using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Checkpoint.Core.Digest;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Finds the changes in a diff that could weaken the checkpoint: its configuration, the package
/// that carries the analyzers and the gate, build logic, diagnostic settings, suppressions,
/// package sources and CI. Deliberately broad: a false alarm costs the approver a glance, a
/// miss costs the guarantee.
/// </summary>
internal static class WeakeningScan
{
    private const string ApprovalsDirectory = ".checkpoint/approvals/";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex PragmaDisable = new Regex(
        @"^\s*#\s*pragma\s+warning\s+disable\b(?<ids>[^/]*)",
        RegexOptions.CultureInvariant,
        RegexTimeout);

    private static readonly Regex SuppressMessage = new Regex(
        @"SuppressMessage(Attribute)?\s*\(.*\bCHK\d+",
        RegexOptions.CultureInvariant,
        RegexTimeout);

    private static readonly Regex DiagnosticProperty = new Regex(
        @"<\s*(NoWarn|WarningsAsErrors|WarningsNotAsErrors|TreatWarningsAsErrors|WarningLevel|RunAnalyzers|RunAnalyzersDuringBuild|CodeAnalysisRuleSet|AnalysisLevel|AnalysisMode|EnableNETAnalyzers|Checkpoint\w*)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        RegexTimeout);

    private static readonly Regex AnalyzerConfigEntry = new Regex(
        @"dotnet_diagnostic|dotnet_analyzer_diagnostic|\bCHK\d*|generated_code|is_global|severity",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        RegexTimeout);

    private static readonly Regex PackageReferenceLine = new Regex(
        @"<\s*(PackageReference|PackageVersion|GlobalPackageReference)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        RegexTimeout);

    private static readonly Regex CheckpointPackageName = new Regex(
        @"Checkpoint\.(Analyzers|Tool)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        RegexTimeout);

    public static IReadOnlyList<WeakeningChange> Find(IEnumerable<FileDiff> files)
    {
        var changes = new List<WeakeningChange>();
        foreach (var file in files)
        {
            Scan(file, changes);
        }

        return changes;
    }

    private static void Scan(FileDiff file, List<WeakeningChange> changes)
    {
        var path = file.Path;
        var name = FileName(path);
        var fileChange = file.Change;

        if (path.StartsWith(".checkpoint/", StringComparison.Ordinal) && !IsApprovalFile(file))
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.CheckpointConfiguration, fileChange,
                $"{fileChange}: decides who may approve and what is gated (the gate keeps using the base's copy until this merges)"));
        }

        // Package references live in MSBuild files, lock files and tool manifests; a README that
        // names the package is not a reference.
        if (IsMsBuildFile(name) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
        {
            ScanPackageLines(file, changes);
        }

        if (IsMsBuildFile(name))
        {
            ScanLines(file, changes, WeakeningKind.PackageReference, line => PackageReferenceLine.IsMatch(line) && !CheckpointPackageName.IsMatch(line), "package reference");
        }

        if (name.Equals(".gitattributes", StringComparison.OrdinalIgnoreCase))
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.GitAttributes, fileChange,
                $"{fileChange}: git attributes can hide changes from `git diff` (-diff, binary), add clean/smudge filters and change line endings; this review diffs blobs itself and ignores them"));
        }

        if (name.Equals("global.json", StringComparison.OrdinalIgnoreCase) || name.Equals("dotnet-tools.json", StringComparison.OrdinalIgnoreCase))
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.Toolchain, fileChange,
                $"{fileChange}: decides which SDK, MSBuild SDKs or local tools a build of the branch runs"));
        }

        if (file.SymlinkTarget != null && file.SymlinkTarget != file.OldSymlinkTarget)
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.SymbolicLink, fileChange,
                $"symbolic link to '{file.SymlinkTarget}'{(file.OldSymlinkTarget != null ? $" (was '{file.OldSymlinkTarget}')" : string.Empty)}: builds and tools read what it points to, not what this diff shows"));
        }

        if (IsBuildLogic(name))
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.BuildConfiguration, fileChange,
                $"{fileChange}: MSBuild logic that runs in every build and can change which analyzers and targets run"));
        }

        if (IsMsBuildFile(name))
        {
            ScanLines(file, changes, WeakeningKind.DiagnosticSettings, line => DiagnosticProperty.IsMatch(line), "diagnostic setting");
        }

        if (name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase))
        {
            var before = changes.Count;
            ScanLines(file, changes, WeakeningKind.DiagnosticSettings, line => AnalyzerConfigEntry.IsMatch(line), "analyzer configuration entry");
            if (changes.Count == before)
            {
                changes.Add(new WeakeningChange(path, null, WeakeningKind.DiagnosticSettings, fileChange,
                    $"{fileChange}: analyzer configuration file (can change diagnostic severities)"));
            }
        }

        if (IsSourceFile(name))
        {
            foreach (var line in file.Added)
            {
                var suppression = DescribeSuppression(line.Text);
                if (suppression != null)
                {
                    changes.Add(new WeakeningChange(path, line.LineNumber, WeakeningKind.Suppression, "added", $"{suppression}: {line.Text.Trim()}"));
                }
            }
        }

        if (name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.PackageSources, fileChange,
                $"{fileChange}: package sources decide which Checkpoint.Analyzers package the build gets"));
        }

        if (IsContinuousIntegration(path, name))
        {
            changes.Add(new WeakeningChange(path, null, WeakeningKind.ContinuousIntegration, fileChange,
                $"{fileChange}: CI or code-owner configuration, where the required checkpoint check is defined"));
        }
    }

    private static void ScanPackageLines(FileDiff file, List<WeakeningChange> changes)
    {
        ScanLines(file, changes, WeakeningKind.CheckpointPackage, line => CheckpointPackageName.IsMatch(line), "Checkpoint package reference");
    }

    private static void ScanLines(FileDiff file, List<WeakeningChange> changes, WeakeningKind kind, Func<string, bool> matches, string what)
    {
        foreach (var line in file.Removed.Where(l => matches(l.Text)))
        {
            changes.Add(new WeakeningChange(file.Path, line.LineNumber, kind, "removed", $"{what} removed: {line.Text.Trim()}"));
        }

        foreach (var line in file.Added.Where(l => matches(l.Text)))
        {
            changes.Add(new WeakeningChange(file.Path, line.LineNumber, kind, "added", $"{what} added: {line.Text.Trim()}"));
        }
    }

    private static string? DescribeSuppression(string line)
    {
        var pragma = PragmaDisable.Match(line);
        if (pragma.Success)
        {
            var ids = pragma.Groups["ids"].Value.Trim();
            if (ids.Length == 0)
            {
                return "disables every warning, CHK rules included";
            }

            if (ids.IndexOf("CHK", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "disables a CHK rule";
            }

            return null;
        }

        if (SuppressMessage.IsMatch(line))
        {
            return "suppresses a CHK rule";
        }

        if (line.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "marks the file as generated code, which analyzers may skip";
        }

        return null;
    }

    private static bool IsBuildLogic(string name)
    {
        return name.StartsWith("Directory.Build.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Directory.Solution.", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".rsp", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMsBuildFile(string name)
    {
        return IsBuildLogic(name)
            || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".proj", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSourceFile(string name)
    {
        return name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vb", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Only regular files directly in .checkpoint/approvals/ named *.json or *.json.sig are approvals;
    /// anything else there is part of the change like any other file.
    /// </summary>
    internal static bool IsApprovalFile(FileDiff file) =>
        IsApproval(file.Path)
        && file.SymlinkTarget is null
        && file.OldSymlinkTarget is null
        && file.ModeChange is null
        && (file.NewMode is null || file.NewMode == ApprovalPaths.RegularFileMode);

    /// <summary>The name part of <see cref="IsApprovalFile"/>: directly in the folder, <c>*.json</c> or <c>*.json.sig</c>.</summary>
    internal static bool IsApproval(string path)
    {
        if (!path.StartsWith(ApprovalsDirectory, StringComparison.Ordinal))
        {
            return false;
        }

        var name = path.Substring(ApprovalsDirectory.Length);
        return name.IndexOf('/') < 0 && (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".json.sig", StringComparison.Ordinal));
    }

    internal static bool IsContinuousIntegration(string path, string name)
    {
        return path.StartsWith(".github/workflows/", StringComparison.Ordinal)
            || path.StartsWith(".github/actions/", StringComparison.Ordinal)
            || path.StartsWith(".gitlab/", StringComparison.Ordinal)
            || path.StartsWith(".azure-pipelines/", StringComparison.Ordinal)
            || path.StartsWith(".azuredevops/", StringComparison.Ordinal)
            || path.Equals(".gitlab-ci.yml", StringComparison.Ordinal)
            || name.Equals("CODEOWNERS", StringComparison.Ordinal)
            || (name.StartsWith("azure-pipelines", StringComparison.OrdinalIgnoreCase)
                && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)));
    }

    private static string FileName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
