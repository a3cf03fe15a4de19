using System.Globalization;
using System.Text.RegularExpressions;
using Checkpoint.Core.Approvals;

namespace Checkpoint.Testing;

/// <summary>
/// A consumer git repository with a bare "origin": main holds a three-project solution that
/// references the packed analyzers package, plus <c>.checkpoint/allowed_signers</c> (Alice's real
/// ed25519 key) and <c>policy.json</c>; the agent's branch <c>copilot/fix-typo</c> is checked out.
/// </summary>
public sealed partial class GatedRepository
{
    public const string Branch = "copilot/fix-typo";
    public const string Approver = "alice@example.com";
    public const string Solution = "Shop.slnx";

    private const string Maintainer = "Maintainer <maintainer@example.com>";
    private const string Agent = "Copilot <Copilot@users.noreply.github.com>";

    private GatedRepository(TestRepository repository)
    {
        Repository = repository;
        Consumer = new Consumer(repository.Root);
    }

    public TestRepository Repository { get; }

    public Consumer Consumer { get; }

    /// <summary>The approver the base trusts: <see cref="SshKey.Alice"/>, whose principal is <see cref="Approver"/>.</summary>
    public static SshKey Alice => SshKey.Alice;

    public static GatedRepository Create(string name)
    {
        var repository = new GatedRepository(TestRepository.CreateEmpty(ConsumerWorkArea.Instance.NewFolder(name)));
        repository.Consumer
            .Write(".gitignore", "bin/\nobj/\n")
            .Write(Solution, """
                <Solution>
                  <Project Path="Core/Core.csproj" />
                  <Project Path="Web/Web.csproj" />
                  <Project Path="Jobs/Jobs.csproj" />
                </Solution>
                """)
            .WriteProject("Core/Core.csproj")
            .Write("Core/Greeting.cs", "namespace Core;\n\npublic static class Greeting\n{\n    public static string Text => \"Helo\";\n}\n")
            .WriteProject("Web/Web.csproj", extraItems: """<ProjectReference Include="../Core/Core.csproj" />""")
            .Write("Web/Page.cs", "namespace Web;\n\npublic static class Page\n{\n    public static string Title => Core.Greeting.Text;\n}\n")
            .WriteProject("Jobs/Jobs.csproj")
            .Write("Jobs/Nightly.cs", "namespace Jobs;\n\npublic static class Nightly\n{\n    public static int Hour => 2;\n}\n");
        repository.Repository
            .TrustSigners(Alice)
            .WritePolicy("""{ "scope": "agent-branches", "requiredApprovers": 1 }""" + "\n")
            .Commit("Shop: three projects, Checkpoint on main", Maintainer);
        repository.Repository.PushMain().Branch(Branch);
        repository.AgentCommits("Core/Greeting.cs", "namespace Core;\n\npublic static class Greeting\n{\n    public static string Text => \"Hello\";\n}\n", "Fix typo in greeting");
        return repository;
    }

    /// <summary>Pushes the agent's branch, so origin has it as refs/remotes/origin/copilot/fix-typo too.</summary>
    public void PushBranch() => Repository.Push(Branch);

    /// <summary>The agent changes a file and commits it as Copilot.</summary>
    public void AgentCommits(string path, string content, string message)
    {
        Consumer.Write(path, content);
        Repository.Commit(message, Agent);
    }

    /// <summary>
    /// Alice approves as docs/approving.md describes for plain OpenSSH: she writes the manifest JSON
    /// for the digest and repository the gate reported, signs it with
    /// <c>ssh-keygen -Y sign -n checkpoint-approval</c>, and commits both files.
    /// </summary>
    public void AliceApproves(string digest, string repositoryIdentity)
    {
        var now = DateTimeOffset.UtcNow;
        var manifest = $$"""
            {
              "schema": "checkpoint.approval/v1",
              "repository": "{{repositoryIdentity}}",
              "digest": "{{digest}}",
              "approver": "{{Approver}}",
              "createdAt": "{{now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}",
              "expiresAt": "{{now.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"
            }
            """;
        const string ManifestPath = ".checkpoint/approvals/alice-fix-typo.json";
        Consumer.Write(ManifestPath, manifest + "\n");
        Alice.SignFile(Consumer.PathOf(ManifestPath));
        Assert.True(File.Exists(Consumer.PathOf(ManifestPath + ".sig")), "ssh-keygen wrote no signature");

        // Step 4 of docs/approving.md: check it against the base's allowed_signers, as the gate will.
        var trusted = Path.Combine(Repository.Folder, "allowed_signers.base");
        File.WriteAllText(trusted, Repository.Git("show", "origin/main:.checkpoint/allowed_signers") + "\n");
        var verified = ProcessRunner.RunChecked(
            "ssh-keygen",
            ["-Y", "verify", "-f", trusted, "-I", Approver, "-n", ApprovalManifest.SignatureNamespace, "-s", ManifestPath + ".sig"],
            Consumer.Directory,
            input: File.ReadAllText(Consumer.PathOf(ManifestPath)));
        Assert.Contains($"Good \"checkpoint-approval\" signature for {Approver}", verified.Output, StringComparison.Ordinal);
        Repository.Commit("Approve copilot/fix-typo", Alice.Identity);
    }

    /// <summary>The digest and repository identity from a CHK100 message.</summary>
    public static (string Digest, string Repository) ReadApprovalRequest(BuildDiagnostic chk100)
    {
        var match = ApprovalRequest().Match(chk100.Message);
        Assert.True(match.Success, "CHK100 does not name the digest and repository: " + chk100.Message);
        return (match.Groups["digest"].Value, match.Groups["repository"].Value);
    }

    [GeneratedRegex(@"(?<digest>sha256:[0-9a-f]{64}) of (?<repository>\S+) against")]
    private static partial Regex ApprovalRequest();
}
