using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Checkpoint.Core.Git;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Finds the destructive and disruptive operations a change adds, removes or moves, with the
/// same analyzers the build uses: it checks out the merge-base and HEAD into temporary git
/// worktrees, builds each with the compiler's SARIF log switched on, and compares the CHK001
/// and CHK002 results by (file, operation) rather than by line, so edits above a call do not
/// make it look new.
/// </summary>
/// <remarks>
/// An [ApprovedBy] attestation silences CHK001, and the approver must see attested operations
/// too (an agent can write an attestation). So the temporary copies rename the attribute to an
/// inert look-alike before building; nothing in the user's working tree changes. The review
/// build also forces RunAnalyzers on and clears NoWarn, because the branch under review may
/// have switched them off.
/// </remarks>
internal sealed class OperationAnalysis
{
    /// <summary>Set for every review build, so the package's gate target knows the build only feeds a review.</summary>
    public const string ReviewBuildVariable = "CHECKPOINT_REVIEW_BUILD";

    private const string NeutralAttributeName = "CheckpointReviewNeutralizedApproval";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Regex ApprovedByIdentifier = new Regex(@"\bApprovedBy(Attribute)?\b", RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly Regex QuotedOperation = new Regex(@"'(?<operation>[^']+)'\s+(?<effect>.*?)(\s+and has no\b.*\[ApprovedBy\].*)?$", RegexOptions.CultureInvariant, RegexTimeout);

    private readonly GitRepository _repository;
    private readonly TimeSpan _buildTimeout;
    private readonly IReadOnlyDictionary<string, string?> _environment;

    public OperationAnalysis(GitRepository repository, IReadOnlyDictionary<string, string?> environment, TimeSpan buildTimeout)
    {
        _repository = repository;
        _environment = environment;
        _buildTimeout = buildTimeout;
    }

    public OperationReview Compare(string mergeBase, string head)
    {
        var workspace = Path.Combine(Path.GetTempPath(), "checkpoint-review-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(workspace);
        var worktrees = new List<string>();
        try
        {
            var warnings = new List<string>();
            var before = Analyze(workspace, "base", mergeBase, worktrees, warnings);
            if (before.Failure != null)
            {
                return OperationReview.NotAnalyzed("the merge-base could not be analyzed: " + before.Failure);
            }

            var after = Analyze(workspace, "head", head, worktrees, warnings);
            if (after.Failure != null)
            {
                return OperationReview.NotAnalyzed("HEAD could not be analyzed: " + after.Failure);
            }

            return new OperationReview(true, null, Diff(before.Findings, after.Findings), warnings);
        }
        finally
        {
            foreach (var worktree in worktrees)
            {
                _repository.RemoveWorktree(worktree);
            }

            TryDelete(workspace);
        }
    }

    /// <summary>
    /// Pairs findings by (file, operation): surplus on the HEAD side is added, surplus on the
    /// merge-base side is removed, and a removal in one file matched by an addition of the same
    /// operation in another file is a move.
    /// </summary>
    internal static IReadOnlyList<OperationChange> Diff(IReadOnlyList<AnalyzerFinding> before, IReadOnlyList<AnalyzerFinding> after)
    {
        var removed = new List<AnalyzerFinding>();
        var added = new List<AnalyzerFinding>();
        var keys = before.Select(Key).Concat(after.Select(Key)).Distinct().ToList();
        foreach (var key in keys)
        {
            var old = before.Where(f => Key(f) == key).OrderBy(f => f.Line).ToList();
            var now = after.Where(f => Key(f) == key).OrderBy(f => f.Line).ToList();
            if (now.Count > old.Count)
            {
                added.AddRange(now.Skip(old.Count));
            }
            else if (old.Count > now.Count)
            {
                removed.AddRange(old.Skip(now.Count));
            }
        }

        var changes = new List<OperationChange>();
        foreach (var gone in removed.ToList())
        {
            var arrival = added.FirstOrDefault(a => a.Operation == gone.Operation && a.RuleId == gone.RuleId && (a.Path != gone.Path || a.Member != gone.Member));
            if (arrival != null)
            {
                added.Remove(arrival);
                removed.Remove(gone);
                changes.Add(ToChange("moved", arrival, gone));
            }
        }

        changes.AddRange(added.Select(a => ToChange("added", a, null)));
        changes.AddRange(removed.Select(r => ToChange("removed", r, null)));
        return changes
            .OrderBy(c => c.Change == "added" ? 0 : c.Change == "moved" ? 1 : 2)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Line)
            .ToList();
    }

    // The member joins the key only when the analyzers report it; then a call that moves between
    // methods of one file shows as moved too.
    private static (string, string, string, string?) Key(AnalyzerFinding finding) => (finding.Path, finding.RuleId, finding.Operation, finding.Member);

    private static OperationChange ToChange(string change, AnalyzerFinding finding, AnalyzerFinding? previous) =>
        new OperationChange(change, finding.RuleId, finding.Severity, finding.Operation, finding.Service, finding.Effect, finding.Path, finding.Line, previous?.Path, previous?.Line, finding.Suppressed);

    private (IReadOnlyList<AnalyzerFinding> Findings, string? Failure) Analyze(string workspace, string side, string commit, List<string> worktrees, List<string> warnings)
    {
        var tree = Path.Combine(workspace, side);
        try
        {
            _repository.AddWorktree(tree, commit);
        }
        catch (GitException ex)
        {
            return (Array.Empty<AnalyzerFinding>(), "git worktree add failed: " + ex.Message);
        }

        worktrees.Add(tree);
        var targets = FindBuildTargets(tree);
        if (targets.Count == 0)
        {
            return (Array.Empty<AnalyzerFinding>(), "no solution or C# project found to build");
        }

        NeutralizeAttestations(tree);
        var sarifDirectory = Path.Combine(workspace, "sarif-" + side);
        Directory.CreateDirectory(sarifDirectory);
        var attributeFile = Path.Combine(workspace, NeutralAttributeName + ".cs");
        File.WriteAllText(attributeFile, NeutralAttributeSource, Encoding.UTF8);
        var hookTargets = Path.Combine(workspace, "review-" + side + ".targets");
        File.WriteAllText(hookTargets, HookTargets(sarifDirectory, attributeFile), Encoding.UTF8);

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ReviewBuildVariable] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",

            // A review build only feeds this review; its output is thrown away. Without CI markers
            // the package's gate honours CheckpointSkip, so a review bot in CI can still build an
            // unapproved branch. The merge check is `checkpoint verify`, which this does not touch.
            ["CI"] = null,
            ["GITHUB_ACTIONS"] = null,
            ["TF_BUILD"] = null,
            ["GITLAB_CI"] = null,
        };

        foreach (var target in targets)
        {
            var result = ChildProcess.Run(
                "dotnet",
                new[]
                {
                    "build", target, "-nologo", "-v:q", "-nodeReuse:false",
                    "-p:CustomAfterMicrosoftCommonTargets=" + hookTargets,
                    "-p:RunAnalyzers=true", "-p:RunAnalyzersDuringBuild=true",
                    "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=", "-p:NoWarn=",
                    "-p:UseSharedCompilation=false",

                    // The gate honours these only outside CI; the review build feeds a review, not a merge.
                    "-p:CheckpointSkip=true", "-p:CheckpointGateEnabled=false",
                },
                tree,
                _buildTimeout,
                environment);
            if (result.TimedOut)
            {
                return (Array.Empty<AnalyzerFinding>(), $"building {Relative(tree, target)} took longer than {_buildTimeout.TotalMinutes:0} minutes");
            }

            // CHK errors are what the review is looking for; any other error means code that did
            // not compile, whose operations the analyzers may not have seen.
            var reason = result.Succeeded ? null : FirstBuildError(result.Output + "\n" + result.Error);
            if (reason != null)
            {
                warnings.Add($"{side}: building {Relative(tree, target)} reported errors; operations in code that did not compile may be missing ({reason})");
            }
        }

        var logs = Directory.GetFiles(sarifDirectory, "*.sarif");
        if (logs.Length == 0)
        {
            return (Array.Empty<AnalyzerFinding>(), "the build produced no compiler log (restore or project evaluation failed)");
        }

        var withoutCheckpoint = ProjectsWithoutCheckpointAnalyzers(sarifDirectory, tree, out var noneHadThem);
        if (noneHadThem)
        {
            return (Array.Empty<AnalyzerFinding>(), "no project references the Checkpoint.Analyzers package, so no analyzer could report operations");
        }

        foreach (var project in withoutCheckpoint)
        {
            warnings.Add($"{side}: {project} was built without the Checkpoint analyzers; its operations are not in this review");
        }

        var findings = new List<AnalyzerFinding>();
        foreach (var log in logs)
        {
            findings.AddRange(SarifLog.ReadFindings(File.ReadAllText(log), tree));
        }

        // Multi-targeted projects report the same call once per target framework.
        return (findings.GroupBy(f => (f.Path, f.Line, f.Column, f.RuleId, f.Operation)).Select(g => g.First()).ToList(), null);
    }

    /// <summary>Projects whose compilation had no Checkpoint.Analyzers.dll among its analyzers.</summary>
    private static IReadOnlyList<string> ProjectsWithoutCheckpointAnalyzers(string sarifDirectory, string tree, out bool noneHadThem)
    {
        var lists = Directory.GetFiles(sarifDirectory, "*.analyzers");
        var withCheckpoint = 0;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var lines = File.ReadAllLines(list);
            if (lines.Length == 0)
            {
                continue;
            }

            var hasCheckpoint = lines.Skip(1).Any(line => Path.GetFileName(line.Trim()).Equals("Checkpoint.Analyzers.dll", StringComparison.OrdinalIgnoreCase));
            if (hasCheckpoint)
            {
                withCheckpoint++;
            }
            else
            {
                missing.Add(Relative(tree, lines[0].Trim()));
            }
        }

        noneHadThem = lists.Length > 0 && withCheckpoint == 0;
        return missing.ToList();
    }

    private static IReadOnlyList<string> FindBuildTargets(string tree)
    {
        var solutions = Directory.GetFiles(tree, "*.sln").Concat(Directory.GetFiles(tree, "*.slnx")).ToList();
        if (solutions.Count == 1)
        {
            return solutions;
        }

        var rootProjects = Directory.GetFiles(tree, "*.csproj");
        if (solutions.Count == 0 && rootProjects.Length == 1)
        {
            return rootProjects;
        }

        return Directory.EnumerateFiles(tree, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    private static void NeutralizeAttestations(string tree)
    {
        foreach (var file in Directory.EnumerateFiles(tree, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (text.IndexOf("ApprovedBy", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var rewritten = ApprovedByIdentifier.Replace(text, m => m.Groups[1].Success ? NeutralAttributeName + "Attribute" : NeutralAttributeName);
            File.WriteAllText(file, rewritten, new UTF8Encoding(false));
        }
    }

    private static string HookTargets(string sarifDirectory, string attributeFile)
    {
        string Escape(string value) => value.Replace("%", "%25").Replace(";", "%3B").Replace("$", "%24").Replace("@", "%40").Replace("'", "%27");
        return "<Project>\n"
            + "  <PropertyGroup>\n"
            + "    <_CheckpointReviewLog>$(MSBuildProjectName)-$([System.Guid]::NewGuid().ToString('N'))</_CheckpointReviewLog>\n"
            + $"    <ErrorLog>{Escape(sarifDirectory)}/$(_CheckpointReviewLog).sarif,version=2.1</ErrorLog>\n"
            + "  </PropertyGroup>\n"
            + "  <!-- Which analyzers each compilation got, so the review can tell 'no operations' from 'no analyzers'. -->\n"
            + "  <Target Name=\"CheckpointReviewListAnalyzers\" BeforeTargets=\"CoreCompile\">\n"
            + $"    <WriteLinesToFile File=\"{Escape(sarifDirectory)}/$(_CheckpointReviewLog).analyzers\" Lines=\"$(MSBuildProjectFullPath);@(Analyzer)\" Overwrite=\"true\" />\n"
            + "  </Target>\n"
            + "  <ItemGroup Condition=\"'$(Language)' == 'C#'\">\n"
            + $"    <Compile Include=\"{Escape(attributeFile)}\" Link=\"{NeutralAttributeName}.cs\" />\n"
            + "  </ItemGroup>\n"
            + "</Project>\n";
    }

    private const string NeutralAttributeSource =
        "// Added only to checkpoint review's temporary build: [ApprovedBy] renamed so every destructive call is reported.\n"
        + "namespace Checkpoint\n"
        + "{\n"
        + "    [global::System.AttributeUsage(global::System.AttributeTargets.All, AllowMultiple = true, Inherited = false)]\n"
        + "    internal sealed class " + NeutralAttributeName + "Attribute : global::System.Attribute\n"
        + "    {\n"
        + "        public " + NeutralAttributeName + "Attribute(string approver) { Approver = approver; }\n"
        + "        public string Approver { get; }\n"
        + "        public string Reason { get; set; }\n"
        + "        public string Ticket { get; set; }\n"
        + "        public string Expires { get; set; }\n"
        + "    }\n"
        + "}\n";

    private static string? FirstBuildError(string output)
    {
        var sawError = false;
        foreach (var line in output.Split('\n'))
        {
            if (line.Contains(": error ", StringComparison.Ordinal))
            {
                sawError = true;
                if (!line.Contains(": error CHK", StringComparison.Ordinal))
                {
                    return line.Trim();
                }
            }
        }

        return sawError ? null : "the build failed without an error line; run 'dotnet build' in a clean clone to see why";
    }

    private static string Relative(string tree, string path) => Path.GetRelativePath(tree, path).Replace('\\', '/');

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder are harmless; the worktrees are already removed.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Splits an analyzer message into the operation it quotes and the effect it describes.</summary>
    internal static (string Operation, string Service, string Effect) DescribeMessage(string message)
    {
        var match = QuotedOperation.Match(message);
        if (!match.Success)
        {
            return (message, string.Empty, string.Empty);
        }

        var operation = match.Groups["operation"].Value;
        var effect = match.Groups["effect"].Value.Trim();
        var service = operation;
        var parenthesis = service.IndexOf('(');
        if (parenthesis >= 0)
        {
            service = service.Substring(0, parenthesis);
        }

        var parts = service.Split('.');
        service = parts.Length > 2 ? string.Join(".", parts.Take(parts.Length - 2)) : string.Empty;
        return (operation, service, effect);
    }
}
