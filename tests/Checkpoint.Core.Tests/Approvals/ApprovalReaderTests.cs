using System.Text;
using Checkpoint.Core.Approvals;

namespace Checkpoint.Core.Tests.Approvals;

/// <summary>
/// What <see cref="ApprovalReader"/> makes of everything a branch can put in
/// <c>.checkpoint/approvals/</c>: one entry per approval, in path order, each with its manifest and
/// signature or the one reason it cannot be an approval, and a notice for what it skips.
/// </summary>
public sealed class ApprovalReaderTests
{
    private const string Folder = ".checkpoint/approvals";

    [Fact]
    public void EveryKindOfEntry_IsReportedOnceInPathOrder()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n").Commit("Change", TestRepository.CopilotAuthor);
        repo.Write($"{Folder}/alice.json", "{\"alice\": 1}")
            .Write($"{Folder}/alice.json.sig", "ALICE SIGNATURE")
            .Write($"{Folder}/unsigned.json", "{}")
            .Write($"{Folder}/orphan.json.sig", "NO MANIFEST")
            .Write($"{Folder}/README.md", "How to approve\n")
            .Write($"{Folder}/.gitkeep", string.Empty)
            .Write($"{Folder}/nested/bob.json", "{}")
            .Write($"{Folder}/nested/bob.json.sig", "BOB")
            .Write($"{Folder}/nested/carol.json", "{}")
            .Write($"{Folder}/..evil.json.txt", "not an approval, but a name that is not allowed")
            .Write($"{Folder}/..evil.json", "{}")
            .Write($"{Folder}/..evil.json.sig", "EVIL")
            .Write($"{Folder}/..lonely.json.sig", "LONELY")
            .Write($"{Folder}/\\back.json", "{}")
            .Write($"{Folder}/\\back.json.sig", "BACK")
            .Write($"{Folder}/exec.json", "{}")
            .Write($"{Folder}/exec.json.sig", "EXEC");
        File.CreateSymbolicLink(Path.Combine(repo.Root, Folder, "link.json"), "alice.json");
        repo.Write($"{Folder}/link.json.sig", "LINK");
        repo.Git("add", "-A");
        repo.Git("update-index", "--chmod=+x", $"{Folder}/exec.json");
        repo.CommitIndex("Approvals of every kind", TestRepository.CopilotAuthor);

        var (files, notices) = Read(repo);

        Assert.Equal(
            new[]
            {
                ($"{Folder}/..evil.json", "'.checkpoint/approvals/..evil.json' has a name that is not allowed for an approval"),
                ($"{Folder}/..evil.json.txt", "'.checkpoint/approvals/..evil.json.txt' has a name that is not allowed for an approval"),
                ($"{Folder}/..lonely.json.sig", "'.checkpoint/approvals/..lonely.json.sig' has a name that is not allowed for an approval"),
                ($"{Folder}/\\x5cback.json", "'.checkpoint/approvals/\\x5cback.json' has a name that is not allowed for an approval"),
                ($"{Folder}/alice.json", (string?)null),
                ($"{Folder}/exec.json", "'.checkpoint/approvals/exec.json' is mode 100755; approvals must be regular files directly in .checkpoint/approvals/"),
                ($"{Folder}/link.json", "'.checkpoint/approvals/link.json' is a symlink; approvals must be regular files directly in .checkpoint/approvals/"),
                ($"{Folder}/nested", "'.checkpoint/approvals/nested' is a subdirectory; approvals must be regular files directly in .checkpoint/approvals/"),
                ($"{Folder}/unsigned.json", "'.checkpoint/approvals/unsigned.json' has no signature '.checkpoint/approvals/unsigned.json.sig'"),
            },
            files.Select(f => (f.Path, f.Problem)));
        var alice = files.Single(f => f.Problem is null);
        Assert.Equal("{\"alice\": 1}", Encoding.UTF8.GetString(alice.Manifest!));
        Assert.Equal("ALICE SIGNATURE", alice.Signature);
        var unsigned = files.Single(f => f.Path.EndsWith("unsigned.json", StringComparison.Ordinal));
        Assert.Equal("{}", Encoding.UTF8.GetString(unsigned.Manifest!));
        Assert.Null(unsigned.Signature);
        Assert.All(files.Where(f => f.Problem != null && f != unsigned), f => Assert.Null(f.Manifest));
        Assert.Contains("'.checkpoint/approvals/orphan.json.sig' has no manifest next to it and was ignored", notices);
    }

    [Fact]
    public void SignatureForAManifestTheBranchDidNotChange_IsPairedWithHeadsManifest()
    {
        // The base already has the manifest (merged with an earlier change); the branch signs it anew.
        using var repo = TestRepository.Create();
        repo.Write($"{Folder}/kept.json", "{\"kept\": true}").Commit("An approval merged earlier");
        repo.PushMain();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n").Write($"{Folder}/kept.json.sig", "NEW SIGNATURE").Commit("Re-sign", TestRepository.CopilotAuthor);

        var (files, _) = Read(repo);

        var kept = Assert.Single(files);
        Assert.Equal($"{Folder}/kept.json", kept.Path);
        Assert.Null(kept.Problem);
        Assert.Equal("{\"kept\": true}", Encoding.UTF8.GetString(kept.Manifest!));
        Assert.Equal("NEW SIGNATURE", kept.Signature);
    }

    [Fact]
    public void ManifestNameThatIsAFolderInHead_IsNotARegularFile()
    {
        using var repo = TestRepository.Create();
        repo.Write($"{Folder}/odd.json/inner.txt", "a folder named like a manifest\n").Commit("An odd folder");
        repo.PushMain();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n").Write($"{Folder}/odd.json.sig", "SIGNATURE").Commit("Sign the folder", TestRepository.CopilotAuthor);

        var (files, _) = Read(repo);

        var odd = Assert.Single(files);
        Assert.Equal($"{Folder}/odd.json", odd.Path);
        Assert.Equal("'.checkpoint/approvals/odd.json' must be a regular file, not a tree", odd.Problem);
        Assert.Null(odd.Manifest);
    }

    [Fact]
    public void FolderReplacedByAFile_IsNotAPlainFolder()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n").Write(".checkpoint/approvals", "not a folder\n").Commit("Replace the folder", TestRepository.CopilotAuthor);

        var (files, _) = Read(repo);

        var folder = Assert.Single(files);
        Assert.Equal(Folder, folder.Path);
        Assert.Equal("'.checkpoint/approvals' is not a plain folder (mode 100644); approvals must be regular files in a real folder", folder.Problem);
    }

    [Fact]
    public void MoreThanAHundredApprovals_KeepsTheFirstHundredAndSaysSo()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n");
        for (var i = 0; i < ApprovalReader.MaxApprovals + 2; i++)
        {
            repo.Write($"{Folder}/a{i:000}.json", "{}").Write($"{Folder}/a{i:000}.json.sig", "SIG");
        }

        repo.Commit("Many approvals", TestRepository.CopilotAuthor);

        var (files, _) = Read(repo);

        Assert.Equal(ApprovalReader.MaxApprovals + 1, files.Count);
        Assert.Equal(ApprovalReader.MaxApprovals, files.Count(f => f.Problem is null));
        var extra = Assert.Single(files, f => f.Problem != null);
        Assert.Equal($"{Folder}/a100.json", extra.Path);
        Assert.Equal("the branch adds more than 100 approvals; keep the ones for its current digest", extra.Problem);
        Assert.DoesNotContain(files, f => f.Path == $"{Folder}/a101.json");
    }

    [Fact]
    public void ExactlyAHundredApprovals_AreAllRead()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n");
        for (var i = 0; i < ApprovalReader.MaxApprovals; i++)
        {
            repo.Write($"{Folder}/a{i:000}.json", "{}").Write($"{Folder}/a{i:000}.json.sig", "SIG");
        }

        repo.Commit("A hundred approvals", TestRepository.CopilotAuthor);

        var (files, _) = Read(repo);

        Assert.Equal(ApprovalReader.MaxApprovals, files.Count);
        Assert.All(files, f => Assert.Null(f.Problem));
    }

    [Fact]
    public void ApprovalsDeletedByTheBranch_AreNotRead()
    {
        using var repo = TestRepository.Create();
        repo.Write($"{Folder}/old.json", "{}").Write($"{Folder}/old.json.sig", "SIG").Commit("An approval merged earlier");
        repo.PushMain();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n").Delete($"{Folder}/old.json").Delete($"{Folder}/old.json.sig").Commit("Clean up", TestRepository.CopilotAuthor);

        var (files, notices) = Read(repo);

        Assert.Empty(files);
        Assert.DoesNotContain(notices, n => n.Contains("old.json", StringComparison.Ordinal));
    }

    [Fact]
    public void SignatureThatIsNotUtf8_IsReadWithReplacementCharacters()
    {
        // Decoding must not throw: the verifier then refuses the signature (CHK102) like any other bad one.
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("src/App.cs", "class App { }\n")
            .Write($"{Folder}/alice.json", "{}")
            .WriteBytes($"{Folder}/alice.json.sig", [0x2D, 0xFF, 0xFE, 0x2D])
            .Commit("Approval with a broken signature", TestRepository.CopilotAuthor);

        var (files, _) = Read(repo);

        var alice = Assert.Single(files);
        Assert.Null(alice.Problem);
        Assert.Equal("-\uFFFD\uFFFD-", alice.Signature);
    }

    [Fact]
    public void MissingArguments_AreNamed()
    {
        var none = Array.Empty<global::Checkpoint.Core.Digest.DiffEntry>();
        Assert.Equal("objects", Assert.Throws<ArgumentNullException>(() => ApprovalReader.Read(null!, "HEAD", none, new List<string>())).ParamName);

        using var repo = TestRepository.Create();
        using var resolution = repo.Resolve();
        var objects = resolution.Change!.Objects;
        Assert.Equal("changes", Assert.Throws<ArgumentNullException>(() => ApprovalReader.Read(objects, "HEAD", null!, new List<string>())).ParamName);
        Assert.Equal("notices", Assert.Throws<ArgumentNullException>(() => ApprovalReader.Read(objects, "HEAD", none, null!)).ParamName);
    }

    private static (IReadOnlyList<ApprovalFile> Files, IReadOnlyList<string> Notices) Read(TestRepository repo)
    {
        using var resolution = repo.Resolve();
        var change = resolution.Change ?? throw new InvalidOperationException(resolution.Failure!.ToString());
        return (change.Approvals, change.ApprovalNotices);
    }
}
