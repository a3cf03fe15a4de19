using System.Diagnostics;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Tests.Approvals;
using Checkpoint.Core.Tests.Policy;

namespace Checkpoint.Core.Tests.Fuzzing;

/// <summary>
/// At least 100,000 inputs per parser with a fixed seed. The only allowed outcomes are a
/// clean one-line rejection, or acceptance of a document that then round-trips; never another
/// exception and never a hang.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Inputs = 100_000;

    // A hang guard, not a benchmark: on an idle 2-core machine each run takes a few seconds, but
    // the suite shares the CPU with the other test projects.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>Inputs that once broke a parser stay here forever.</summary>
    public static readonly TheoryData<string> Regressions = new()
    {
        "{\"schema\":\"checkpoint.approval/v1\",\"repository\":\"\\ud800\"}",
        "{\"requiredApprovers\":1e999}",
        "{\"protectedBranches\":[\"\\u0000\"]}",
        "\uFEFF{}",
        "{\"base\":{}}",
        "{\"files\":[null]}",
    };

    [Fact]
    public void ManifestParser_OnlyRejectsCleanlyOrAcceptsWhatRoundTrips()
    {
        var valid = Encoding.UTF8.GetBytes(ApprovalManifestTests.ValidManifest.Replace("\r\n", "\n", StringComparison.Ordinal));
        var mutator = new JsonMutator(seed: 4004);
        var stopwatch = Stopwatch.StartNew();
        var accepted = 0;

        for (var i = 0; i < Inputs; i++)
        {
            var input = i % 10 == 9 ? mutator.RandomDocument() : mutator.Mutate(valid);
            if (ParseManifest(input))
            {
                accepted++;
            }
        }

        Assert.True(ParseManifest(valid), "the untouched valid manifest must be accepted");
        Assert.True(stopwatch.Elapsed < HangGuard, $"fuzzing took {stopwatch.Elapsed}");
        Assert.InRange(accepted, 0, Inputs / 2);
    }

    [Fact]
    public void PolicyParser_OnlyRejectsCleanlyOrAcceptsWhatIsWellFormed()
    {
        var valid = Encoding.UTF8.GetBytes(CheckpointPolicyTests.FullPolicy);
        var mutator = new JsonMutator(seed: 6006);
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < Inputs; i++)
        {
            ParsePolicy(i % 10 == 9 ? mutator.RandomDocument() : mutator.Mutate(valid));
        }

        Assert.True(ParsePolicy(valid), "the untouched valid policy must be accepted");
        Assert.True(stopwatch.Elapsed < HangGuard, $"fuzzing took {stopwatch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void RegressionInput_IsHandledCleanly(string input)
    {
        ParseManifest(Encoding.UTF8.GetBytes(input));
        ParsePolicy(Encoding.UTF8.GetBytes(input));
    }

    private static bool ParseManifest(byte[] input)
    {
        ApprovalManifest manifest;
        try
        {
            manifest = ApprovalManifest.Parse(input);
        }
        catch (ApprovalFormatException ex)
        {
            AssertOneLine(ex.Message, input);
            return false;
        }

        // Accepted: what it means must survive the canonical encoding unchanged.
        var canonical = manifest.Serialize();
        var again = ApprovalManifest.Parse(canonical);
        Assert.Equal(canonical, again.Serialize());
        Assert.Equal(manifest.Digest, again.Digest);
        Assert.Equal(manifest.Approver, again.Approver);
        Assert.Equal(manifest.Repository, again.Repository);
        Assert.True(manifest.ExpiresAt > manifest.CreatedAt);
        return true;
    }

    private static bool ParsePolicy(byte[] input)
    {
        try
        {
            var policy = CheckpointPolicy.Parse(input);
            Assert.InRange(policy.RequiredApprovers, 1, 10);
            Assert.InRange(policy.MaxApprovalAge.TotalDays, 1, 365);
            Assert.NotEmpty(policy.ProtectedBranches);
            return true;
        }
        catch (PolicyFormatException ex)
        {
            AssertOneLine(ex.Message, input);
            return false;
        }
    }

    private static void AssertOneLine(string message, byte[] input)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Contains('\n', StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"unclear rejection '{message}' for input {Convert.ToBase64String(input)}");
        }
    }
}
