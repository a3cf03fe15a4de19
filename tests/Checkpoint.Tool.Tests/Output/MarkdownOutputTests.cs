using System.Net;
using System.Text.RegularExpressions;
using Checkpoint.Core.Gate;
using Checkpoint.Tool.Output;
using Checkpoint.Tool.Review;
using Markdig;

namespace Checkpoint.Tool.Tests.Output;

/// <summary>
/// The markdown a job summary or pull request comment shows, rendered as GitHub-flavoured markdown:
/// text from the branch (paths, diff lines, descriptions that quote project files, branch names)
/// must come out as that text, never as an HTML element, a link, a table cell or a closed fence.
/// </summary>
public sealed class MarkdownOutputTests
{
    private const string Tag = "<img src=x onerror=alert(1)>";

    private static readonly MarkdownPipeline GitHubFlavoured = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The elements the tool's own markdown produces; anything else came from branch text.</summary>
    private static readonly HashSet<string> OwnElements = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "strong", "ul", "li", "a", "blockquote", "details", "summary",
    };

    private static readonly string[] BranchTexts =
    [
        "<NoWarn>CHK001</NoWarn>",
        Tag,
        "a | b | c",
        "``` closes a fence",
        "`code` and ``two``",
        "[click](https://example.com/x)",
        "**bold** _it_ ~~gone~~",
        "@acme/security please look",
        "it's & <b>&amp;",
    ];

    public static TheoryData<string> Texts() => new(BranchTexts);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_RendersAsItself(string text)
    {
        var html = Render("before " + MarkdownText.Text(text) + " after");

        // A bare URL may become a link showing itself, as GitHub does; nothing else is markup.
        Assert.Empty(Elements(html).Except(["p", "a"]));
        Assert.Equal("before " + text + " after", TextOf(html));
        Assert.DoesNotContain(">click</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void CodeInATableCell_RendersAsItselfInOneCell(string text)
    {
        var html = Render("| A | B |\n|---|---|\n| " + MarkdownText.Code(text) + " | next |\n");

        Assert.Equal(2, Regex.Count(html, "<td"));
        var cell = Regex.Match(html, "<td>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(text, TextOf(cell));
        Assert.DoesNotContain("img", Elements(html));
    }

    [Fact]
    public void Fenced_CannotBeClosedByItsContent()
    {
        var diff = "+```\n+" + Tag + "\n+````\n-<NoWarn>CHK001</NoWarn>\n";

        var html = Render(MarkdownText.Fenced(diff, "diff") + "after\n");

        Assert.Single(Regex.Matches(html, "<pre>"));
        Assert.Equal(diff, WebUtility.HtmlDecode(Regex.Match(html, "<code[^>]*>(.*?)</code>", RegexOptions.Singleline).Groups[1].Value));
        Assert.Contains("<p>after</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_WithBranchTextEverywhere_HasNoElementOfTheBranch()
    {
        var review = new ChangeReview(
            "example.com/acme/service",
            "refs/remotes/origin/main",
            new string('a', 40),
            new string('b', 40),
            "sha256:" + new string('c', 64),
            [new BuildLogicChange("src/App/App.csproj", "modified", "a project file " + Tag, "@@ -1,1 +1,2 @@\n+```\n+<NoWarn>CHK001</NoWarn>\n")],
            [new WeakeningChange("Directory.Build.props", 3, WeakeningKind.DiagnosticSettings, "added", "diagnostic setting added: <NoWarn>CHK001</NoWarn>")],
            new OperationReview(
                true,
                null,
                [new OperationChange("added", "CHK001", "error", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "Amazon.S3", "deletes " + Tag, "Destructive", "src/a|b`c.cs", 7, "M:A.B", null, null, null, false, "attested", "<b>mallory</b>@example.com", false)],
                ["note " + Tag],
                ["src/x.vb: " + Tag]),
            [new AttestationChange("src/a.cs", 4, "ApprovedBy", "added", "[ApprovedBy(\"<b>x</b>\")] ```")],
            [new ReviewedFile("src/a|b`c.cs", "created", 1, 0), new ReviewedFile("link", "created", 1, 0, SymlinkTarget: "../" + Tag)]);

        var markdown = ReviewOutput.ToMarkdown(review);
        var html = Render(markdown);

        Assert.Empty(Elements(html).Except(OwnElements));
        var text = TextOf(html);
        Assert.Contains("diagnostic setting added: <NoWarn>CHK001</NoWarn>", text, StringComparison.Ordinal);
        Assert.Contains("src/a|b`c.cs:7", text, StringComparison.Ordinal);
        Assert.Contains("+<NoWarn>CHK001</NoWarn>", text, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<pre>"));
        Assert.Equal(7, Regex.Count(Regex.Match(html, "<h3[^>]*>Destructive.*?</table>", RegexOptions.Singleline).Value, "<td"));
    }

    [Fact]
    public void Verdict_WithABranchNameThatIsMarkup_ShowsTheName()
    {
        var branch = "copilot/<script>x</script>-it's";
        var verdict = new GateVerdict
        {
            Outcome = GateOutcome.Failed,
            Branch = branch,
            BaseRef = "refs/remotes/origin/main",
            Messages = [new GateMessage("CHK100", GateSeverity.Error, $"branch '{branch}' needs a signed approval"), new GateMessage("", GateSeverity.Info, "[link](https://example.com)")],
        };

        var html = Render(VerdictOutput.ToMarkdown(verdict));

        Assert.Empty(Elements(html).Except(OwnElements));
        Assert.Contains($"branch '{branch}' needs a signed approval", TextOf(html), StringComparison.Ordinal);
        Assert.DoesNotContain(">link</a>", html, StringComparison.Ordinal);
        Assert.Contains("docs/rules/CHK100.md\">CHK100</a>", html, StringComparison.Ordinal);
    }

    private static string Render(string markdown) => Markdown.ToHtml(markdown, GitHubFlavoured);

    private static List<string> Elements(string html) =>
        Regex.Matches(html, "<([a-zA-Z][a-zA-Z0-9]*)").Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();

    private static string TextOf(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", string.Empty)).Trim();
}
