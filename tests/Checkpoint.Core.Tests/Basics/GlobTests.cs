using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Basics;

/// <summary>
/// One glob for allowed_signers and for the policy's patterns, with OpenSSH's match_pattern
/// semantics (OpenSshAgreementTests checks the allowed_signers side against ssh-keygen itself).
/// </summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("a*", "a*b", true)]
    [InlineData("a*b", "a*b", true)]
    [InlineData("a?b", "a*b", true)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("a", "", false)]
    [InlineData("**", "anything", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbY", false)]
    [InlineData("release/*", "release/1/2", true)]
    [InlineData("main", "main2", false)]
    [InlineData("Main", "main", false)]
    [InlineData("caf?", "caf\u00e9", false)]
    [InlineData("caf??", "caf\u00e9", true)]
    [InlineData("[ab]", "a", false)]
    [InlineData("\\*", "*", false)]
    public void Glob_HasOpenSshMatchPatternSemantics(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(pattern, text));
    }

    [Fact]
    public void Glob_IgnoresCaseOnlyWhenAsked()
    {
        Assert.True(Glob.IsMatch("COPILOT@users.noreply.github.com", "copilot@USERS.noreply.github.com", ignoreCase: true));
        Assert.False(Glob.IsMatch("COPILOT@users.noreply.github.com", "copilot@USERS.noreply.github.com"));
    }

    [Fact]
    public void Glob_StaysLinearOnHostilePatterns()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 500)) + "b";
        var text = new string('a', 20_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.False(Glob.IsMatch(pattern, text));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public void ProtectedBranchPattern_AndAllowedSignersPrincipal_AgreeOnAStarInTheName()
    {
        // Two copies of the matcher once disagreed here: the policy's treated a '*' in the name as a
        // literal match for the pattern's '*' and then failed on the rest.
        var policy = new CheckpointPolicy(protectedBranches: new[] { "a*" });
        var signers = AllowedSigners.Parse("a* " + Signatures.SignatureVectors.Ed25519PublicKey + "\n", "allowed_signers");
        var key = signers.Entries[0].Key;

        Assert.True(policy.IsProtected("a*b"));
        Assert.True(signers.Authorize("a*b", key, "checkpoint-approval", DateTimeOffset.UnixEpoch.AddYears(56)).IsTrusted);
    }

    [Fact]
    public void AgentIdentityPattern_MatchesCaseInsensitively()
    {
        var commit = new GitCommit(new string('1', 40), Array.Empty<string>(), "Copilot", "198982749+COPILOT@users.noreply.github.com", "x", "x@example.com", "Fix");

        Assert.NotNull(AgentDetection.Detect(CheckpointPolicy.Default, "feature/x", CiEnvironment.FromVariables(new Dictionary<string, string?>()), new[] { commit }));
    }
}
