using Checkpoint.Core.Ci;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Tests.Policy;

public sealed class AgentDetectionTests
{
    private static readonly CiEnvironment NoCi = CiEnvironment.FromVariables(new Dictionary<string, string?>());

    [Theory]
    [InlineData("copilot/fix-typo", "copilot/")]
    [InlineData("claude/refactor", "claude/")]
    [InlineData("codex/task-1", "codex/")]
    [InlineData("cursor/x", "cursor/")]
    [InlineData("devin/1234-fix", "devin/")]
    [InlineData("jules/x", "jules/")]
    [InlineData("aider/x", "aider/")]
    [InlineData("agent/x", "agent/")]
    public void AgentBranchPrefix_IsDetected(string branch, string prefix)
    {
        Assert.Equal($"branch '{branch}' matches agent prefix '{prefix}'", AgentDetection.Detect(CheckpointPolicy.Default, branch, NoCi, Array.Empty<GitCommit>()));
    }

    [Theory]
    [InlineData("Copilot", "198982749+Copilot@users.noreply.github.com")]
    [InlineData("Copilot", "Copilot@users.noreply.github.com")]
    [InlineData("devin-ai-integration[bot]", "158243242+devin-ai-integration[bot]@users.noreply.github.com")]
    [InlineData("chatgpt-codex-connector[bot]", "199175422+chatgpt-codex-connector[bot]@users.noreply.github.com")]
    [InlineData("cursor[bot]", "206951365+cursor[bot]@users.noreply.github.com")]
    [InlineData("claude[bot]", "209825114+claude[bot]@users.noreply.github.com")]
    [InlineData("google-labs-jules[bot]", "161369871+google-labs-jules[bot]@users.noreply.github.com")]
    [InlineData("Paul Gauthier (aider)", "paul@example.com")]
    public void AgentAuthor_IsDetected(string name, string email)
    {
        var commit = Commit(authorName: name, authorEmail: email);

        var signal = AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", NoCi, new[] { commit });

        Assert.NotNull(signal);
        Assert.StartsWith("commit 0123456789ab has author", signal);
    }

    [Fact]
    public void AgentCommitter_IsDetected()
    {
        var commit = Commit(committerName: "Copilot", committerEmail: "Copilot@users.noreply.github.com");

        Assert.Contains("has committer", AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", NoCi, new[] { commit }));
    }

    [Theory]
    [InlineData("Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n", "has trailer")]
    [InlineData("Fix\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>\n", "has trailer")]
    [InlineData("Fix\n\nCo-authored-by: aider (gpt-4o) <noreply@aider.chat>\n", "has trailer")]
    [InlineData("Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n", "says 'Generated with [Claude Code]'")]
    public void AgentTrailer_IsDetected(string message, string expected)
    {
        Assert.Contains(expected, AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", NoCi, new[] { Commit(message: message) }));
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "GITHUB_ACTOR", "Copilot")]
    [InlineData("GITHUB_ACTIONS", "GITHUB_TRIGGERING_ACTOR", "devin-ai-integration[bot]")]
    [InlineData("TF_BUILD", "BUILD_REQUESTEDFOREMAIL", "Copilot@users.noreply.github.com")]
    [InlineData("GITLAB_CI", "GITLAB_USER_LOGIN", "claude[bot]")]
    [InlineData("BUILDKITE", "BUILDKITE_BUILD_CREATOR", "copilot-swe-agent[bot]")]
    [InlineData("JENKINS_URL", "CHANGE_AUTHOR", "Copilot")]
    [InlineData("CIRCLECI", "CIRCLE_USERNAME", "cursor[bot]")]
    public void AgentCiActor_IsDetected(string system, string variable, string value)
    {
        var ci = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["CI"] = "true", [system] = "true", [variable] = value });

        Assert.StartsWith($"CI actor {variable}='{value}'", AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", ci, Array.Empty<GitCommit>()));
    }

    [Fact]
    public void HumanBranchWithHumanCommits_HasNoSignal()
    {
        var ci = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["GITHUB_ACTOR"] = "hana", ["CHECKPOINT_AGENT"] = "0" });

        Assert.Null(AgentDetection.Detect(CheckpointPolicy.Default, "feature/copilot-support", ci, new[] { Commit(message: "Mention Copilot and claude/ in docs\n\nCo-authored-by: Bob <bob@example.com>") }));
    }

    [Fact]
    public void PolicyAgentIdentity_AddsToTheDefaults()
    {
        var policy = CheckpointPolicy.Parse("{ \"agentIdentities\": [\"*@agents.contoso.com\"] }"u8.ToArray());

        Assert.Contains("'*@agents.contoso.com'", AgentDetection.Detect(policy, "feature/x", NoCi, new[] { Commit(authorEmail: "builder@agents.contoso.com") }));
        Assert.Contains("Copilot@users.noreply.github.com", policy.AgentIdentities);
    }

    private static GitCommit Commit(
        string authorName = "Hana Human",
        string authorEmail = "hana@example.com",
        string committerName = "Hana Human",
        string committerEmail = "hana@example.com",
        string message = "Change\n") =>
        new("0123456789abcdef0123456789abcdef01234567", Array.Empty<string>(), authorName, authorEmail, committerName, committerEmail, message);
}
