using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Gate;

public sealed class AttestationBindingTests
{
    private const string Branch = "copilot/retire-bucket";

    /// <summary>A job class carrying <paramref name="attributes"/> on line 5 and on, as agents write attestations.</summary>
    internal static string Job(string attributes) =>
        "namespace Jobs;\n\npublic static class Cleanup\n{\n" + attributes + "    public static void Run() { }\n}\n";

    private static TestRepository AgentBranch(string attributes, string? policy = null)
    {
        var repo = TestRepository.Create(policy, SshKey.Alice, SshKey.Bob);
        repo.Branch(Branch).Write("src/Cleanup.cs", Job(attributes)).Commit("Retire the bucket", TestRepository.CopilotAuthor);
        return repo;
    }

    [Fact]
    public void AttestationNamingTheSigner_Passes()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"alice@example.com\", Reason = \"Retire\")]\n");
        repo.Approve(SshKey.Alice);

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void AttestationNamingBob_WhileOnlyAliceSigns_FailsWithChk108NamingFileLineAndPrincipal()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n");
        repo.Approve(SshKey.Alice);

        var verdict = repo.Evaluate();

        var error = VerdictAssert.FailsWith("CHK108", verdict);
        Assert.Contains("src/Cleanup.cs:5", error.Text, StringComparison.Ordinal);
        Assert.Contains("names 'bob@example.com'", error.Text, StringComparison.Ordinal);
        Assert.Contains("valid approvals: alice@example.com", error.Text, StringComparison.Ordinal);
        Assert.Equal("src/Cleanup.cs", error.File);
    }

    [Fact]
    public void NamedPrincipalsJoinTheRequiredCount_BobMustSignWhoeverElseDid()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"alice@example.com\", Reason = \"a\")]\n    [ApprovedBy(\"bob@example.com\", Reason = \"b\")]\n");
        repo.Approve(SshKey.Alice);
        VerdictAssert.FailsWith("CHK108", repo.Evaluate());

        repo.Approve(SshKey.Bob);
        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void PrincipalsCompareIgnoringCase_AsApproversAreCounted()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"Alice@Example.com\", Reason = \"Retire\")]\n");
        repo.Approve(SshKey.Alice);

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void UnreadableAttestation_FailsWithChk108_EvenWhenTheNamedPersonSigned()
    {
        using var repo = AgentBranch("    [ApprovedBy(Approvers.Alice, Reason = \"Retire\")]\n");
        repo.Approve(SshKey.Alice);

        var error = VerdictAssert.FailsWith("CHK108", repo.Evaluate());
        Assert.Contains("src/Cleanup.cs:5: the gate cannot read this [ApprovedBy] attestation", error.Text, StringComparison.Ordinal);
        Assert.Contains("not a string literal", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UsingAliasOfTheAttribute_FailsClosed()
    {
        using var repo = AgentBranch("    [Approve(\"bob@example.com\")]\n");
        repo.Write("src/Aliases.cs", "global using Approve = Checkpoint.ApprovedByAttribute;\n").Commit("Alias", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        var error = VerdictAssert.FailsWith("CHK108", repo.Evaluate());
        Assert.Contains("src/Aliases.cs:1", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AttestationAlreadyOnTheBase_NeedsNoNewSignature()
    {
        using var repo = TestRepository.Create(null, SshKey.Alice, SshKey.Bob);
        repo.Write("src/Cleanup.cs", Job("    [ApprovedBy(\"bob@example.com\", Reason = \"Old\")]\n")).Commit("Approved long ago");
        repo.PushMain();
        repo.Branch(Branch).Write("src/Cleanup.cs", Job("    [ApprovedBy(\"bob@example.com\", Reason = \"Old\")]\n    // tidied\n")).Commit("Tidy", TestRepository.CopilotAuthor);
        repo.Approve(SshKey.Alice);

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void AttestationInAStringOrComment_NeedsNoSignature()
    {
        using var repo = AgentBranch("    // [ApprovedBy(\"bob@example.com\")]\n    const string Doc = \"[ApprovedBy(\\\"bob@example.com\\\")]\";\n");
        repo.Approve(SshKey.Alice);

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
    }

    [Fact]
    public void WithoutAnyApproval_Chk100SaysWhoTheAttestationsName()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n");

        var error = VerdictAssert.FailsWith("CHK100", repo.Evaluate());
        Assert.Contains("(src/Cleanup.cs:5) name bob@example.com: each of them must sign (CHK108)", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfApprovalOfTheNamedPrincipal_DoesNotBindTheAttestation()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n");
        repo.Write("src/More.cs", "class More { }\n").Commit("Bob adds a file", "Bob <bob@example.com>");
        repo.Approve(SshKey.Alice);
        repo.Approve(SshKey.Bob);

        var verdict = repo.Evaluate();

        // Bob's approval does not count, and its own error says why; the attestation stays unbound.
        Assert.Equal(GateOutcome.Failed, verdict.Outcome);
        Assert.Contains(verdict.Errors, e => e.Code == "CHK107" && e.Text.Contains("'bob@example.com' authored or committed", StringComparison.Ordinal));
        Assert.DoesNotContain("bob@example.com", verdict.Approvers);
    }

    [Fact]
    public void StaleApprovalOfTheNamedPrincipal_IsReportedOnce_AsChk101()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"alice@example.com\", Reason = \"Retire\")]\n");
        repo.Approve(SshKey.Alice);
        repo.Write("src/More.cs", "class More { }\n").Commit("One more", TestRepository.CopilotAuthor);

        var error = VerdictAssert.FailsWith("CHK101", repo.Evaluate());
        Assert.Contains("approval is for diff", error.Text, StringComparison.Ordinal);
    }
}
