using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Checkpoint.Analyzers.Tests.DetectionSuite;

/// <summary>
/// The adversarial detection suite: hand-written cases in <c>Cases/</c>, compiled together against the
/// real SDK, database, process and test-double packages, one case per method, each line that must be
/// reported marked <c>// expect CHK001</c> or <c>// expect CHK002</c> and every other line expected quiet.
/// Recall and precision are computed over every marked or reported line and printed; the files named
/// <c>Ordinary*.cs</c> (schema scripts, migrations, test code) must produce no error at all.
/// </summary>
public sealed partial class DetectionSuiteTests(ITestOutputHelper output)
{
    private const double RequiredRecall = 0.95;
    private const double RequiredPrecision = 0.99;

    [Fact]
    public async Task RecallAndPrecision_MeetTheBar_AndOrdinaryCodeHasNoError()
    {
        var folder = SourceTree.Path("tests", "Checkpoint.Analyzers.Tests", "DetectionSuite", "Cases");
        var project = CheckpointProject.WithSdks().WithDefaultDiagnosticIds();
        var expected = new HashSet<(string File, int Line, string Id)>();
        var cases = 0;
        foreach (var path in Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var lines = await File.ReadAllLinesAsync(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Expectation().Match(lines[i]) is { Success: true } match)
                {
                    expected.Add((name, i + 1, match.Groups[1].Value));
                }

                cases += CaseMethod().IsMatch(lines[i]) ? 1 : 0;
            }

            project.WithSourceFile(name, string.Join("\n", lines));
        }

        var diagnostics = await project.AnalyzeAsync();
        var reported = diagnostics
            .Where(d => d.Id is "CHK001" or "CHK002" && !d.IsSuppressed)
            .Select(d => (File: Path.GetFileName(d.Location.SourceTree!.FilePath), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id, Message: d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        var actual = reported.Select(r => (r.File, r.Line, r.Id)).ToHashSet();

        var truePositives = expected.Intersect(actual).Count();
        var missed = expected.Except(actual).Order().ToList();
        var falseAlarms = reported.Where(r => !expected.Contains((r.File, r.Line, r.Id))).ToList();
        var recall = (double)truePositives / expected.Count;
        var precision = (double)truePositives / actual.Count;
        var ordinaryErrors = diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && !d.IsSuppressed
                                                    && Path.GetFileName(d.Location.SourceTree?.FilePath ?? string.Empty).StartsWith("Ordinary", StringComparison.Ordinal)).ToList();

        output.WriteLine($"detection suite: {cases} cases in {Directory.GetFiles(folder, "*.cs").Length} files; {expected.Count} expected sites, {actual.Count} reported");
        output.WriteLine($"recall    {recall:0.000} ({truePositives}/{expected.Count}), required {RequiredRecall}");
        output.WriteLine($"precision {precision:0.000} ({truePositives}/{actual.Count}), required {RequiredPrecision}");
        foreach (var (file, line, id) in missed)
        {
            output.WriteLine($"missed      {file}:{line} {id}");
        }

        foreach (var alarm in falseAlarms)
        {
            output.WriteLine($"false alarm {alarm.File}:{alarm.Line} {alarm.Id}: {alarm.Message}");
        }

        foreach (var error in ordinaryErrors)
        {
            output.WriteLine($"error in ordinary code: {error}");
        }

        Assert.True(recall >= RequiredRecall, $"recall {recall:0.000} is below {RequiredRecall}");
        Assert.True(precision >= RequiredPrecision, $"precision {precision:0.000} is below {RequiredPrecision}");
        Assert.Empty(ordinaryErrors);
    }

    [GeneratedRegex(@"//\s*expect\s+(CHK00[12])\s*$")]
    private static partial Regex Expectation();

    [GeneratedRegex(@"^\s*(public |private |internal )?(static )?(async )?[\w<>\[\]?,. ]+ Case\w*\(")]
    private static partial Regex CaseMethod();
}
