using System.Globalization;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Resolution;

namespace Checkpoint.Testing;

/// <summary>
/// A real git working tree in a temp folder with a bare <c>origin</c> beside it. <see cref="Create"/>
/// pushes a main whose base commit carries <c>.checkpoint/allowed_signers</c> (and a policy when given);
/// tests then branch, write, commit as an agent or a human, push, approve with a real
/// <c>ssh-keygen -Y sign</c> over Core's own manifest, and evaluate the gate.
/// </summary>
/// <remarks>
/// Every commit gets a fixed date one minute after the one before (from 2026-05-01 09:00 UTC) unless
/// it names its own, so histories and digests are the same from run to run.
/// </remarks>
public sealed class TestRepository : IDisposable
{
    /// <summary>The CI clock the in-process evaluations run at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A human maintainer: the default author and committer.</summary>
    public const string Human = "Hana Human <hana@example.com>";

    /// <summary>The identity GitHub Copilot's coding agent commits as.</summary>
    public const string CopilotAuthor = "Copilot <198982749+Copilot@users.noreply.github.com>";

    private static readonly DateTimeOffset FirstCommitDate = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private int _clock;

    private TestRepository(string folder)
    {
        Folder = folder;
        Root = Path.Combine(folder, "work");
        OriginPath = Path.Combine(folder, "origin.git");
    }

    /// <summary>The temp folder that holds the working tree, <c>origin.git</c> and the repository's own keys.</summary>
    public string Folder { get; }

    /// <summary>The working tree.</summary>
    public string Root { get; }

    /// <summary>The bare repository the working tree's <c>origin</c> points at.</summary>
    public string OriginPath { get; }

    /// <summary>The repository identity the gate derives from <c>origin</c> when the policy names none.</summary>
    public string Identity => RepositoryIdentity.Normalize(OriginPath)!;

    /// <summary>
    /// A repository whose pushed main (README.md, src/App.cs) trusts <paramref name="signers"/>
    /// (Alice when none are given) and carries <paramref name="policyJson"/> when given.
    /// </summary>
    public static TestRepository Create(string? policyJson = null, params SshKey[] signers)
    {
        var repository = CreateEmpty();
        repository.TrustSigners(signers.Length == 0 ? [SshKey.Alice] : signers);
        if (policyJson != null)
        {
            repository.WritePolicy(policyJson);
        }

        repository.Write("README.md", "# Demo\n");
        repository.Write("src/App.cs", "class App\n{\n    static void Main() { }\n}\n");
        repository.Commit("Initial commit");
        repository.PushMain();
        return repository;
    }

    /// <summary>
    /// An empty repository on main with its origin, and <see cref="Human"/> as the git user, in a
    /// new temp folder or in <paramref name="folder"/> (a consumer's folder under the package work area).
    /// </summary>
    public static TestRepository CreateEmpty(string? folder = null)
    {
        folder ??= ScratchFolder.Create("checkpoint-repo-");
        var repository = new TestRepository(folder);
        Directory.CreateDirectory(repository.Root);
        ProcessRunner.RunChecked("git", ["init", "-q", "--bare", "-b", "main", repository.OriginPath], folder, GitEnvironment(Human, Human, FirstCommitDate));
        repository.Git("init", "-q", "-b", "main");
        repository.Git("remote", "add", "origin", repository.OriginPath);
        repository.ActAs(Human);
        return repository;
    }

    /// <summary>Writes <c>.checkpoint/allowed_signers</c>: one line per key, for the approval namespace.</summary>
    public TestRepository TrustSigners(params SshKey[] signers) =>
        Write(".checkpoint/allowed_signers", string.Concat(signers.Select(s => s.AllowedSignersLine() + "\n")));

    /// <summary>Writes <c>.checkpoint/policy.json</c>.</summary>
    public TestRepository WritePolicy(string policyJson) => Write(".checkpoint/policy.json", policyJson);

    /// <summary>A new key of this repository's own (in <see cref="Folder"/>/keys), made by the real ssh-keygen.</summary>
    public SshKey CreateKey(string name, string? principal = null, string type = "ed25519") =>
        SshKey.Create(Path.Combine(Folder, "keys"), name, principal, type);

    /// <summary>Runs git in the working tree; returns its standard output without the last newline.</summary>
    public string Git(params string[] arguments) => Encoding.UTF8.GetString(GitBytes(null, arguments)).TrimEnd('\n');

    /// <summary>Runs git in the working tree with <paramref name="input"/> on standard input; returns standard output as bytes.</summary>
    public byte[] GitBytes(ProcessInput? input, params string[] arguments) =>
        ProcessRunner.RunChecked("git", arguments, Root, GitEnvironment(Human, Human, NextDate()), input: input).StandardOutputBytes;

    public TestRepository Write(string path, string content) => WriteBytes(path, Encoding.UTF8.GetBytes(content));

    public TestRepository WriteBytes(string path, byte[] content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    /// <summary>Removes <paramref name="path"/> from the working tree and the index.</summary>
    public TestRepository Delete(string path)
    {
        Git("rm", "-q", "--", path);
        return this;
    }

    /// <summary>Stages everything and commits; returns the new commit's id.</summary>
    /// <param name="author">"Name &lt;email&gt;": <see cref="Human"/>, <see cref="CopilotAuthor"/>, or any other.</param>
    /// <param name="committer">The author when null.</param>
    /// <param name="trailers">Trailer lines (<c>"Co-authored-by: Copilot &lt;...&gt;"</c>) added with <c>git commit --trailer</c>.</param>
    /// <param name="date">The author and committer date; the next fixed date when null.</param>
    public string Commit(string message, string author = Human, string? committer = null, IEnumerable<string>? trailers = null, DateTimeOffset? date = null)
    {
        Git("add", "-A");
        return CommitIndex(message, author, committer, trailers, date);
    }

    /// <summary>Commits the index as it is (no <c>git add</c>); returns the new commit's id.</summary>
    public string CommitIndex(string message, string author = Human, string? committer = null, IEnumerable<string>? trailers = null, DateTimeOffset? date = null)
    {
        List<string> arguments = ["commit", "-q", "--allow-empty", "--no-verify", "-m", message];
        foreach (var trailer in trailers ?? [])
        {
            arguments.AddRange(["--trailer", trailer]);
        }

        ProcessRunner.RunChecked("git", arguments, Root, GitEnvironment(author, committer ?? author, date ?? NextDate()));
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

    /// <summary>Creates <paramref name="name"/> from HEAD (or from <paramref name="from"/>) and checks it out.</summary>
    public TestRepository Branch(string name, string? from = null)
    {
        Git(from is null ? ["checkout", "-q", "-b", name] : ["checkout", "-q", "-b", name, from]);
        return this;
    }

    public TestRepository Checkout(string name)
    {
        Git("checkout", "-q", name);
        return this;
    }

    /// <summary>Merges <paramref name="branch"/> into the current branch with a merge commit; returns its id.</summary>
    public string Merge(string branch, string? message = null, string author = Human)
    {
        ProcessRunner.RunChecked("git", ["merge", "-q", "--no-ff", "--no-verify", "-m", message ?? "Merge " + branch, branch], Root, GitEnvironment(author, author, NextDate()));
        return Git("rev-parse", "HEAD");
    }

    /// <summary>Pushes main to origin, fetches, and points origin/HEAD at main, so refs/remotes/origin/main and origin/HEAD exist.</summary>
    public TestRepository PushMain()
    {
        Push("main");
        return SetOriginHead("main");
    }

    /// <summary>Pushes <paramref name="branch"/> to origin and fetches, so refs/remotes/origin/<paramref name="branch"/> exists.</summary>
    public TestRepository Push(string branch)
    {
        Git("push", "-q", "origin", branch);
        return Fetch();
    }

    public TestRepository Fetch()
    {
        Git("fetch", "-q", "origin");
        return this;
    }

    /// <summary>Points refs/remotes/origin/HEAD at origin's <paramref name="branch"/>.</summary>
    public TestRepository SetOriginHead(string branch)
    {
        Git("remote", "set-head", "origin", branch);
        return this;
    }

    /// <summary>Makes <paramref name="identity"/> ("Name &lt;email&gt;") the git user of the working tree: who a tool run here commits as.</summary>
    public TestRepository ActAs(string identity)
    {
        (var name, var email) = Split(identity);
        Git("config", "user.name", name);
        Git("config", "user.email", email);
        return this;
    }

    /// <summary>Makes the key's owner the git user of the working tree, as an approver running <c>checkpoint approve</c>.</summary>
    public TestRepository ActAs(SshKey approver) => ActAs(approver.Identity);

    /// <summary>Evaluates the gate in-process, as CI would at <see cref="Now"/> unless told otherwise.</summary>
    public GateVerdict Evaluate(IReadOnlyDictionary<string, string?>? environment = null, string? baseRef = null, DateTimeOffset? now = null) =>
        CheckpointGate.Evaluate(new GateRequest(Root)
        {
            Environment = environment ?? new Dictionary<string, string?>(),
            BaseRef = baseRef,
            Now = now ?? Now,
        });

    /// <summary>Resolves the change of the current HEAD as a local build (no CI) would; the caller disposes it.</summary>
    public ChangeResolution Resolve(string? baseRef = null) =>
        ChangeResolver.Resolve(new ChangeRequest(Root, CiEnvironment.FromVariables(new Dictionary<string, string?>())) { BaseRef = baseRef });

    /// <summary>The manifest an approver would sign for the current HEAD, made by Core.</summary>
    public ApprovalManifest ManifestFor(SshKey key, DateTimeOffset? createdAt = null, TimeSpan? validFor = null, string? baseRef = null)
    {
        using var resolution = Resolve(baseRef);
        var change = resolution.Change ?? throw new InvalidOperationException(resolution.Failure!.ToString());
        return change.CreateManifest(key.Principal, createdAt ?? Now.AddHours(-1), validFor ?? TimeSpan.FromDays(7));
    }

    /// <summary>
    /// Approves as <paramref name="key"/>'s owner: writes <c>.checkpoint/approvals/NAME.json</c> (Core's
    /// manifest for HEAD unless <paramref name="manifest"/> is given) and its real <c>ssh-keygen -Y sign</c>
    /// signature, and commits both as the approver. Returns the manifest's path in the repository.
    /// </summary>
    public string Approve(SshKey key, byte[]? manifest = null, string? name = null, string signatureNamespace = ApprovalManifest.SignatureNamespace, bool commit = true, string? committer = null)
    {
        manifest ??= ManifestFor(key).Serialize();
        name ??= key.Name;
        var signature = key.Sign(manifest, signatureNamespace);
        WriteBytes($".checkpoint/approvals/{name}.json", manifest);
        Write($".checkpoint/approvals/{name}.json.sig", signature);
        if (commit)
        {
            Commit($"Approve as {key.Principal}", key.Identity, committer ?? key.Identity);
        }

        return $".checkpoint/approvals/{name}.json";
    }

    public void Dispose() => ScratchFolder.Delete(Folder);

    private static Dictionary<string, string?> GitEnvironment(string author, string committer, DateTimeOffset date)
    {
        var stamp = date.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        (var authorName, var authorEmail) = Split(author);
        (var committerName, var committerEmail) = Split(committer);
        return new Dictionary<string, string?>
        {
            ["LC_ALL"] = "C",
            ["GIT_AUTHOR_NAME"] = authorName,
            ["GIT_AUTHOR_EMAIL"] = authorEmail,
            ["GIT_AUTHOR_DATE"] = stamp,
            ["GIT_COMMITTER_NAME"] = committerName,
            ["GIT_COMMITTER_EMAIL"] = committerEmail,
            ["GIT_COMMITTER_DATE"] = stamp,
        };
    }

    private static (string Name, string Email) Split(string identity)
    {
        var open = identity.IndexOf('<', StringComparison.Ordinal);
        var close = identity.IndexOf('>', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new ArgumentException($"'{identity}' is not a git identity: write it as \"Name <email>\".", nameof(identity));
        }

        return (identity[..open].Trim(), identity[(open + 1)..close]);
    }

    private DateTimeOffset NextDate() => FirstCommitDate.AddMinutes(Interlocked.Increment(ref _clock));
}
