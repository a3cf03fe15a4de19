using System.Text;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Tests.Policy;

public sealed class CheckpointPolicyTests
{
    internal const string FullPolicy = """
        {
          "$schema": "https://example.com/checkpoint-policy.json",
          "protectedBranches": ["main", "release/*"],
          "scope": "all-branches",
          "agentBranchPrefixes": ["bot/"],
          "agentIdentities": ["*@agents.contoso.com"],
          "agentActors": ["contoso-agent"],
          "requiredApprovers": 2,
          "maxApprovalAgeDays": 7,
          "repository": "git@github.com:Contoso/App.git"
        }
        """;

    [Fact]
    public void FullPolicy_IsRead()
    {
        var policy = CheckpointPolicy.Parse(Encoding.UTF8.GetBytes(FullPolicy));

        Assert.Equal(new[] { "main", "release/*" }, policy.ProtectedBranches);
        Assert.Equal(GateScope.AllBranches, policy.Scope);
        Assert.Contains("bot/", policy.AgentBranchPrefixes);
        Assert.Contains("copilot/", policy.AgentBranchPrefixes);
        Assert.Contains("contoso-agent", policy.AgentActors);
        Assert.Equal(2, policy.RequiredApprovers);
        Assert.Equal(TimeSpan.FromDays(7), policy.MaxApprovalAge);
        Assert.Equal("github.com/contoso/app", policy.Repository);
        Assert.True(policy.IsProtected("release/1.0"));
        Assert.False(policy.IsProtected("releases"));
    }

    [Fact]
    public void EmptyObject_MeansDefaults()
    {
        var policy = CheckpointPolicy.Parse("{}"u8.ToArray());

        Assert.Equal(new[] { "main", "master" }, policy.ProtectedBranches);
        Assert.Equal(GateScope.AgentBranches, policy.Scope);
        Assert.Equal(1, policy.RequiredApprovers);
        Assert.Equal(TimeSpan.FromDays(14), policy.MaxApprovalAge);
        Assert.Null(policy.Repository);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{ \"scope\": \"agent-branches\", \"scope\": \"all-branches\" }", "has member \"scope\" twice")]
    [InlineData("{ \"scopes\": \"all-branches\" }", "unknown member \"scopes\"")]
    [InlineData("{ \"scope\": \"everything\" }", "\"scope\" is \"everything\"")]
    [InlineData("{ \"requiredApprovers\": 0 }", "between 1 and 10")]
    [InlineData("{ \"requiredApprovers\": 1.5 }", "whole number")]
    [InlineData("{ \"requiredApprovers\": \"2\" }", "whole number")]
    [InlineData("{ \"maxApprovalAgeDays\": 9999 }", "between 1 and 365")]
    [InlineData("{ \"protectedBranches\": [] }", "is empty")]
    [InlineData("{ \"protectedBranches\": \"main\" }", "must be an array")]
    [InlineData("{ \"protectedBranches\": [1] }", "non-empty strings")]
    [InlineData("{ \"repository\": \"not a repo\" }", "not a repository identity")]
    [InlineData("{ \"scope\": null }", "must be a string, not null")]
    [InlineData("{ // comment\n }", "not valid JSON")]
    [InlineData("{ \"scope\": \"all-branches\", }", "not valid JSON")]
    public void MalformedPolicy_IsRejectedWithOneClearLine(string json, string expected)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => CheckpointPolicy.Parse(Encoding.UTF8.GetBytes(json), ".checkpoint/policy.json@abc"));

        Assert.StartsWith(".checkpoint/policy.json@abc: ", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Theory]
    [InlineData("https://user:token@GitHub.com/Owner/Repo.git", "github.com/owner/repo")]
    [InlineData("git@github.com:Owner/Repo.git", "github.com/owner/repo")]
    [InlineData("ssh://git@github.com:22/owner/repo", "github.com/owner/repo")]
    [InlineData("https://dev.azure.com/org/Project/_git/Repo", "dev.azure.com/org/project/_git/repo")]
    [InlineData("github.com/owner/repo", "github.com/owner/repo")]
    [InlineData("/srv/git/Repo.git", "file/srv/git/repo")]
    [InlineData("file:///srv/git/repo", "file/srv/git/repo")]
    [InlineData("", null)]
    [InlineData("no-slash", null)]
    [InlineData("https://github.com/owner/../repo", null)]
    public void RepositoryIdentity_IsNormalized(string remote, string? expected)
    {
        Assert.Equal(expected, RepositoryIdentity.Normalize(remote));
    }

    [Theory]
    [InlineData("*[bot]@users.noreply.github.com", "123+cursor[bot]@users.noreply.github.com", true)]
    [InlineData("*(aider)", "Paul (aider)", true)]
    [InlineData("Copilot@users.noreply.github.com", "copilot@USERS.noreply.github.com", true)]
    [InlineData("release/*", "release/1/2", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbY", false)]
    [InlineData("main", "main2", false)]
    public void Wildcards_MatchStarAndQuestionMarkOnly(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(pattern, text, ignoreCase: true));
    }
}
