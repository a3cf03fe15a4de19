using System.Globalization;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Core.Tests.Fixtures;

/// <summary>
/// A real git working tree in a temp folder with a bare "origin" next to it. The base commit on
/// main carries .checkpoint/allowed_signers (and optionally policy.json); tests branch off it,
/// commit, approve with real ssh-keygen signatures, and evaluate the gate.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    /// <summary>The CI clock the tests evaluate at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Human = "Hana Human <hana@example.com>";
    public const string CopilotAuthor = "Copilot <198982749+Copilot@users.noreply.github.com>";

    private readonly string _directory;
    private int _commitCount;

    private TestRepository(string directory)
    {
        _directory = directory;
        Root = Path.Combine(directory, "work");
        OriginPath = Path.Combine(directory, "origin.git");
    }

    public string Root { get; }

    public string OriginPath { get; }

    public string Identity => RepositoryIdentity.Normalize(OriginPath)!;

    /// <summary>A repository whose pushed main trusts <paramref name="signers"/> (Alice by default).</summary>
    public static TestRepository Create(string? policyJson = null, params SshKey[] signers)
    {
        var directory = Path.Combine(Path.GetTempPath(), "checkpoint-core-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var repository = new TestRepository(directory);
        Directory.CreateDirectory(repository.Root);
        ProcessRunner.RunChecked("git", directory, new[] { "init", "-q", "--bare", "-b", "main", repository.OriginPath });
        repository.Git("init", "-q", "-b", "main");
        repository.Git("remote", "add", "origin", repository.OriginPath);
        if (signers.Length == 0)
        {
            signers = new[] { SshKey.Alice };
        }

        repository.Write(".checkpoint/allowed_signers", string.Join("\n", signers.Select(s => s.AllowedSignersLine())) + "\n");
        if (policyJson != null)
        {
            repository.Write(".checkpoint/policy.json", policyJson);
        }

        repository.Write("README.md", "# Demo\n");
        repository.Write("src/App.cs", "class App\n{\n    static void Main() { }\n}\n");
        repository.Commit("Initial commit");
        repository.PushMain();
        return repository;
    }

    public string Git(params string[] arguments) => ProcessRunner.RunChecked("git", Root, arguments, CommitEnvironment(Human, Human));

    public byte[] GitBytes(byte[]? input, params string[] arguments)
    {
        var (exitCode, output, error) = ProcessRunner.Run("git", Root, arguments, CommitEnvironment(Human, Human), input);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", arguments)} failed: {error}");
        }

        return output;
    }

    public TestRepository Write(string path, string content) => WriteBytes(path, Encoding.UTF8.GetBytes(content));

    public TestRepository WriteBytes(string path, byte[] content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public TestRepository Delete(string path)
    {
        Git("rm", "-q", "--", path);
        return this;
    }

    /// <summary>Stages everything and commits with fixed, increasing dates.</summary>
    public string Commit(string message, string author = Human, string? committer = null)
    {
        Git("add", "-A");
        ProcessRunner.RunChecked("git", Root, new[] { "commit", "-q", "--allow-empty", "--no-verify", "-m", message }, CommitEnvironment(author, committer ?? author));
        return Git("rev-parse", "HEAD");
    }

    /// <summary>Stages a blob at raw path bytes through plumbing, so paths need not be valid UTF-8.</summary>
    public TestRepository StageBlob(byte[] path, byte[] content, string mode = "100644")
    {
        var blob = Encoding.ASCII.GetString(GitBytes(content, "hash-object", "-w", "--no-filters", "--stdin")).Trim();
        return StageEntry(path, mode, "blob", blob);
    }

    /// <summary>Stages any index entry (a gitlink: mode 160000, type commit) at raw path bytes.</summary>
    public TestRepository StageEntry(byte[] path, string mode, string type, string objectId)
    {
        var line = Encoding.ASCII.GetBytes($"{mode} {type} {objectId}\t").Concat(path).Concat(new byte[] { 0 }).ToArray();
        GitBytes(line, "update-index", "--add", "-z", "--index-info");
        return this;
    }

    public TestRepository Unstage(string path)
    {
        Git("update-index", "--force-remove", "--", path);
        return this;
    }

    /// <summary>Commits the index as it is (no <c>git add</c>).</summary>
    public string CommitIndex(string message, string author = Human)
    {
        ProcessRunner.RunChecked("git", Root, new[] { "commit", "-q", "--allow-empty", "--no-verify", "-m", message }, CommitEnvironment(author, author));
        return Git("rev-parse", "HEAD");
    }

    public TestRepository Branch(string name)
    {
        Git("checkout", "-q", "-b", name);
        return this;
    }

    public TestRepository Checkout(string name)
    {
        Git("checkout", "-q", name);
        return this;
    }

    /// <summary>Pushes main to origin and fetches, so refs/remotes/origin/main and origin/HEAD exist.</summary>
    public void PushMain()
    {
        Git("push", "-q", "origin", "main");
        Git("fetch", "-q", "origin");
        Git("remote", "set-head", "origin", "main");
    }

    public GateVerdict Evaluate(IReadOnlyDictionary<string, string?>? environment = null, string? baseRef = null, DateTimeOffset? now = null) =>
        CheckpointGate.Evaluate(new GateRequest(Root)
        {
            Environment = environment ?? new Dictionary<string, string?>(),
            BaseRef = baseRef,
            Now = now ?? Now,
        });

    /// <summary>The manifest an approver would sign for the current HEAD.</summary>
    public ApprovalManifest ManifestFor(SshKey key, DateTimeOffset? createdAt = null, TimeSpan? validFor = null, string? baseRef = null)
    {
        using var resolution = ChangeResolver.Resolve(new ChangeRequest(Root, CiEnvironment.FromVariables(new Dictionary<string, string?>())) { BaseRef = baseRef });
        var change = resolution.Change ?? throw new InvalidOperationException(resolution.Failure!.ToString());
        return change.CreateManifest(key.Principal, createdAt ?? Now.AddHours(-1), validFor ?? TimeSpan.FromDays(7));
    }

    /// <summary>Writes name.json and name.json.sig (real ssh-keygen -Y sign) and commits them.</summary>
    public string Approve(SshKey key, byte[]? manifest = null, string? name = null, string signatureNamespace = "checkpoint-approval", bool commit = true, string? committer = null)
    {
        manifest ??= ManifestFor(key).Serialize();
        name ??= key.Name;
        var signature = key.Sign(manifest, signatureNamespace);
        WriteBytes($".checkpoint/approvals/{name}.json", manifest);
        Write($".checkpoint/approvals/{name}.json.sig", signature);
        if (commit)
        {
            var who = $"{key.Name} <{key.Principal}>";
            Commit($"Approve as {key.Principal}", who, committer ?? who);
        }

        return $".checkpoint/approvals/{name}.json";
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folders are best-effort cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Dictionary<string, string> CommitEnvironment(string author, string committer)
    {
        _commitCount++;
        var date = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(_commitCount).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        (var authorName, var authorEmail) = Split(author);
        (var committerName, var committerEmail) = Split(committer);
        return new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = authorName,
            ["GIT_AUTHOR_EMAIL"] = authorEmail,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = committerName,
            ["GIT_COMMITTER_EMAIL"] = committerEmail,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }

    private static (string Name, string Email) Split(string identity)
    {
        var open = identity.IndexOf('<');
        return (identity[..open].Trim(), identity[(open + 1)..identity.IndexOf('>')]);
    }
}
