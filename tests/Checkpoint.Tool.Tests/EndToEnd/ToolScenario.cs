namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// Where the tool's end-to-end tests start: a protected main that carries .checkpoint/ (a policy
/// naming the repository, and allowed_signers for Alice and Bob), pushed to origin, with Maria the
/// maintainer as the git user. Tests read as the scenario they set up.
/// </summary>
internal static class ToolScenario
{
    /// <summary>The repository identity the policy names (approvals are made for it).</summary>
    public const string Identity = "example.com/acme/service";

    public const string Maintainer = "Maria Maintainer <maria@example.com>";

    /// <summary>An agent the gate knows only by its branch name, not by its identity.</summary>
    public const string Agent = "Coding Agent <agent@example.com>";

    /// <summary>main with .checkpoint/ pushed to origin and checked out.</summary>
    public static TestRepository OnMain(int requiredApprovers = 1, string? policy = null)
    {
        var repository = TestRepository.CreateEmpty().ActAs(Maintainer);
        repository
            .Write("src/Service.cs", "class Service { int Answer() => 42; }\n")
            .WritePolicy(policy ?? $$"""
                {
                  "protectedBranches": ["main"],
                  "scope": "agent-branches",
                  "requiredApprovers": {{requiredApprovers}},
                  "maxApprovalAgeDays": 14,
                  "repository": "{{Identity}}"
                }
                """)
            .TrustSigners(SshKey.Alice, SshKey.Bob)
            .Commit("Set up the checkpoint", Maintainer);
        repository.PushMain();
        return repository;
    }

    /// <summary>main as <see cref="OnMain"/> makes it, and HEAD on a fresh agent branch with one change.</summary>
    public static TestRepository WithAgentBranch(string branch = "copilot/fix-typo", int requiredApprovers = 1, string? policy = null)
    {
        var repository = OnMain(requiredApprovers, policy);
        repository.Branch(branch).Write("src/Service.cs", "class Service { int Answer() => 43; }\n").Commit("Fix the answer", Agent);
        return repository;
    }
}
