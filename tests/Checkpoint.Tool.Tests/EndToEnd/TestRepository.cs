namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// A real git repository in a temp folder with a bare "origin": a protected main branch that
/// carries .checkpoint/ (policy and allowed_signers for Alice and Bob), and helpers to branch,
/// commit as an agent, and read the result. Tests read as the scenario they set up.
/// </summary>
public sealed class TestRepository : IDisposable
{
    public const string Identity = "example.com/acme/service";

    private static readonly (string Name, string Email) Maintainer = ("Maria Maintainer", "maria@example.com");
    public static readonly (string Name, string Email) Agent = ("Coding Agent", "agent@example.com");

    private TestRepository(string root)
    {
        Root = root;
        Work = Path.Combine(root, "work");
        Origin = Path.Combine(root, "origin.git");
        Keys = Path.Combine(root, "keys");
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Keys);
    }

    public string Root { get; }

    /// <summary>The working clone the tool runs in.</summary>
    public string Work { get; }

    public string Origin { get; }

    public string Keys { get; }

    public TestKey Alice { get; private set; } = null!;

    public TestKey Bob { get; private set; } = null!;

    /// <summary>main with .checkpoint/ pushed to origin, and HEAD on a fresh agent branch with one change.</summary>
    public static TestRepository WithAgentBranch(string branch = "copilot/fix-typo", int requiredApprovers = 1, string? policy = null)
    {
        var repository = OnMain(requiredApprovers, policy);
        repository.Git("checkout", "-q", "-b", branch);
        repository.Write("src/Service.cs", "class Service { int Answer() => 43; }\n");
        repository.CommitAsAgent("Fix the answer");
        return repository;
    }

    /// <summary>main with .checkpoint/ pushed to origin and checked out.</summary>
    public static TestRepository OnMain(int requiredApprovers = 1, string? policy = null)
    {
        var repository = new TestRepository(Directory.CreateTempSubdirectory("checkpoint-repo-").FullName);
        repository.Alice = repository.CreateKey("alice@example.com", "alice");
        repository.Bob = repository.CreateKey("bob@example.com", "bob");
        ProcessRun.RunChecked("git", ["init", "-q", "--bare", "-b", "main", repository.Origin], repository.Root);
        repository.Git("init", "-q", "-b", "main");
        repository.Git("config", "user.name", Maintainer.Name);
        repository.Git("config", "user.email", Maintainer.Email);
        repository.Git("config", "commit.gpgsign", "false");
        repository.Git("remote", "add", "origin", repository.Origin);
        repository.Write("src/Service.cs", "class Service { int Answer() => 42; }\n");
        repository.Write(".checkpoint/policy.json", policy ?? $$"""
            {
              "protectedBranches": ["main"],
              "scope": "agent-branches",
              "requiredApprovers": {{requiredApprovers}},
              "maxApprovalAgeDays": 14,
              "repository": "{{Identity}}"
            }
            """);
        repository.Write(".checkpoint/allowed_signers", repository.Alice.AllowedSignersLine + "\n" + repository.Bob.AllowedSignersLine + "\n");
        repository.Commit("Set up the checkpoint", Maintainer);
        repository.Git("push", "-q", "origin", "main");
        repository.Git("fetch", "-q", "origin");
        repository.Git("remote", "set-head", "origin", "main");
        return repository;
    }

    /// <summary>Pushes main (after more maintainer commits) and refreshes origin/main.</summary>
    public void PublishMain()
    {
        Git("push", "-q", "origin", "main");
        Git("fetch", "-q", "origin");
    }

    public TestKey CreateKey(string principal, string fileName, string type = "ed25519")
    {
        var path = Path.Combine(Keys, fileName);
        ProcessRun.RunChecked("ssh-keygen", ["-q", "-t", type, "-N", "", "-C", principal, "-f", path], Root);
        return new TestKey(principal, path, path + ".pub");
    }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Work, relativePath));

    public void CommitAsAgent(string message) => Commit(message, Agent);

    public void CommitAsMaintainer(string message) => Commit(message, Maintainer);

    public void Commit(string message, (string Name, string Email) author)
    {
        Git("add", "-A");
        var environment = ProcessRun.LocalEnvironment(new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = author.Name,
            ["GIT_AUTHOR_EMAIL"] = author.Email,
            ["GIT_COMMITTER_NAME"] = author.Name,
            ["GIT_COMMITTER_EMAIL"] = author.Email,
        });
        ProcessRun.RunChecked("git", ["commit", "-q", "-m", message], Work, environment);
    }

    /// <summary>Makes <paramref name="approver"/> the identity the tool commits approvals as.</summary>
    public void ActAs(TestKey approver)
    {
        Git("config", "user.name", approver.Principal);
        Git("config", "user.email", approver.Principal);
    }

    public string Git(params string[] arguments) => ProcessRun.RunChecked("git", arguments, Work).Output.Trim();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
