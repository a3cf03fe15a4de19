using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;
using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Audit;

/// <summary>
/// The repository of benchmark 7: a protected main with <see cref="MergedChanges"/> merged changes,
/// every other one an agent's with a real approval (<see cref="Approvals"/> manifests signed by one
/// <c>ssh-keygen -Y sign</c> run), the rest human changes the policy does not gate. Agent changes
/// land alternately as a merge commit (the branch carries the approval) and as a squash merge (the
/// approval lands with it); human changes land as merge commits. Each change edits one of 200
/// source files, as a real history does. Built once with <c>git fast-import</c> into the temp
/// folder and reused (the folder name carries the layout version).
/// </summary>
public sealed class AuditHistoryRepository
{
    public const int MergedChanges = 10_000;
    public const string Identity = "github.com/contoso/service";
    public const string Approver = "alice@example.com";
    public const string Operation = "Amazon.S3.IAmazonS3.DeleteBucketAsync";
    private const string LayoutVersion = "v1";
    private const int Areas = 200;
    private const long Start = 1_700_000_000;
    private const int Spacing = 600;

    private AuditHistoryRepository(string path, int changes)
    {
        Path = path;
        Changes = changes;
    }

    public string Path { get; }

    public int Changes { get; }

    /// <summary>Every even change is an agent's, and approved.</summary>
    public int Approvals => (Changes + 1) / 2;

    /// <summary>Landed as merge commits: the human changes and every other agent change.</summary>
    public int MergeCommits => Enumerable.Range(0, Changes).Count(i => i % 4 != 2);

    public static AuditHistoryRepository OpenOrCreate(TextWriter log, int changes = MergedChanges)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "checkpoint-bench");
        var path = System.IO.Path.Combine(root, $"audit-history-{changes}-{LayoutVersion}");
        var marker = path + ".complete";
        if (!File.Exists(marker))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            Directory.CreateDirectory(path);
            log.WriteLine($"Building the history of {changes:N0} merged changes in {path} (once) ...");
            var watch = Stopwatch.StartNew();
            Build(path, root, changes);
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            log.WriteLine($"Built in {watch.Elapsed.TotalSeconds:0.0} s.");
        }

        return new AuditHistoryRepository(path, changes);
    }

    private static string Source(int area, int version) =>
        $"namespace Area{area:D3};\n\npublic static class Service\n{{\n    public static int Value => {area} + {version};\n}}\n";

    private static string SourcePath(int area) => $"src/Area{area:D3}/Service.cs";

    private static string ContentHash(string content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static void Build(string path, string root, int changes)
    {
        var key = Key(root);
        Git(path, "init", "--quiet", "--initial-branch=main");

        // The manifests first: each one is for its change's digest, which the change's one edit decides.
        var unsigned = System.IO.Path.Combine(path, "..", System.IO.Path.GetFileName(path) + "-manifests");
        if (Directory.Exists(unsigned))
        {
            Directory.Delete(unsigned, recursive: true);
        }

        Directory.CreateDirectory(unsigned);
        var manifestFiles = new List<string>();
        for (var i = 0; i < changes; i += 2)
        {
            var (area, version) = (i % Areas, (i / Areas) + 1);
            var entry = DiffDigest.CreateEntry(GitPath.FromString(SourcePath(area)), "100644", "100644", ContentHash(Source(area, version - 1)), ContentHash(Source(area, version)));
            var record = new ApprovalRecord(true, [new RecordedOperation("added", "destructive", Operation, SourcePath(area), 5, "P:Area.Service.Value")], [], []);
            var manifest = ApprovalManifest.CreateFor(DiffDigest.FromEntries([entry]), Identity, Approver, Time(i, 60), TimeSpan.FromDays(14), record: record);
            var file = System.IO.Path.Combine(unsigned, $"alice-{i:D5}.json");
            File.WriteAllBytes(file, manifest.Serialize());
            manifestFiles.Add(file);
        }

        foreach (var chunk in manifestFiles.Chunk(500))
        {
            ProcessRunner.RunChecked("ssh-keygen", ["-q", "-Y", "sign", "-f", key, "-n", ApprovalManifest.SignatureNamespace, .. chunk], unsigned, timeout: TimeSpan.FromMinutes(10));
        }

        ProcessRunner.RunChecked("git", ["fast-import", "--quiet", "--done"], path, input: ProcessInput.FromWriter(stream => WriteImport(stream, key, unsigned, changes)), timeout: TimeSpan.FromMinutes(20));
        Directory.Delete(unsigned, recursive: true);

        Git(path, "update-ref", "-d", "refs/heads/work");
        Git(path, "remote", "add", "origin", System.IO.Path.Combine(path, "origin-not-fetched.git"));
        Git(path, "update-ref", "refs/remotes/origin/main", "refs/heads/main");
        Git(path, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
        Git(path, "checkout", "--quiet", "main");
    }

    private static void WriteImport(Stream stream, string key, string manifests, int changes)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        void Data(string content)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(content)}\n"));
            writer.Write(content);
            writer.Write('\n');
        }

        void FileLine(string filePath, string content)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"M 100644 inline {filePath}\n"));
            Data(content);
        }

        void Header(string reference, int mark, string author, string committer, long time, string message)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"commit {reference}\nmark :{mark}\nauthor {author} {time} +0000\ncommitter {committer} {time} +0000\n"));
            Data(message);
        }

        const string Copilot = "Copilot <198982749+Copilot@users.noreply.github.com>";
        const string Hana = "Hana Human <hana@example.com>";
        const string GitHub = "GitHub <noreply@github.com>";
        const string Alice = "Alice <alice@example.com>";
        var mark = 1;
        Header("refs/heads/main", mark, Hana, Hana, Start, "Set up the service and the checkpoint\n");
        FileLine(".checkpoint/policy.json", $"{{\n  \"protectedBranches\": [\"main\"],\n  \"scope\": \"agent-branches\",\n  \"requiredApprovers\": 1,\n  \"maxApprovalAgeDays\": 14,\n  \"repository\": \"{Identity}\"\n}}\n");
        FileLine(".checkpoint/allowed_signers", $"{Approver} namespaces=\"{ApprovalManifest.SignatureNamespace}\" {File.ReadAllText(key + ".pub").Trim()}\n");
        FileLine("README.md", "# Service\n");
        for (var area = 0; area < Areas; area++)
        {
            FileLine(SourcePath(area), Source(area, 0));
        }

        var main = mark;
        for (var i = 0; i < changes; i++)
        {
            var (area, version) = (i % Areas, (i / Areas) + 1);
            var agent = i % 2 == 0;
            var squash = i % 4 == 2;
            var approval = agent ? File.ReadAllText(System.IO.Path.Combine(manifests, $"alice-{i:D5}.json")) : null;
            var signature = agent ? File.ReadAllText(System.IO.Path.Combine(manifests, $"alice-{i:D5}.json.sig")) : null;
            var approvalPath = $".checkpoint/approvals/alice-{i:D5}.json";
            var branch = agent ? $"copilot/change-{i:D5}" : $"fix/change-{i:D5}";
            if (squash)
            {
                Header("refs/heads/main", ++mark, Copilot, GitHub, Time(i, 180).ToUnixTimeSeconds(), $"Change {i} (#{i + 1})\n");
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"from :{main}\n"));
                FileLine(SourcePath(area), Source(area, version));
                FileLine(approvalPath, approval!);
                FileLine(approvalPath + ".sig", signature!);
                main = mark;
                continue;
            }

            Header("refs/heads/work", ++mark, agent ? Copilot : Hana, agent ? Copilot : Hana, Time(i, 0).ToUnixTimeSeconds(), $"Change {i}\n");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"from :{main}\n"));
            FileLine(SourcePath(area), Source(area, version));
            if (agent)
            {
                Header("refs/heads/work", ++mark, Alice, Alice, Time(i, 120).ToUnixTimeSeconds(), $"Approve as {Approver}\n");
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"from :{mark - 1}\n"));
                FileLine(approvalPath, approval!);
                FileLine(approvalPath + ".sig", signature!);
            }

            var tip = mark;
            Header("refs/heads/main", ++mark, Hana, GitHub, Time(i, 180).ToUnixTimeSeconds(), $"Merge pull request #{i + 1} from contoso/{branch}\n");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"from :{main}\nmerge :{tip}\n"));
            FileLine(SourcePath(area), Source(area, version));
            if (agent)
            {
                FileLine(approvalPath, approval!);
                FileLine(approvalPath + ".sig", signature!);
            }

            main = mark;
        }

        writer.Write("done\n");
    }

    private static DateTimeOffset Time(int change, int seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(Start + 1_000 + ((long)change * Spacing) + seconds);

    private static string Key(string root)
    {
        var key = System.IO.Path.Combine(root, "audit-history-key");
        if (!File.Exists(key))
        {
            Directory.CreateDirectory(root);
            ProcessRunner.RunChecked("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", Approver, "-f", key], root);
        }

        return key;
    }

    private static void Git(string directory, params string[] arguments) =>
        Digest.SyntheticRepository.Git(directory, null, arguments);
}
