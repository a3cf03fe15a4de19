using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Resolution;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Gate;

/// <summary>
/// What <c>checkpoint approve</c> refuses before anything is signed, decided from the same resolved
/// change and verdict as the gate: each refusal names the reason the gate would give afterwards.
/// </summary>
public sealed class ApprovalPreflightTests
{
    private const string Branch = "claude/feature";

    [Fact]
    public void AgentBranchWithAChange_CanBeApproved()
    {
        using var repo = AgentBranch();

        Preflight(repo, (change, verdict) =>
        {
            Assert.Null(ApprovalPreflight.ChangeRefusal(change, verdict));
            Assert.Null(ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now));
            Assert.Null(ApprovalPreflight.ApproverRefusal(change, "alice@example.com", null, TestRepository.Now));
        });
    }

    [Fact]
    public void BranchWithoutChanges_HasNothingToApprove()
    {
        using var repo = TestRepository.Create();
        repo.Branch(Branch);

        Preflight(repo, (change, verdict) =>
            Assert.Equal("nothing to approve: the branch has no changes against refs/remotes/origin/main", ApprovalPreflight.ChangeRefusal(change, verdict)));
    }

    [Fact]
    public void BranchThatIsNotGated_HasNothingToApprove()
    {
        using var repo = TestRepository.Create();
        repo.Branch("feature/login").Write("src/Login.cs", "class Login { }\n").Commit("Add login");

        Preflight(repo, (change, verdict) =>
            Assert.Equal("nothing to approve: this build is not gated (no agent signal on this branch (scope agent-branches))", ApprovalPreflight.ChangeRefusal(change, verdict)));
    }

    [Fact]
    public void UnreadableAttestation_IsRefusedForEveryApprover()
    {
        using var repo = AgentBranch("    [ApprovedBy(Approvers.Alice, Reason = \"Retire\")]\n");

        Preflight(repo, (change, verdict) =>
        {
            var refusal = ApprovalPreflight.ChangeRefusal(change, verdict);
            Assert.StartsWith("src/Cleanup.cs:5: the gate cannot read this [ApprovedBy] attestation (", refusal, StringComparison.Ordinal);
            Assert.EndsWith("), so no signature can make the build pass; the author must write it as [ApprovedBy(\"<approver>\", Reason = \"...\")] first", refusal, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void KeyTheBaseDoesNotTrust_IsRefusedWithTheReason()
    {
        using var repo = AgentBranch();

        Preflight(repo, (change, _) =>
        {
            var refusal = ApprovalPreflight.ApproverRefusal(change, "mallory@example.com", Key(SshKey.Mallory), TestRepository.Now);
            Assert.StartsWith($"mallory@example.com with key {Key(SshKey.Mallory).Fingerprint} is not trusted by the base's .checkpoint/allowed_signers: ", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("the base has none", refusal, StringComparison.Ordinal);

            // Alice's key is trusted, but not as Bob.
            Assert.StartsWith($"bob@example.com with key {Key(SshKey.Alice).Fingerprint} is not trusted", ApprovalPreflight.ApproverRefusal(change, "bob@example.com", Key(SshKey.Alice), TestRepository.Now), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void BaseWithoutAllowedSigners_RefusesEveryKey()
    {
        using var repo = BaseTrusting(allowedSigners: null);

        Preflight(repo, (change, _) =>
            Assert.Equal(
                $"alice@example.com with key {Key(SshKey.Alice).Fingerprint} is not trusted by the base's .checkpoint/allowed_signers: the base has none",
                ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now)));
    }

    [Fact]
    public void RevokedKey_IsRefused()
    {
        using var repo = TestRepository.Create();
        repo.Write(".checkpoint/revoked", $"key {Key(SshKey.Alice).Fingerprint}\n").Commit("Revoke Alice's old key");
        repo.PushMain();
        repo.Branch(Branch).Write("src/App.cs", "class App { }\n").Commit("Change", TestRepository.CopilotAuthor);

        Preflight(repo, (change, _) =>
            Assert.Equal(
                $"key {Key(SshKey.Alice).Fingerprint} is revoked by the base's .checkpoint/revoked",
                ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now)));
    }

    [Fact]
    public void ApproverWhoWrotePartOfTheChange_IsRefusedNamingTheCommit()
    {
        using var repo = AgentBranch();
        var own = repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Alice tweaks it", "Alice Approver <alice@example.com>", "Copilot <copilot@example.com>");

        Preflight(repo, (change, _) =>
        {
            var expected = $"you (alice@example.com) authored or committed {own[..12]} in the range (Alice Approver <alice@example.com>, committer Copilot <copilot@example.com>); an approver must not approve their own changes (CHK107): ask someone else to review";
            Assert.Equal(expected, ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now));
            Assert.Equal(expected, ApprovalPreflight.ApproverRefusal(change, "alice@example.com", null, TestRepository.Now));
        });
    }

    [Fact]
    public void CommitUnderAnotherNameOnTheApproversLine_IsTheirOwnWorkToo()
    {
        // The base lists Alice's key as alice@example.com and as "alice"; she committed as "alice" from another address.
        var line = $"alice@example.com,alice,*@contoso.com {SshKey.Alice.PublicKeyText}";
        using var repo = BaseTrusting(line);
        var own = repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Tweak", "alice <a@home.example>");

        Preflight(repo, (change, _) =>
        {
            Assert.StartsWith($"you (alice@example.com) authored or committed {own[..12]} ", ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now), StringComparison.Ordinal);

            // Without the key there is no line to read the other names from.
            Assert.Null(ApprovalPreflight.ApproverRefusal(change, "alice@example.com", null, TestRepository.Now));
        });
    }

    [Fact]
    public void PatternsOnTheApproversLine_AreNotNames()
    {
        // "*@contoso.com" trusts the key for a pattern of names; it names nobody who could have written a commit.
        var line = $"alice@example.com,*@contoso.com,!bob@example.com {SshKey.Alice.PublicKeyText}";
        using var repo = BaseTrusting(line);
        repo.Write("src/Pattern.cs", "class Pattern { }\n").Commit("Pattern", "*@contoso.com <*@contoso.com>");
        repo.Write("src/More.cs", "class More { }\n").Commit("More", "!bob@example.com <!bob@example.com>");

        Preflight(repo, (change, _) =>
            Assert.Null(ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now)));
    }

    [Fact]
    public void CheckApproval_ChecksOneFileAsTheGateDoes()
    {
        using var repo = AgentBranch();
        repo.Approve(SshKey.Alice);

        Preflight(repo, (change, _) =>
        {
            var report = GateDecision.CheckApproval(change, change.Approvals.Single(), TestRepository.Now);
            Assert.Equal((".checkpoint/approvals/alice.json", "alice@example.com", true, (string?)null, (string?)null), (report.Path, report.Approver, report.Valid, report.Code, report.Reason));
        });

        repo.Write("src/Tweak.cs", "class Tweak { }\n").Commit("Alice tweaks it", SshKey.Alice.Identity);
        repo.Approve(SshKey.Alice);
        Preflight(repo, (change, _) =>
        {
            var report = GateDecision.CheckApproval(change, change.Approvals.Single(), TestRepository.Now);
            Assert.False(report.Valid);
            Assert.Equal("CHK107", report.Code);
            Assert.StartsWith("approver 'alice@example.com' authored or committed ", report.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AttestationsNamingOthers_RefuseAnApproverTheyDoNotName()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n");

        Preflight(repo, (change, _) =>
        {
            Assert.Equal(
                "the attestations this change adds name bob@example.com (src/Cleanup.cs:5), not you: bob@example.com must sign, and your approval would not make the build pass (CHK108)",
                ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now));
            Assert.Null(ApprovalPreflight.ApproverRefusal(change, "Bob@Example.com", null, TestRepository.Now));
        });
    }

    [Fact]
    public void AttestationsNamingFewerThanTheRequiredApprovers_LeaveRoomForAnotherApprover()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"bob@example.com\", Reason = \"Retire\")]\n", "{ \"requiredApprovers\": 2 }");

        Preflight(repo, (change, _) =>
            Assert.Null(ApprovalPreflight.ApproverRefusal(change, "alice@example.com", Key(SshKey.Alice), TestRepository.Now)));
    }

    [Fact]
    public void AttestationsNamingAsManyAsRequired_RefuseAnyoneElse()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"bob@example.com\", Reason = \"a\")]\n    [ApprovedBy(\"carol@example.com\", Reason = \"b\")]\n", "{ \"requiredApprovers\": 2 }");

        Preflight(repo, (change, _) =>
            Assert.Equal(
                "the attestations this change adds name bob@example.com, carol@example.com (src/Cleanup.cs:5, src/Cleanup.cs:6), not you: bob@example.com and carol@example.com must sign, and your approval would not make the build pass (CHK108)",
                ApprovalPreflight.ApproverRefusal(change, "alice@example.com", null, TestRepository.Now)));
    }

    [Fact]
    public void AlreadyApproved_IsAValidApprovalByThatApprover()
    {
        using var repo = AgentBranch();
        repo.Approve(SshKey.Alice, name: "stale");
        repo.Write("src/More.cs", "class More { }\n").Commit("More", TestRepository.CopilotAuthor);

        Preflight(repo, (_, verdict) => Assert.False(ApprovalPreflight.AlreadyApproved(verdict, "alice@example.com")));

        repo.Approve(SshKey.Alice);
        Preflight(repo, (_, verdict) =>
        {
            Assert.True(ApprovalPreflight.AlreadyApproved(verdict, "ALICE@example.com"));
            Assert.False(ApprovalPreflight.AlreadyApproved(verdict, "bob@example.com"));
        });
    }

    [Fact]
    public void OthersWhoMustSign_AreTheNamedPrincipalsWithoutAValidApproval()
    {
        using var repo = AgentBranch("    [ApprovedBy(\"alice@example.com\", Reason = \"a\")]\n    [ApprovedBy(\"bob@example.com\", Reason = \"b\")]\n    [ApprovedBy(\"carol@example.com\", Reason = \"c\")]\n");
        repo.Approve(SshKey.Bob);

        Preflight(repo, (change, verdict) =>
        {
            Assert.Equal(new[] { "carol@example.com" }, ApprovalPreflight.OthersWhoMustSign(change, verdict, "Alice@Example.com"));
            Assert.Equal(new[] { "alice@example.com", "carol@example.com" }, ApprovalPreflight.OthersWhoMustSign(change, verdict, "dave@example.com"));
        });
    }

    [Fact]
    public void MissingArguments_AreNamed()
    {
        using var repo = AgentBranch();

        Preflight(repo, (change, verdict) =>
        {
            Assert.Equal("change", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.ChangeRefusal(null!, verdict)).ParamName);
            Assert.Equal("verdict", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.ChangeRefusal(change, null!)).ParamName);
            Assert.Equal("verdict", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.AlreadyApproved(null!, "alice@example.com")).ParamName);
            Assert.Equal("change", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.ApproverRefusal(null!, "alice@example.com", null, TestRepository.Now)).ParamName);
            Assert.Equal("approver", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.ApproverRefusal(change, null!, null, TestRepository.Now)).ParamName);
            Assert.Equal("change", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.OthersWhoMustSign(null!, verdict, "alice@example.com")).ParamName);
            Assert.Equal("verdict", Assert.Throws<ArgumentNullException>(() => ApprovalPreflight.OthersWhoMustSign(change, null!, "alice@example.com")).ParamName);
        });
    }

    private static TestRepository AgentBranch(string attributes = "", string? policy = null)
    {
        var repo = TestRepository.Create(policy, SshKey.Alice, SshKey.Bob, SshKey.EcdsaCarol);
        repo.Branch(Branch)
            .Write("src/Cleanup.cs", AttestationBindingTests.Job(attributes))
            .Commit("Retire the bucket", TestRepository.CopilotAuthor);
        return repo;
    }

    /// <summary>A base whose allowed_signers is exactly <paramref name="allowedSigners"/> (none when null), and an agent branch on it.</summary>
    private static TestRepository BaseTrusting(string? allowedSigners)
    {
        var repo = TestRepository.CreateEmpty();
        if (allowedSigners != null)
        {
            repo.Write(".checkpoint/allowed_signers", allowedSigners + "\n");
        }

        repo.Write("README.md", "# Demo\n").Commit("Initial commit");
        repo.PushMain();
        repo.Branch(Branch).Write("src/App.cs", "class App { }\n").Commit("Change", TestRepository.CopilotAuthor);
        return repo;
    }

    private static SshPublicKey Key(SshKey key) => SshPublicKey.Parse(key.PublicKeyText);

    private static void Preflight(TestRepository repo, Action<ResolvedChange, GateVerdict> check)
    {
        using var resolution = repo.Resolve();
        var change = resolution.Change ?? throw new InvalidOperationException(resolution.Failure!.ToString());
        check(change, CheckpointGate.Decide(resolution, CiEnvironment.FromVariables(new Dictionary<string, string?>()), TestRepository.Now));
    }
}
