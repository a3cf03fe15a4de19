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

    [Fact]
    public void DefaultPolicy_SaysItIsTheDefault_AndAParsedOneDoesNot()
    {
        Assert.True(CheckpointPolicy.Default.IsDefault);
        Assert.False(CheckpointPolicy.Parse("{}"u8.ToArray()).IsDefault);
        Assert.False(new CheckpointPolicy().IsDefault);
    }

    [Theory]
    [InlineData("agent-branches", GateScope.AgentBranches)]
    [InlineData("all-branches", GateScope.AllBranches)]
    public void Scope_IsReadByName(string scope, GateScope expected)
    {
        Assert.Equal(expected, CheckpointPolicy.Parse(Encoding.UTF8.GetBytes($"{{ \"scope\": \"{scope}\" }}")).Scope);
    }

    [Fact]
    public void PolicyOfTheLargestSize_IsRead_AndOneByteMoreIsRefused()
    {
        var largest = Encoding.UTF8.GetBytes("{}" + new string(' ', CheckpointPolicy.MaxSizeBytes - 2));
        var tooLarge = Encoding.UTF8.GetBytes("{}" + new string(' ', CheckpointPolicy.MaxSizeBytes - 1));

        Assert.True(CheckpointPolicy.Parse(largest).ProtectedBranches.Count > 0);
        var ex = Assert.Throws<PolicyFormatException>(() => CheckpointPolicy.Parse(tooLarge, "p@base"));
        Assert.Equal($"p@base: file is {CheckpointPolicy.MaxSizeBytes + 1} bytes; the limit is {CheckpointPolicy.MaxSizeBytes}", ex.Message);
    }

    [Theory]
    [InlineData("[]", "p@base: policy must be a JSON object, not an array")]
    [InlineData("{", "p@base: policy is not valid JSON")]
    [InlineData("{ \"scope\": \"any\" }", "p@base: \"scope\" is \"any\"; expected \"agent-branches\" or \"all-branches\"")]
    [InlineData("{ \"scope\": \"any\\u0001\" }", "p@base: policy: \"scope\" contains a control")]
    [InlineData("{ \"protectedBranches\": [] }", "p@base: \"protectedBranches\" is empty; list at least the default branch")]
    [InlineData("{ \"repository\": \"no-slash\" }", "p@base: \"repository\" \"no-slash\" is not a repository identity like github.com/owner/repo")]
    public void MalformedPolicy_SaysWhereAndWhy(string json, string message)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => CheckpointPolicy.Parse(Encoding.UTF8.GetBytes(json), "p@base"));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"scope\": \"\\ud800\" }")]
    [InlineData("{ \"protectedBranches\": [\"main\\udc00\"] }")]
    public void StringWithALoneSurrogate_IsNotWellFormed(string json)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => CheckpointPolicy.Parse(Encoding.UTF8.GetBytes(json), "p@base"));

        Assert.StartsWith("p@base: not well-formed: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void MissingBytes_AreRefused()
    {
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CheckpointPolicy.Parse(null!)).ParamName);
    }
}
