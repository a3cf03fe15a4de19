using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>Rows 33 and 34: attestations bound to signatures, and merges that are not authorship only when git's automatic merge says so.</summary>
public sealed class AttestationRowTests
{
    private static TestRepository AgentAttests(string attribute)
    {
        var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Branch("copilot/retire").Write("src/Retire.cs", "class Retire\n{\n    " + attribute + "\n    void Run() => System.IO.Directory.Delete(\"/data\", true);\n}\n")
            .Commit("Retire the data folder", TestRepository.CopilotAuthor);
        return repo;
    }

    [Fact]
    public void Row33_AttestationNamingBob_WhileOnlyAliceSigns_FailsInCi()
    {
        using var repo = AgentAttests("[ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]");
        repo.Approve(SshKey.Alice);

        var error = VerdictAssert.FailsWith(GateCodes.UnboundAttestation, repo.Evaluate(Scenario.Ci));
        Assert.Contains("src/Retire.cs:3", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[ApprovedBy(Names.Alice, Reason = \"Retire\")]")]
    [InlineData("[ApprovedBy(\"alice@\" + \"example.com\", Reason = \"Retire\")]")]
    [InlineData("[ApprovedBy(\n        \"alice@example.com\", Reason = \"Retire\")]")]
    [InlineData("[Cp.ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]")]
    public void Row33_AttestationTheGateCannotRead_FailsClosedWhateverWasSigned(string attribute)
    {
        using var repo = AgentAttests(attribute);
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.Bob);

        var error = VerdictAssert.FailsWith(GateCodes.UnboundAttestation, repo.Evaluate(Scenario.Ci));
        Assert.Contains("the gate cannot read this [ApprovedBy] attestation", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Row34_EditHiddenInTheApproversMergeFromTheBase_MakesHerAnAuthor()
    {
        using var repo = AgentAttests("[ApprovedBy(\"alice@example.com\", Reason = \"Retire\")]");
        repo.Checkout("main").Write("docs/Notes.md", "notes\n").Commit("Notes");
        repo.PushMain();
        repo.Checkout("copilot/retire");
        repo.Git("merge", "-q", "--no-ff", "--no-commit", "--no-verify", "origin/main");
        repo.Write("src/Extra.cs", "class Extra { void Run() => System.IO.File.Delete(\"/etc/hosts\"); }\n");
        repo.Git("add", "-A");
        repo.CommitIndex("Merge branch 'main' into copilot/retire", "Alice <alice@example.com>", "GitHub <noreply@github.com>");
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate(Scenario.Ci);

        Assert.Equal(GateOutcome.Failed, verdict.Outcome);
        Assert.Contains(verdict.Errors, e => e.Code == GateCodes.InsufficientApprovers && e.Text.Contains("authored or committed", StringComparison.Ordinal));
    }
}
