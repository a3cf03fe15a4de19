using System.Diagnostics;
using System.Globalization;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Resolution;
using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>
/// The git repositories of benchmark 5, identical but for the base's history: one base carries
/// <see cref="MergedApprovals"/> approvals merged over the years (a manifest and a signature each,
/// 20,000 files), one carries as many files that are not approvals (the same checkout size, so the
/// same index for git to read), and one neither. In each, the agent branch changes the same files
/// and carries one real approval (ssh-keygen -Y sign). Built once with <c>git fast-import</c> into
/// the temp folder and reused (the folder name carries the layout version).
/// </summary>
public sealed class ApprovalHistoryRepository
{
    public const int MergedApprovals = 10_000;
    public const string Branch = "copilot/bench-change";
    private const string LayoutVersion = "v1";
    private const string Approver = "alice@example.com";

    private ApprovalHistoryRepository(string path, int mergedApprovals, int otherFiles)
    {
        Path = path;
        MergedApprovalCount = mergedApprovals;
        OtherFileCount = otherFiles;
    }

    public string Path { get; }

    public int MergedApprovalCount { get; }

    /// <summary>Tracked files on the base that are not approvals, besides the sources.</summary>
    public int OtherFileCount { get; }

    public string Name => $"{MergedApprovalCount:N0} merged approvals, {OtherFileCount:N0} other files";

    /// <summary>A local build's environment: no CI variables.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

    /// <summary>The repository whose base has <paramref name="mergedApprovals"/> approvals and <paramref name="otherFiles"/> other files, built on first use.</summary>
    public static ApprovalHistoryRepository OpenOrCreate(TextWriter log, int mergedApprovals, int otherFiles = 0)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "checkpoint-bench");
        var path = System.IO.Path.Combine(root, $"approval-history-{mergedApprovals}-{otherFiles}-{LayoutVersion}");
        var marker = path + ".complete";
        if (!File.Exists(marker))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            Directory.CreateDirectory(path);
            log.WriteLine($"Building the repository with {mergedApprovals} merged approvals and {otherFiles} other files in {path} (once) ...");
            var watch = Stopwatch.StartNew();
            Build(path, root, mergedApprovals, otherFiles);
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            log.WriteLine($"Built in {watch.Elapsed.TotalSeconds:0.0} s.");
        }

        return new ApprovalHistoryRepository(path, mergedApprovals, otherFiles);
    }

    private static void Build(string path, string root, int mergedApprovals, int otherFiles)
    {
        var key = Key(root);
        Git(path, null, "init", "--quiet", "--initial-branch=main");
        Git(path, null, "config", "user.name", "Bench");
        Git(path, null, "config", "user.email", "bench@example.com");

        var import = new StringBuilder();
        void File(string filePath, string content) =>
            import.Append(CultureInfo.InvariantCulture, $"M 100644 inline {filePath}\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");

        import.Append("commit refs/heads/main\ncommitter Bench <bench@example.com> 1700000000 +0000\ndata 10\nThe base.\n");
        File(".checkpoint/allowed_signers", $"{Approver} namespaces=\"{ApprovalManifest.SignatureNamespace}\" {System.IO.File.ReadAllText(key + ".pub").Trim()}\n");
        File("README.md", "# Service\n");
        for (var i = 0; i < 200; i++)
        {
            File($"src/Area{i:D3}/Service.cs", $"namespace Area{i:D3};\n\npublic static class Service\n{{\n    public static int Value => {i};\n}}\n");
        }

        for (var i = 0; i < mergedApprovals; i++)
        {
            // The shape of a real approval; the gate must never need to read them.
            var digest = i.ToString("x64", CultureInfo.InvariantCulture);
            File($".checkpoint/approvals/approver-{i:D5}.json", $"{{\n  \"schema\": \"checkpoint.approval/v1\",\n  \"repository\": \"github.com/contoso/service\",\n  \"digest\": \"sha256:{digest}\",\n  \"approver\": \"{Approver}\",\n  \"createdAt\": \"2025-01-01T00:00:00Z\",\n  \"expiresAt\": \"2025-01-15T00:00:00Z\"\n}}\n");
            File($".checkpoint/approvals/approver-{i:D5}.json.sig", "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n");
        }

        for (var i = 0; i < otherFiles; i++)
        {
            File($"docs/pages/page-{i:D5}.md", $"# Page {i}\n\nSome documentation that is not an approval.\n");
        }

        import.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{Branch}\ncommitter Copilot <198982749+Copilot@users.noreply.github.com> 1700000100 +0000\ndata 13\nAgent change.\nfrom refs/heads/main\n");
        for (var i = 0; i < 200; i += 10)
        {
            File($"src/Area{i:D3}/Service.cs", $"namespace Area{i:D3};\n\npublic static class Service\n{{\n    public static int Value => {i} + 1;\n}}\n");
        }

        import.Append("done\n");
        Git(path, Encoding.UTF8.GetBytes(import.ToString()), "fast-import", "--quiet", "--done");

        Git(path, null, "remote", "add", "origin", System.IO.Path.Combine(path, "origin-not-fetched.git"));
        Git(path, null, "update-ref", "refs/remotes/origin/main", "refs/heads/main");
        Git(path, null, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
        Git(path, null, "checkout", "--quiet", Branch);

        // The approval, exactly as an approver makes it: the manifest for this diff, signed with ssh-keygen.
        using (var resolution = ChangeResolver.Resolve(new ChangeRequest(path, CiEnvironment.FromVariables(Environment))))
        {
            var change = resolution.Change ?? throw new InvalidOperationException(resolution.Failure!.ToString());
            var manifest = change.CreateManifest(Approver, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(365)).Serialize();
            var manifestPath = System.IO.Path.Combine(path, ".checkpoint", "approvals", "alice-bench.json");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(manifestPath)!);
            System.IO.File.WriteAllBytes(manifestPath, manifest);
            ProcessRunner.RunChecked("ssh-keygen", ["-q", "-Y", "sign", "-f", key, "-n", ApprovalManifest.SignatureNamespace, manifestPath], path);
        }

        Git(path, null, "add", ".checkpoint/approvals/alice-bench.json", ".checkpoint/approvals/alice-bench.json.sig");
        Git(path, null, "-c", "user.name=Alice", "-c", "user.email=alice@example.com", "commit", "--quiet", "-m", "Approve the change");
    }

    private static string Key(string root)
    {
        var key = System.IO.Path.Combine(root, "approval-history-key");
        if (!System.IO.File.Exists(key))
        {
            Directory.CreateDirectory(root);
            ProcessRunner.RunChecked("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", Approver, "-f", key], root);
        }

        return key;
    }

    private static void Git(string directory, byte[]? input, params string[] arguments) =>
        Digest.SyntheticRepository.Git(directory, input, arguments);
}
