using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers;
using Checkpoint.Tool.Review;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Tool.Output.Sarif;

/// <summary>
/// Every rule a SARIF log of the tool can name. CHK001-CHK008 come from the descriptors of the
/// analyzers shipped in this tool, so title, level and help link are the compiler's; the gate's
/// CHK100-CHK107 are titled like their pages in docs/rules (a test keeps the two equal); the
/// review's findings that have no diagnostic ID point at the review's documentation.
/// </summary>
internal static class SarifRules
{
    public const string RulesUri = "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/";

    public const string ReviewUri = "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/tool.md#checkpoint-review";

    public const string VerifyUri = "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/tool.md#checkpoint-verify";

    /// <summary>The rule ID of a build file the branch changes (the review shows its whole diff first).</summary>
    public const string BuildLogicId = "build-logic";

    private static readonly Lazy<IReadOnlyList<SarifRule>> LazyAnalyzerRules = new(ReadAnalyzerRules);

    /// <summary>CHK100-CHK107, titled as in docs/rules.</summary>
    public static IReadOnlyList<SarifRule> Gate { get; } = new[]
    {
        new SarifRule("CHK100", "a gated branch has no approval", RulesUri + "CHK100.md", "error"),
        new SarifRule("CHK101", "the approvals do not match the diff", RulesUri + "CHK101.md", "error"),
        new SarifRule("CHK102", "an approval's signature or manifest is invalid", RulesUri + "CHK102.md", "error"),
        new SarifRule("CHK103", "the signer is not trusted by the base's allowed_signers", RulesUri + "CHK103.md", "error"),
        new SarifRule("CHK104", "the approval has expired or is older than the policy allows", RulesUri + "CHK104.md", "error"),
        new SarifRule("CHK105", "the diff cannot be computed", RulesUri + "CHK105.md", "error"),
        new SarifRule("CHK106", "the gate could not run", RulesUri + "CHK106.md", "error"),
        new SarifRule("CHK107", "not enough independent approvers", RulesUri + "CHK107.md", "error"),
    };

    /// <summary>The rule of gate messages that carry no code (notices, warnings without a rule).</summary>
    public static SarifRule GateNotice { get; } = new SarifRule("checkpoint", "a message of the Checkpoint gate", VerifyUri, "note");

    /// <summary>CHK001-CHK008, from the analyzers' own descriptors.</summary>
    public static IReadOnlyList<SarifRule> Analyzers => LazyAnalyzerRules.Value;

    public static SarifRule BuildLogic { get; } = new SarifRule(BuildLogicId, "build logic changed by the branch: a build of the branch would run it", ReviewUri, "warning");

    public static string WeakeningId(WeakeningKind kind) => "weakening/" + ReviewOutput.KebabCase(kind.ToString());

    public static SarifRule Weakening(WeakeningKind kind) => new SarifRule(WeakeningId(kind), "a change that can weaken the checkpoint: " + WeakeningTitle(kind), ReviewUri, "warning");

    private static string WeakeningTitle(WeakeningKind kind) => kind switch
    {
        WeakeningKind.CheckpointConfiguration => "the checkpoint's own configuration",
        WeakeningKind.CheckpointPackage => "the Checkpoint package or tool reference",
        WeakeningKind.BuildConfiguration => "MSBuild logic that runs in every build",
        WeakeningKind.DiagnosticSettings => "diagnostic severities and warnings settings",
        WeakeningKind.Suppression => "a suppression in source",
        WeakeningKind.PackageSources => "where packages come from",
        WeakeningKind.ContinuousIntegration => "where the required check is defined",
        WeakeningKind.GitAttributes => "git attributes that change how files are diffed",
        WeakeningKind.PackageReference => "a package reference added or removed",
        WeakeningKind.SymbolicLink => "a symbolic link",
        WeakeningKind.Toolchain => "the SDK and tool pins",
        _ => kind.ToString(),
    };

    private static IReadOnlyList<SarifRule> ReadAnalyzerRules()
    {
        var assembly = typeof(DiagnosticProperties).Assembly;
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new SarifRule(d.Id, d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), d.HelpLinkUri, Level(d.DefaultSeverity)))
            .ToList();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
