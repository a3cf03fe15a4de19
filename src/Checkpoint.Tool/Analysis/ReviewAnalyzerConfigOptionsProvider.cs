using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The review's own analyzer configuration: review mode on globally, nothing per file. A branch's
/// .editorconfig or .globalconfig cannot lower a CHK rule's severity or mark code as generated here.
/// </summary>
internal sealed class ReviewAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    public static readonly ReviewAnalyzerConfigOptionsProvider Instance = new();

    private static readonly AnalyzerConfigOptions Empty = new ReviewAnalyzerConfigOptions(new Dictionary<string, string>());

    private static readonly AnalyzerConfigOptions Global = new ReviewAnalyzerConfigOptions(
        new Dictionary<string, string>(StringComparer.Ordinal) { [ReviewAnalyzers.ReviewModeKey] = "true" });

    public override AnalyzerConfigOptions GlobalOptions => Global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
}
