using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>
/// Rows 1 and 2: agent signals (branch prefix, author identity, trailers) are hints an agent can
/// drop. Under the default scope dropping them ungates the branch; under all-branches it does not.
/// </summary>
public sealed class AgentSignalRowTests
{
    [Fact]
    public void Row01_BranchRenamedWithoutAgentPrefix_IsStillGatedUnderAllBranchesScope()
    {
        using var repo = TestRepository.Create(Scenario.AllBranchesPolicy);
        repo.Branch("fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Equal("fix-typo", verdict.Branch);
        Assert.Contains("all-branches", verdict.GatedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Row01_BranchRenamedWithoutAgentPrefix_IsNotGatedUnderAgentBranchesScope()
    {
        // The documented limit of the default scope: with no signal left, the branch is not gated.
        using var repo = TestRepository.Create();
        repo.Branch("fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.Outcome(GateOutcome.NotGated, verdict);
        Assert.Contains("no agent signal", verdict.GatedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Row01_AgentPrefixedBranch_IsGatedUnderAgentBranchesScope()
    {
        using var repo = Scenario.AgentChange();

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
        Assert.Contains("copilot/", verdict.GatedBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs/threat-model.md")]
    [InlineData("docs/policy.md")]
    public void Row01_DocsSayAgentSignalsCanBeForged_AndPointToAllBranches(string document)
    {
        var text = SourceTree.ReadText(document);

        Assert.Contains("can be forged or omitted", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("all-branches", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row02_AgentTrailer_IsGatedUnderAgentBranchesScope()
    {
        using var repo = TestRepository.Create();
        repo.Branch("fix-typo").Write("README.md", "# Demo, fixed\n")
            .Commit("Fix typo\n\nCo-authored-by: Claude <noreply@anthropic.com>");

        var verdict = repo.Evaluate(Scenario.Ci);

        VerdictAssert.FailsWith(GateCodes.NoApproval, verdict);
    }

    [Fact]
    public void Row02_TrailersAndAgentIdentityStripped_IsNotGatedUnderAgentBranchesScope()
    {
        // The same change with the trailer removed and a human-looking author: nothing left to detect.
        using var repo = TestRepository.Create();
        repo.Branch("fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", "Dev Eloper <dev@example.com>");

        VerdictAssert.Outcome(GateOutcome.NotGated, repo.Evaluate(Scenario.Ci));
    }

    [Fact]
    public void Row02_TrailersAndAgentIdentityStripped_IsStillGatedUnderAllBranchesScope()
    {
        using var repo = TestRepository.Create(Scenario.AllBranchesPolicy);
        repo.Branch("fix-typo").Write("README.md", "# Demo, fixed\n").Commit("Fix typo", "Dev Eloper <dev@example.com>");

        VerdictAssert.FailsWith(GateCodes.NoApproval, repo.Evaluate(Scenario.Ci));
    }
}
