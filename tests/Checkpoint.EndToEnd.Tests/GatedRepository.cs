using System.Globalization;
using System.Text.RegularExpressions;

namespace Checkpoint.EndToEnd.Tests;

/// <summary>
/// A consumer git repository with a bare "origin": main holds a three-project solution that
/// references the packed package, plus <c>.checkpoint/allowed_signers</c> (Alice's real ed25519
/// key) and <c>policy.json</c>; the agent's branch <c>copilot/fix-typo</c> is checked out.
/// </summary>
public sealed partial class GatedRepository
{
    public const string Branch = "copilot/fix-typo";
    public const string Approver = "alice@example.com";
    public const string Solution = "Shop.slnx";

    private static readonly (string Name, string Email) Maintainer = ("Maintainer", "maintainer@example.com");
    private static readonly (string Name, string Email) Agent = ("Copilot", "Copilot@users.noreply.github.com");
    private static readonly (string Name, string Email) Alice = ("Alice", Approver);

    private readonly Dictionary<string, string?> _gitEnvironment;

    private GatedRepository(Consumer consumer, string aliceKey)
    {
        Consumer = consumer;
        AliceKey = aliceKey;
        _gitEnvironment = PackedPackage.Instance.Environment(ci: false);
    }

    public Consumer Consumer { get; }

    /// <summary>Alice's private key, outside the repository.</summary>
    public string AliceKey { get; }

    public static GatedRepository Create(string name)
    {
        var consumer = Consumer.Create(name);
        var keys = Path.Combine(consumer.Directory, "..", Path.GetFileName(consumer.Directory) + "-keys");
        Directory.CreateDirectory(keys);
        var aliceKey = Path.Combine(keys, "alice");
        var repository = new GatedRepository(consumer, aliceKey);
        repository.Tool("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", Approver, "-f", aliceKey);
        var alicePublicKey = File.ReadAllText(aliceKey + ".pub").Trim();

        consumer
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
            .Write("Jobs/Nightly.cs", "namespace Jobs;\n\npublic static class Nightly\n{\n    public static int Hour => 2;\n}\n")
            .Write(".checkpoint/allowed_signers", $"{Approver} namespaces=\"checkpoint-approval\" {alicePublicKey}\n")
            .Write(".checkpoint/policy.json", """{ "scope": "agent-branches", "requiredApprovers": 1 }""" + "\n");

        var origin = Path.Combine(consumer.Directory, "..", Path.GetFileName(consumer.Directory) + "-origin.git");
        repository.Git("init", "-q", "-b", "main");
        repository.Commit(Maintainer, "Shop: three projects, Checkpoint on main");
        repository.Tool("git", "init", "-q", "--bare", origin);
        repository.Git("remote", "add", "origin", Path.GetFullPath(origin));
        repository.Git("push", "-q", "origin", "main");
        repository.Git("remote", "set-head", "origin", "main");
        repository.Git("checkout", "-q", "-b", Branch);
        repository.AgentCommits("Core/Greeting.cs", "namespace Core;\n\npublic static class Greeting\n{\n    public static string Text => \"Hello\";\n}\n", "Fix typo in greeting");
        return repository;
    }

    /// <summary>Pushes the agent's branch, so origin has it as refs/remotes/origin/copilot/fix-typo too.</summary>
    public void PushBranch() => Git("push", "-q", "origin", Branch);

    /// <summary>The agent changes a file and commits it as Copilot.</summary>
    public void AgentCommits(string path, string content, string message)
    {
        Consumer.Write(path, content);
        Commit(Agent, message);
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
        Tool("ssh-keygen", "-Y", "sign", "-f", AliceKey, "-n", "checkpoint-approval", ManifestPath);
        Assert.True(File.Exists(Consumer.PathOf(ManifestPath + ".sig")), "ssh-keygen wrote no signature");

        // Step 4 of docs/approving.md: check it against the base's allowed_signers, as the gate will.
        var trusted = Path.Combine(Path.GetDirectoryName(AliceKey)!, "allowed_signers.base");
        File.WriteAllText(trusted, RunForOutput("git", "show", "origin/main:.checkpoint/allowed_signers"));
        var verified = RunWithInput(
            "ssh-keygen", File.ReadAllText(Consumer.PathOf(ManifestPath)),
            "-Y", "verify", "-f", trusted, "-I", Approver, "-n", "checkpoint-approval", "-s", ManifestPath + ".sig");
        Assert.Contains($"Good \"checkpoint-approval\" signature for {Approver}", verified, StringComparison.Ordinal);
        Commit(Alice, "Approve copilot/fix-typo");
    }

    /// <summary>The digest and repository identity from a CHK100 message.</summary>
    public static (string Digest, string Repository) ReadApprovalRequest(BuildDiagnostic chk100)
    {
        var match = ApprovalRequest().Match(chk100.Message);
        Assert.True(match.Success, "CHK100 does not name the digest and repository: " + chk100.Message);
        return (match.Groups["digest"].Value, match.Groups["repository"].Value);
    }

    private void Commit((string Name, string Email) who, string message)
    {
        Git("add", "-A");
        var environment = new Dictionary<string, string?>(_gitEnvironment)
        {
            ["GIT_AUTHOR_NAME"] = who.Name,
            ["GIT_AUTHOR_EMAIL"] = who.Email,
            ["GIT_COMMITTER_NAME"] = who.Name,
            ["GIT_COMMITTER_EMAIL"] = who.Email,
        };
        Run(environment, "git", "commit", "-q", "-m", message);
    }

    private void Git(params string[] arguments) => Run(_gitEnvironment, "git", arguments);

    private void Tool(string tool, params string[] arguments) => Run(_gitEnvironment, tool, arguments);

    private void Run(IReadOnlyDictionary<string, string?> environment, string tool, params string[] arguments) =>
        RunCore(environment, tool, standardInput: null, arguments);

    private string RunForOutput(string tool, params string[] arguments) =>
        RunCore(_gitEnvironment, tool, standardInput: null, arguments);

    private string RunWithInput(string tool, string standardInput, params string[] arguments) =>
        RunCore(_gitEnvironment, tool, standardInput, arguments);

    private string RunCore(IReadOnlyDictionary<string, string?> environment, string tool, string? standardInput, string[] arguments)
    {
        var result = ProcessRunner.Run(tool, arguments, Consumer.Directory, environment, TimeSpan.FromMinutes(1), standardInput);
        Assert.True(result.Succeeded, result.ToString());
        return result.Output;
    }

    [GeneratedRegex(@"(?<digest>sha256:[0-9a-f]{64}) of (?<repository>\S+) against")]
    private static partial Regex ApprovalRequest();
}
