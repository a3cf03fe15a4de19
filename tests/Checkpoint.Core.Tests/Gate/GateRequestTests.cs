using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>What the task and <c>checkpoint verify</c> hand to the gate, and the lines it hands back.</summary>
public sealed class GateRequestTests
{
    private static readonly CiEnvironment Local = CiEnvironment.FromVariables(new Dictionary<string, string?>());

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" origin/main\t", "origin/main")]
    [InlineData("refs/heads/main", "refs/heads/main")]
    public void BaseRefOverride_IsTrimmedAndBlankMeansNone(string? setting, string? expected)
    {
        var request = new GateRequest("/repo") { BaseRef = setting, GitExecutable = "/usr/bin/git" }.ToChangeRequest(Local);

        Assert.Equal(expected, request.BaseRef);
        Assert.Equal("/repo", request.WorkingDirectory);
        Assert.Equal("/usr/bin/git", request.GitExecutable);
        Assert.Same(Local, request.Ci);
    }

    [Fact]
    public void BaseRefOverrideWithSpaces_ReachesTheResolverTrimmed()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", TestRepository.CopilotAuthor);

        Assert.Equal("refs/heads/main", repo.Evaluate(baseRef: "  refs/heads/main ").BaseRef);
        Assert.Equal("refs/remotes/origin/main", repo.Evaluate(baseRef: " ").BaseRef);
    }

    [Fact]
    public void Request_NeedsADirectoryAndDefaultsToNow()
    {
        Assert.Equal("workingDirectory", Assert.Throws<ArgumentNullException>(() => new GateRequest(null!)).ParamName);

        var request = new GateRequest("/repo");
        Assert.Empty(request.Environment);
        Assert.Null(request.BaseRef);
        Assert.Null(request.GitExecutable);
        Assert.Null(request.Timings);
        Assert.InRange(request.Now, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void CurrentEnvironment_IsTheProcessEnvironment()
    {
        var environment = GateRequest.CurrentEnvironment();

        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), environment["PATH"]);
    }

    [Fact]
    public void Message_ShowsItsCodeBeforeTheTextWhenItHasOne()
    {
        Assert.Equal("CHK100: needs an approval", new GateMessage("CHK100", GateSeverity.Error, "needs an approval").ToString());
        Assert.Equal("Checkpoint: not gated", new GateMessage(string.Empty, GateSeverity.Info, "Checkpoint: not gated").ToString());
    }

    [Fact]
    public void Verdict_PassesUnlessItFailed_AndItsErrorsAreItsErrorLines()
    {
        var lines = new[]
        {
            new GateMessage("CHK100", GateSeverity.Error, "one"),
            new GateMessage("CHK101", GateSeverity.Warning, "two"),
            new GateMessage(string.Empty, GateSeverity.Info, "three"),
            new GateMessage("CHK103", GateSeverity.Error, "four"),
        };

        Assert.Equal(new[] { "one", "four" }, new GateVerdict { Messages = lines }.Errors.Select(m => m.Text));
        Assert.False(new GateVerdict { Outcome = GateOutcome.Failed }.Passed);
        Assert.True(new GateVerdict { Outcome = GateOutcome.Approved }.Passed);
        Assert.True(new GateVerdict { Outcome = GateOutcome.NotGated }.Passed);
        Assert.True(new GateVerdict { Outcome = GateOutcome.GateUnavailable }.Passed);
    }
}
