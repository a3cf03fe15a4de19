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

    public static TheoryData<string> DefaultIdentities => new(CheckpointPolicy.DefaultAgentIdentities);

    public static TheoryData<string> DefaultActors => new(CheckpointPolicy.DefaultAgentActors);

    [Theory]
    [MemberData(nameof(DefaultIdentities))]
    public void EveryDefaultIdentity_IsDetected_AsTheAuthorsEmailOrName(string pattern)
    {
        var value = pattern.Replace("*", "42+", StringComparison.Ordinal);
        var commit = pattern.Contains('@', StringComparison.Ordinal) ? Commit(authorEmail: value) : Commit(authorName: value);

        var signal = AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", NoCi, new[] { commit });

        Assert.EndsWith($"matching agent identity '{pattern}'", signal);
    }

    [Theory]
    [MemberData(nameof(DefaultActors))]
    public void EveryDefaultActor_IsDetected_InAnyCase(string actor)
    {
        var ci = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_ACTOR"] = actor.ToUpperInvariant() });

        Assert.Equal($"CI actor GITHUB_ACTOR='{actor.ToUpperInvariant()}' matches agent identity '{actor}'", AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", ci, Array.Empty<GitCommit>()));
    }

    [Fact]
    public void CiActor_MatchingAnActorAndAnIdentity_NamesTheActorPattern()
    {
        var policy = CheckpointPolicy.Parse("{ \"agentActors\": [\"bot-x\"], \"agentIdentities\": [\"bot-*\"] }"u8.ToArray());
        var ci = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_ACTOR"] = "bot-x" });
        var identityOnly = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_ACTOR"] = "bot-y" });

        Assert.Equal("CI actor GITHUB_ACTOR='bot-x' matches agent identity 'bot-x'", AgentDetection.Detect(policy, "feature/x", ci, Array.Empty<GitCommit>()));
        Assert.Equal("CI actor GITHUB_ACTOR='bot-y' matches agent identity 'bot-*'", AgentDetection.Detect(policy, "feature/x", identityOnly, Array.Empty<GitCommit>()));
    }

    [Fact]
    public void Signals_AreWordedExactly_AndTheFirstOneWins()
    {
        var declared = CiEnvironment.FromVariables(new Dictionary<string, string?> { ["CHECKPOINT_AGENT"] = "1" });
        var author = Commit(authorName: "Copilot", authorEmail: "Copilot@users.noreply.github.com", committerEmail: "noreply@anthropic.com");

        Assert.Equal("branch 'Copilot/x' matches agent prefix 'copilot/'", AgentDetection.Detect(CheckpointPolicy.Default, "Copilot/x", declared, new[] { author }));
        Assert.Equal("CHECKPOINT_AGENT is set", AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", declared, new[] { author }));
        Assert.Equal("commit 0123456789ab has author 'Copilot <Copilot@users.noreply.github.com>' matching agent identity 'Copilot@users.noreply.github.com'", AgentDetection.Detect(CheckpointPolicy.Default, null, NoCi, new[] { Commit(), author }));
        Assert.Equal("has committer 'Hana Human <noreply@anthropic.com>' matching agent identity 'noreply@anthropic.com'", AgentDetection.CommitSignal(CheckpointPolicy.Default, Commit(committerEmail: "noreply@anthropic.com")));
        Assert.Null(AgentDetection.Detect(CheckpointPolicy.Default, null, NoCi, null!));
    }

    [Fact]
    public void IdentityWhoseEmailAndNameMatch_NamesTheEmailPattern()
    {
        var commit = Commit(authorName: "Paul (aider)", authorEmail: "noreply@anthropic.com");

        Assert.Equal("has author 'Paul (aider) <noreply@anthropic.com>' matching agent identity 'noreply@anthropic.com'", AgentDetection.CommitSignal(CheckpointPolicy.Default, commit));
    }

    [Theory]
    [InlineData("Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n", "has trailer 'Co-authored-by: Claude <noreply@anthropic.com>' matching agent identity 'noreply@anthropic.com'")]
    [InlineData("Fix\n\n  co-authored-by:   Paul (aider)   <paul@example.com>  \n", "has trailer 'Co-authored-by: Paul (aider) <paul@example.com>' matching agent identity '*(aider)'")]
    [InlineData("Generated with Claude Code", "says 'Generated with Claude Code'")]
    [InlineData("Fix\n\ngenerated with claude code\n", "says 'Generated with Claude Code'")]
    public void CommitMessageSignal_IsWordedExactly(string message, string expected)
    {
        Assert.Equal(expected, AgentDetection.CommitSignal(CheckpointPolicy.Default, Commit(message: message)));
    }

    [Fact]
    public void EmptyIdentity_MatchesNoPattern_NotEvenAStar()
    {
        var policy = CheckpointPolicy.Parse("{ \"agentIdentities\": [\"*\"] }"u8.ToArray());

        Assert.Null(AgentDetection.CommitSignal(policy, Commit(authorName: string.Empty, authorEmail: string.Empty, committerName: string.Empty, committerEmail: string.Empty)));
        Assert.NotNull(AgentDetection.CommitSignal(policy, Commit()));
    }

    [Fact]
    public void MissingPolicyOrCommit_GivesNoCommitSignal_AndDetectNamesWhatIsMissing()
    {
        Assert.Null(AgentDetection.CommitSignal(null!, Commit(authorEmail: "noreply@anthropic.com")));
        Assert.Null(AgentDetection.CommitSignal(CheckpointPolicy.Default, null!));
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => AgentDetection.Detect(null!, "x", NoCi, Array.Empty<GitCommit>())).ParamName);
        Assert.Equal("ci", Assert.Throws<ArgumentNullException>(() => AgentDetection.Detect(CheckpointPolicy.Default, "x", null!, Array.Empty<GitCommit>())).ParamName);
    }

    private static GitCommit Commit(
        string authorName = "Hana Human",
        string authorEmail = "hana@example.com",
        string committerName = "Hana Human",
        string committerEmail = "hana@example.com",
        string message = "Change\n") =>
        new("0123456789abcdef0123456789abcdef01234567", Array.Empty<string>(), authorName, authorEmail, committerName, committerEmail, message);
}
