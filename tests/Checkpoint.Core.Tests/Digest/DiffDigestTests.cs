using System.Text;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Git;

namespace Checkpoint.Core.Tests.Digest;

/// <summary>The vectors here are the ones docs/diff-digest.md publishes; change both together.</summary>
public sealed class DiffDigestTests
{
    private const string HelloSha256 = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    [Fact]
    public void EmptyDiff_HashesOnlyTheVersionLine()
    {
        var digest = DiffDigest.FromEntries(Array.Empty<DigestEntry>());

        Assert.Equal("sha256:" + Sha256Hex("checkpoint-diff-digest/v1\n"), digest.Digest);
    }

    [Fact]
    public void EntryRecord_IsPathNulModesAndContentsSeparatedBySpaces()
    {
        var entry = DiffDigest.CreateEntry(GitPath.FromString("hello.txt"), "000000", "100644", "-", HelloSha256);

        Assert.Equal(
            Encoding.ASCII.GetBytes("hello.txt\0000000 100644 - " + HelloSha256 + "\n"),
            DiffDigest.EncodeRecord(entry));
        Assert.Equal("sha256:" + Sha256Hex("hello.txt\0000000 100644 - " + HelloSha256 + "\n"), entry.Hash);
    }

    [Fact]
    public void SpecVector1_AddedFile()
    {
        var digest = DiffDigest.FromEntries(new[]
        {
            DiffDigest.CreateEntry(GitPath.FromString("hello.txt"), "000000", "100644", "-", HelloSha256),
        });

        AssertDigest(SpecVector1, digest.Digest);
    }

    [Fact]
    public void Entries_AreSortedByPathBytesWhateverTheInputOrder()
    {
        var upper = DiffDigest.CreateEntry(GitPath.FromString("B.txt"), "100644", "000000", HelloSha256, "-");
        var lower = DiffDigest.CreateEntry(GitPath.FromString("a.txt"), "000000", "100644", "-", HelloSha256);
        var accented = DiffDigest.CreateEntry(GitPath.FromString("é.txt"), "000000", "160000", "-", "commit:" + new string('1', 40));

        var forward = DiffDigest.FromEntries(new[] { upper, lower, accented });
        var backward = DiffDigest.FromEntries(new[] { accented, lower, upper });

        Assert.Equal(forward.Digest, backward.Digest);
        Assert.Equal(new[] { "B.txt", "a.txt", "é.txt" }, forward.Entries.Select(e => e.Path.Display));
        AssertDigest(SpecVector2, forward.Digest);
    }

    [Fact]
    public void RepositoryVector_CoversEveryKindOfChange()
    {
        using var repo = BuildVectorRepository();

        var digest = ComputeBranchDigest(repo);

        Assert.Equal(
            new[]
            {
                "bin/tool.sh 100644 100755",
                "crlf.txt 000000 100644",
                "data.bin 000000 100644",
                "deleted.txt 100644 000000",
                "donn\u00e9es/r\u00e9sum\u00e9.txt 000000 100644",
                "link 000000 120000",
                "odd\\xff\\x0aname 000000 100644",
                "sub 000000 160000",
            },
            digest.Entries.Select(e => $"{e.Path.Display} {e.OldMode} {e.NewMode}"));
        Assert.Equal("commit:" + new string('a', 40), digest.Entries.Single(e => e.Path.Display == "sub").NewContent);
        Assert.Equal("sha256:" + Sha256Hex("crlf.txt"), digest.Entries.Single(e => e.Path.Display == "link").NewContent);
        Assert.Equal("sha256:" + Sha256Hex("line one\r\nline two\r\n"), digest.Entries.Single(e => e.Path.Display == "crlf.txt").NewContent);
        AssertDigest(RepositoryVector, digest.Digest);
    }

    [Theory]
    [InlineData("core.autocrlf=true")]
    [InlineData("core.autocrlf=input")]
    [InlineData("filter-and-textconv")]
    [InlineData("replace-refs")]
    [InlineData("all")]
    public void Digest_IsIndependentOfGitConfiguration(string configuration)
    {
        using var repo = BuildVectorRepository();
        var before = ComputeBranchDigest(repo).Digest;

        if (configuration is "core.autocrlf=true" or "all")
        {
            repo.Git("config", "core.autocrlf", "true");
        }

        if (configuration is "core.autocrlf=input")
        {
            repo.Git("config", "core.autocrlf", "input");
        }

        if (configuration is "filter-and-textconv" or "all")
        {
            File.WriteAllText(Path.Combine(repo.Root, ".git/info/attributes"), "* filter=shout diff=shout text eol=crlf\n");
            repo.Git("config", "filter.shout.clean", "tr a-z A-Z");
            repo.Git("config", "filter.shout.smudge", "tr a-z A-Z");
            repo.Git("config", "diff.shout.textconv", "tr a-z A-Z");
            repo.Git("config", "diff.external", "false");
        }

        if (configuration is "replace-refs" or "all")
        {
            // Replace the branch tip with the base commit: with replace refs honoured, the diff would be empty.
            // Also replace one blob by another, which would change its content hash.
            var baseCommit = repo.Git("rev-parse", "main");
            var crlfBlob = repo.Git("rev-parse", "HEAD:crlf.txt");
            var other = repo.Git("rev-parse", "main:deleted.txt");
            repo.Git("replace", "-f", crlfBlob, other);
            repo.Git("replace", "-f", "HEAD", baseCommit);
        }

        Assert.Equal(before, ComputeBranchDigest(repo).Digest);
        AssertDigest(RepositoryVector, before);
    }

    [Fact]
    public void ApprovalFiles_AreTheOnlyThingLeftOut()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a");
        var before = ComputeBranchDigest(repo).Digest;

        repo.Write(".checkpoint/approvals/x.json", "{}").Write(".checkpoint/approvals/x.json.sig", "sig").Commit("approval");
        Assert.Equal(before, ComputeBranchDigest(repo).Digest);

        repo.Write(".checkpoint/approvals.json", "{}").Commit("not an approval");
        Assert.NotEqual(before, ComputeBranchDigest(repo).Digest);
    }

    [Fact]
    public void ApprovalsFolderVector_LeavesOutOnlyAddedOrChangedRegularApprovalFiles()
    {
        using var repo = BuildApprovalsVectorRepository();

        var digest = ComputeBranchDigest(repo);

        Assert.Equal(
            new[]
            {
                ".checkpoint/approvals/link.json 000000 120000",
                ".checkpoint/approvals/notes.txt 000000 100644",
                ".checkpoint/approvals/old.json 100644 000000",
                ".checkpoint/approvals/retyped.json.sig 100644 100755",
                ".checkpoint/approvals/sub/b.json 000000 100644",
                ".checkpoint/approvals/tool.json 000000 100755",
            },
            digest.Entries.Select(e => $"{e.Path.Display} {e.OldMode} {e.NewMode}"));
        Assert.Equal(
            new[] { ".checkpoint/approvals/a.json", ".checkpoint/approvals/a.json.sig", ".checkpoint/approvals/kept.json" },
            digest.Changes.Where(c => c.IsApproval).Select(c => c.Path.Display).Order(StringComparer.Ordinal));
        AssertDigest(ApprovalsVector, digest.Digest);
    }

    [Theory]
    [InlineData(".checkpoint/approvals/x.json", "000000", "100644", true)]
    [InlineData(".checkpoint/approvals/x.json.sig", "100644", "100644", true)]
    [InlineData(".checkpoint/approvals/.json", "000000", "100644", true)]
    [InlineData(".checkpoint/approvals/x.json", "100644", "000000", false)]
    [InlineData(".checkpoint/approvals/x.json", "120000", "100644", false)]
    [InlineData(".checkpoint/approvals/x.json", "000000", "100755", false)]
    [InlineData(".checkpoint/approvals/x.json", "000000", "120000", false)]
    [InlineData(".checkpoint/approvals/x.json", "000000", "160000", false)]
    [InlineData(".checkpoint/approvals/x.JSON", "000000", "100644", false)]
    [InlineData(".checkpoint/approvals/x.json.txt", "000000", "100644", false)]
    [InlineData(".checkpoint/approvals/sub/x.json", "000000", "100644", false)]
    [InlineData(".checkpoint/approvals.json", "000000", "100644", false)]
    [InlineData(".checkpoint/approvalsx/x.json", "000000", "100644", false)]
    [InlineData("src/.checkpoint/approvals/x.json", "000000", "100644", false)]
    public void ApprovalPaths_LeaveOutOnlyRegularApprovalFilesDirectlyInTheFolder(string path, string oldMode, string newMode, bool leftOut)
    {
        Assert.Equal(leftOut, ApprovalPaths.IsLeftOut(GitPath.FromString(path), oldMode, newMode));
    }

    [Theory]
    [InlineData("src/Payload.cs", "../.checkpoint/approvals/payload.json", true)]
    [InlineData("src/deep/Payload.cs", "../../.checkpoint/approvals", true)]
    [InlineData("src/root", "..", true)]
    [InlineData("link", ".checkpoint", true)]
    [InlineData("link", "./.checkpoint/approvals/../approvals/x.json", true)]
    [InlineData("link", "/home/runner/work/repo/.checkpoint/approvals/x.json", true)]
    [InlineData("docs/README.md", "../README.md", false)]
    [InlineData("link", ".checkpoint/policy.json", false)]
    [InlineData("link", "../../outside", false)]
    [InlineData("link", "/usr/share/dict/words", false)]
    public void SymlinkTargets_ThatReachTheApprovalsFolder_AreRecognised(string link, string target, bool reaches)
    {
        Assert.Equal(reaches, ApprovalPaths.IsReachedBySymlink(link, target));
    }

    [Fact]
    public void LargeBlob_IsHashedByStreaming()
    {
        using var repo = TestRepository.Create();
        var large = new byte[24 * 1024 * 1024];
        new Random(7).NextBytes(large);
        repo.Branch("copilot/big").WriteBytes("big.bin", large).Commit("big");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var digest = ComputeBranchDigest(repo);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The blob is streamed through the hash: allocation stays far below its 24 MB.
        Assert.InRange(allocated, 0, 4 * 1024 * 1024);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(large)), digest.Entries.Single().NewContent);
    }

    // Published in docs/diff-digest.md.
    internal const string SpecVector1 = "sha256:a97eb71e103fd221939e76639aa450a611a42acbb23ac74618b00b1be2dd9d5c";
    internal const string SpecVector2 = "sha256:363b0d0828f54a1c4580805e12834ef503e6e2bc4893f1291a1afbcba9f5c34a";
    internal const string RepositoryVector = "sha256:0c3ae82e53eeabe00394f1a6e4ccd52b5454db343f8173b5cd18caecd394fed0";
    internal const string ApprovalsVector = "sha256:1e5829978746fc09bbbff68bb21aa9fb5aa54698efef5cb5bd7352a1a4713f7d";

    internal static TestRepository BuildVectorRepository()
    {
        var repo = TestRepository.Create();
        repo.Checkout("main");
        repo.Write("deleted.txt", "to be deleted\n").Write("bin/tool.sh", "#!/bin/sh\necho tool\n").Commit("Vector base");
        repo.PushMain();
        repo.Branch("copilot/vector");
        repo.Delete("deleted.txt");
        repo.Git("update-index", "--chmod=+x", "bin/tool.sh");
        repo.StageBlob(Encoding.UTF8.GetBytes("crlf.txt"), Encoding.ASCII.GetBytes("line one\r\nline two\r\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes("data.bin"), new byte[] { 0, 1, 2, 0xfe, 0xff, 0, 13, 10 });
        repo.StageBlob(Encoding.UTF8.GetBytes("donn\u00e9es/r\u00e9sum\u00e9.txt"), Encoding.UTF8.GetBytes("caf\u00e9\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes("link"), Encoding.UTF8.GetBytes("crlf.txt"), "120000");
        repo.StageBlob(new byte[] { (byte)'o', (byte)'d', (byte)'d', 0xff, (byte)'\n', (byte)'n', (byte)'a', (byte)'m', (byte)'e' }, Encoding.ASCII.GetBytes("odd\n"));
        repo.StageEntry(Encoding.UTF8.GetBytes("sub"), "160000", "commit", new string('a', 40));
        repo.CommitIndex("Vector changes", TestRepository.CopilotAuthor);
        return repo;
    }

    /// <summary>Vector 4 of docs/diff-digest.md: every kind of change in the approvals folder.</summary>
    internal static TestRepository BuildApprovalsVectorRepository()
    {
        var repo = TestRepository.Create();
        repo.Checkout("main");
        repo.Write(".checkpoint/approvals/old.json", "old\n").Write(".checkpoint/approvals/kept.json", "kept\n").Write(".checkpoint/approvals/retyped.json.sig", "sig\n").Commit("Approvals on the base");
        repo.PushMain();
        repo.Branch("copilot/approvals");
        repo.Delete(".checkpoint/approvals/old.json");
        repo.Git("update-index", "--chmod=+x", ".checkpoint/approvals/retyped.json.sig");
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/kept.json"), Encoding.UTF8.GetBytes("kept, changed\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/a.json"), Encoding.UTF8.GetBytes("{}\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/a.json.sig"), Encoding.UTF8.GetBytes("signature\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/tool.json"), Encoding.UTF8.GetBytes("{}\n"), "100755");
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/notes.txt"), Encoding.UTF8.GetBytes("notes\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/sub/b.json"), Encoding.UTF8.GetBytes("{}\n"));
        repo.StageBlob(Encoding.UTF8.GetBytes(".checkpoint/approvals/link.json"), Encoding.UTF8.GetBytes("a.json"), "120000");
        repo.CommitIndex("Approvals folder changes", TestRepository.CopilotAuthor);
        return repo;
    }

    internal static DiffDigest ComputeBranchDigest(TestRepository repo)
    {
        using var git = GitRepository.Open(repo.Root);
        var head = git.ResolveCommit("HEAD")!;
        var mergeBase = git.MergeBase(git.ResolveCommit("refs/remotes/origin/main")!, head)!;
        return DiffDigest.Compute(git, mergeBase, head);
    }

    private static void AssertDigest(string expected, string actual)
    {
        if (expected != actual)
        {
            throw new Xunit.Sdk.XunitException($"Expected digest {expected}\nActual digest   {actual}");
        }
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
