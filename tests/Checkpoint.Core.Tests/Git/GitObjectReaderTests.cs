using System.Text;
using Checkpoint.Core.Git;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// Objects read through the one <c>git cat-file --batch</c> process: bytes exactly as stored, a size
/// limit, names that do not resolve, trees at any depth, and a reader that stops for good once an
/// answer is out of step, so that a half-read object is never taken for a whole one.
/// </summary>
public sealed class GitObjectReaderTests
{
    [Fact]
    public void Blob_IsReadAsStored_WithItsIdAndType()
    {
        using var repo = TestRepository.Create();
        repo.WriteBytes("data.bin", new byte[] { 0, 1, 2, 0xff, (byte)'\n' }).Commit("Data");
        using var git = GitRepository.Open(repo.Root);

        var blob = git.Objects.Read("HEAD:data.bin", 5)!;

        Assert.Equal(repo.Git("rev-parse", "HEAD:data.bin"), blob.Id);
        Assert.Equal("blob", blob.Type);
        Assert.Equal(new byte[] { 0, 1, 2, 0xff, (byte)'\n' }, blob.Content);
    }

    [Fact]
    public void ObjectLargerThanTheLimit_IsSkipped_AndTheReaderGoesOn()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        var ex = Assert.Throws<InvalidDataException>(() => git.Objects.Read("HEAD:README.md", 6));

        Assert.Equal("'HEAD:README.md' is 7 bytes; the limit is 6", ex.Message);
        Assert.Equal("# Demo\n", Encoding.UTF8.GetString(git.Objects.Read("HEAD:README.md", 7)!.Content));
    }

    [Theory]
    [InlineData("HEAD:missing.txt")]
    [InlineData("0123456789012345678901234567890123456789")]
    [InlineData("nonexistent-branch")]
    public void NameThatDoesNotResolve_IsNull_AndTheReaderGoesOn(string name)
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Null(git.Objects.Read(name, 1024));
        Assert.Null(git.Objects.ReadCommit(name));
        Assert.Null(git.Objects.ReadTree(name));
        Assert.Null(git.Objects.ListFiles(name));
        Assert.NotNull(git.Objects.Read("HEAD", 1024));
    }

    [Fact]
    public void Commit_GivesItsTreeAndParents_AndATagIsPeeled()
    {
        using var repo = TestRepository.Create();
        var first = repo.Git("rev-parse", "HEAD");
        repo.Branch("side").Write("side.txt", "s\n").Commit("Side");
        var side = repo.Git("rev-parse", "HEAD");
        repo.Checkout("main").Write("main.txt", "m\n").Commit("Main");
        var merge = repo.Merge("side");
        repo.Git("tag", "-a", "-m", "release", "v1", merge);
        using var git = GitRepository.Open(repo.Root);

        var commit = git.Objects.ReadCommit("v1")!;

        Assert.Equal(merge, commit.Id);
        Assert.Equal(repo.Git("rev-parse", merge + "^{tree}"), commit.Tree);
        Assert.Equal(new[] { repo.Git("rev-parse", merge + "^1"), side }, commit.Parents);
        Assert.Empty(git.Objects.ReadCommit(first)!.Parents);
        Assert.Null(git.Objects.ReadCommit("HEAD:README.md"));
    }

    [Fact]
    public void Tree_ListsItsEntriesWithModesTypesAndPathsUnderThePrefix()
    {
        using var repo = TestRepository.Create();
        repo.Write("dir/a.txt", "a\n").Write("dir/run.sh", "echo\n").Write("dir/sub/b.txt", "b\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "dir", "link"), "a.txt");
        repo.Git("add", "-A");
        repo.Git("update-index", "--chmod=+x", "dir/run.sh");
        var commit = repo.CommitIndex("Tree");
        repo.StageEntry(Encoding.UTF8.GetBytes("dir/module"), "160000", "commit", commit);
        var withModule = repo.CommitIndex("Module");
        using var git = GitRepository.Open(repo.Root);

        var entries = git.Objects.ReadTree(withModule + ":dir", "dir")!;

        Assert.Equal(
            new[]
            {
                ("100644", "blob", "dir/a.txt", true, false, false),
                ("120000", "blob", "dir/link", false, true, false),
                ("160000", "commit", "dir/module", false, false, false),
                ("100755", "blob", "dir/run.sh", true, false, false),
                ("040000", "tree", "dir/sub", false, false, true),
            },
            entries.Select(e => (e.Mode, e.Type, e.Path.Display, e.IsRegularFile, e.IsSymbolicLink, e.IsDirectory)));
        Assert.Equal(repo.Git("rev-parse", withModule + ":dir/a.txt"), entries[0].ObjectId);
        Assert.Equal(commit, entries[2].ObjectId);
        Assert.Equal(new[] { "a.txt", "link" }, git.Objects.ReadTree(withModule + ":dir")!.Take(2).Select(e => e.Path.Display));
        Assert.Equal(new[] { "dir/a.txt" }, git.Objects.ReadTree(withModule + ":dir", "dir/")!.Take(1).Select(e => e.Path.Display));
        Assert.Equal(new[] { "x/a.txt" }, git.Objects.ReadTree(withModule + ":dir", "x/")!.Take(1).Select(e => e.Path.Display));
    }

    [Fact]
    public void Files_AreEveryBlobSymlinkAndGitlinkAtAnyDepth_InPathOrder()
    {
        using var repo = TestRepository.Create();
        repo.Write("z.txt", "z\n").Write("a/b/c/d.txt", "d\n").Write("a/b.txt", "b\n").Write("a-b.txt", "ab\n");
        var commit = repo.Commit("Deep");
        using var git = GitRepository.Open(repo.Root);

        var files = git.Objects.ListFiles(commit + "^{tree}")!;

        Assert.Equal(
            repo.Git("ls-tree", "-r", "--name-only", commit).Split('\n').Order(StringComparer.Ordinal),
            files.Select(f => f.Path.Display));
        Assert.Equal(new[] { "a/b.txt", "a/b/c/d.txt" }, git.Objects.ListFiles(commit + ":a", "a")!.Select(f => f.Path.Display));
        Assert.Empty(git.Objects.ListFiles(repo.Git("hash-object", "-t", "tree", "-w", "/dev/null"))!);
    }

    [Fact]
    public void NameOfAFile_IsNotATree()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal("'HEAD:README.md' is a blob, not a folder", Assert.Throws<InvalidDataException>(() => git.Objects.ReadTree("HEAD:README.md")).Message);
        Assert.Throws<InvalidDataException>(() => git.Objects.ListFiles("HEAD:README.md"));
    }

    [Fact]
    public void ManyObjects_AreReadInOneExchange_EachBoundedToItsSize()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);
        var names = new[] { "HEAD:README.md", "HEAD:missing", "HEAD:src/App.cs", "HEAD:README.md" };
        var seen = new List<string>();

        git.Objects.ReadBlobs(names, (name, header, content) =>
        {
            if (header is null)
            {
                seen.Add(name + " missing");
                Assert.Equal(-1, content.ReadByte());
                return;
            }

            // Read only a part: the rest is skipped, and the next answer starts where it should.
            var buffer = new byte[100];
            var read = content.Read(buffer, 0, 3);
            seen.Add($"{name} {header.Type} {header.Size} {Encoding.ASCII.GetString(buffer, 0, read)}");
            Assert.False(content.CanSeek);
            Assert.False(content.CanWrite);
            Assert.True(content.CanRead);
        });

        var appSize = repo.Git("cat-file", "-s", "HEAD:src/App.cs");
        Assert.Equal(new[] { "HEAD:README.md blob 7 # D", "HEAD:missing missing", $"HEAD:src/App.cs blob {appSize} cla", "HEAD:README.md blob 7 # D" }, seen);
        Assert.Equal(1, git.GitProcessesStarted - ProbeProcesses(repo));
    }

    [Fact]
    public void ContentStream_EndsAtTheObjectsEnd()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);
        var text = string.Empty;

        git.Objects.ReadBlobs(new[] { "HEAD:README.md", "HEAD:README.md" }, (_, _, content) =>
        {
            using var reader = new StreamReader(content, Encoding.UTF8, false, 1, leaveOpen: true);
            text += reader.ReadToEnd() + "|";
            Assert.Equal(0, content.Read(new byte[10], 0, 10));
        });

        Assert.Equal("# Demo\n|# Demo\n|", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HEAD\n:README.md")]
    [InlineData("HEAD\r")]
    [InlineData("\nHEAD")]
    [InlineData("\rHEAD")]
    [InlineData("\0HEAD")]
    [InlineData("HEAD\0:README.md")]
    public void NameThatIsNotOneLine_IsRefusedBeforeGitIsAsked(string name)
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        var ex = Assert.Throws<ArgumentException>(() => git.Objects.Read(name, 1024));

        Assert.StartsWith("an object name must be non-empty, on one line and without NUL", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ProbeProcesses(repo), git.GitProcessesStarted);
    }

    [Fact]
    public void NoNames_IsNoExchange()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);
        var calls = 0;

        git.Objects.ReadBlobs(Array.Empty<string>(), (_, _, _) => calls++);

        Assert.Equal(0, calls);
        Assert.Equal(ProbeProcesses(repo), git.GitProcessesStarted);
        Assert.Equal("names", Assert.Throws<ArgumentNullException>(() => git.Objects.ReadBlobs(null!, (_, _, _) => { })).ParamName);
        Assert.Equal("onObject", Assert.Throws<ArgumentNullException>(() => git.Objects.ReadBlobs(Array.Empty<string>(), null!)).ParamName);
    }

    [Fact]
    public void CallerThatThrowsMidAnswer_EndsTheReader()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Throws<FormatException>(() => git.Objects.ReadBlobs(new[] { "HEAD:README.md" }, (_, _, _) => throw new FormatException("caller")));
        var ex = Assert.Throws<GitException>(() => git.Objects.Read("HEAD", 1024));

        Assert.Equal(GitFailureKind.CommandFailed, ex.Kind);
        Assert.Equal("'git cat-file --batch' cannot be used any more: a caller stopped reading in the middle of an answer", ex.Message);
        git.Dispose();
        Assert.Equal(ex.Message, Assert.Throws<GitException>(() => git.Objects.Read("HEAD", 1024)).Message);
    }

    [Fact]
    public void ClosedReader_RefusesEveryRequest()
    {
        using var repo = TestRepository.Create();
        var git = GitRepository.Open(repo.Root);
        Assert.NotNull(git.Objects.Read("HEAD", 1024));

        git.Dispose();
        git.Dispose();

        var ex = Assert.Throws<GitException>(() => git.Objects.Read("HEAD", 1024));
        Assert.Equal("'git cat-file --batch' cannot be used any more: the object reader was closed", ex.Message);
        Assert.Equal("'git diff-tree --stdin' cannot be used any more: the tree comparison was closed", Assert.Throws<GitException>(() => git.Trees.Compare(null, "4b825dc642cb6eb9a060e54bf8d69288fbee4904")).Message);
    }

    [Fact]
    public void CatFileThatDies_FailsTheRead_AndTheReaderStaysClosed()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-dies", "echo 'fatal: object store is corrupt' >&2\nexit 128");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));

        var ex = Assert.Throws<GitException>(() => reader.Read("HEAD", 1024));

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal("'git cat-file --batch' could not read 'HEAD': it ended early: object store is corrupt", ex.Message);
        Assert.Equal("'git cat-file --batch' cannot be used any more: " + ex.Message, Assert.Throws<GitException>(() => reader.Read("HEAD", 1024)).Message);
        reader.Dispose();
        Assert.Equal("'git cat-file --batch' cannot be used any more: " + ex.Message, Assert.Throws<GitException>(() => reader.Read("HEAD", 1024)).Message);
    }

    [Theory]
    [InlineData("printf 'abc blob\\n'", "'git cat-file --batch' answered 'abc blob' for 'HEAD'")]
    [InlineData("printf 'abc blob'", "'git cat-file --batch' answered 'abc blob' for 'HEAD'")]
    [InlineData("printf '0123456789012345678901234567890123456789 blob x\\n'", "'git cat-file --batch' answered '0123456789012345678901234567890123456789 blob x' for 'HEAD'")]
    [InlineData("printf '0123456789012345678901234567890123456789 blob -1\\n'", "'git cat-file --batch' answered '0123456789012345678901234567890123456789 blob -1' for 'HEAD'")]
    [InlineData("printf 'xyz3456789012345678901234567890123456789 blob 1\\nA\\n'", "'git cat-file --batch' answered 'xyz3456789012345678901234567890123456789 blob 1' for 'HEAD'")]
    [InlineData("printf '0123456789012345678901234567890123456789 blob 3\\nab'", "'git cat-file --batch' ended inside an object")]
    [InlineData("printf '0123456789012345678901234567890123456789 blob 2\\nabX'", "'git cat-file --batch' output is malformed after 0123456789012345678901234567890123456789")]
    public void AnswerThatIsNotOne_FailsTheRead(string answer, string message)
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-lies", $"read request\n{answer}");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));

        var ex = Assert.Throws<GitException>(() => reader.Read("HEAD", 1024));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void UppercaseIdInAnAnswer_IsLowered()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-in-capitals", "read request\nprintf 'ABCDEF6789012345678901234567890123456789 blob 2\\nhi\\n'");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));

        var blob = reader.Read("HEAD", 1024)!;

        Assert.Equal(("abcdef6789012345678901234567890123456789", "blob", "hi"), (blob.Id, blob.Type, Encoding.ASCII.GetString(blob.Content)));
    }

    [Fact]
    public void AmbiguousName_IsNull_AndTheReaderGoesOn()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-in-doubt", "read a\nread b\nprintf 'abc ambiguous\\n0123456789012345678901234567890123456789 blob 1\\nx\\n'");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit));
        var answers = new List<string>();

        reader.ReadBlobs(new[] { "abc", "HEAD" }, (name, header, _) => answers.Add(name + " " + (header?.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")));

        Assert.Equal(new[] { "abc none", "HEAD 1" }, answers);
    }

    [Fact]
    public void HungCatFile_IsStopped_AndSaysSo()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Create(repo.Folder, "git-that-hangs", "exec sleep 30");
        using var reader = new GitObjectReader(new GitCli(repo.Root, fakeGit) { Timeout = TimeSpan.FromSeconds(1) });

        var ex = Assert.Throws<GitException>(() => reader.Read("HEAD", 1024));

        Assert.Equal("'git cat-file --batch' could not read 'HEAD': it did not answer within 1 seconds and was stopped", ex.Message);
        Assert.Equal("'git cat-file --batch' cannot be used any more: it did not answer within 1 seconds and was stopped", Assert.Throws<GitException>(() => reader.Read("HEAD", 1024)).Message);
    }

    [Fact]
    public void ObjectOverTheLimit_IsNeverLoaded()
    {
        using var repo = TestRepository.Create();
        repo.WriteBytes("large.bin", new byte[8 * 1024 * 1024]).Commit("Large");
        using var git = GitRepository.Open(repo.Root);
        Assert.NotNull(git.Objects.Read("HEAD:README.md", 1024));

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => git.Objects.Read("HEAD:large.bin", 1024));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated to skip an object over the limit");
    }

    [Fact]
    public void LargeTree_IsRead()
    {
        using var repo = TestRepository.Create();
        for (var i = 0; i < 20; i++)
        {
            repo.Write($"folder/file-with-a-long-name-{i:00}.txt", $"{i}\n");
        }

        var commit = repo.Commit("Twenty files");
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal(20, git.Objects.ReadTree(commit + ":folder")!.Count);
    }

    [Fact]
    public void FolderWhoseTreeIsMissing_FailsTheListing()
    {
        using var repo = TestRepository.Create();
        var missing = "0123456789012345678901234567890123456789";
        var root = Encoding.ASCII.GetString(repo.GitBytes($"040000 tree {missing}\tsub\n100644 blob {repo.Git("rev-parse", "HEAD:README.md")}\tREADME.md\n", "mktree", "--missing")).Trim();
        using var git = GitRepository.Open(repo.Root);

        var ex = Assert.Throws<GitException>(() => git.Objects.ListFiles(root));

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal("folder 'sub' cannot be read as a tree", ex.Message);
    }

    [Fact]
    public void OneReader_KeepsOneProcess_AndReadsTheIndex()
    {
        using var repo = TestRepository.Create();
        repo.Write("staged.txt", "staged\n");
        repo.Git("add", "staged.txt");
        using var git = GitRepository.Open(repo.Root);

        Assert.NotNull(git.Objects.Read("HEAD", 1024));
        Assert.Equal("staged\n", Encoding.UTF8.GetString(git.Objects.Read(":staged.txt", 1024)!.Content));

        Assert.Equal(1, git.GitProcessesStarted - ProbeProcesses(repo));
    }

    [Fact]
    public void RequestLargerThanThePipe_IsWrittenWhileTheAnswersAreRead()
    {
        using var repo = TestRepository.Create();
        using var reader = new GitObjectReader(new GitCli(repo.Root) { Timeout = TimeSpan.FromSeconds(30) });
        // 2,000 names of 200 bytes that name nothing: git's answers ("<name> missing") are as long as
        // the requests, so written in one go, the request and the answers fill both pipes.
        var names = Enumerable.Range(0, 2000).Select(i => $"HEAD:{i:0000}{new string('x', 195)}").ToList();
        var missing = 0;

        reader.ReadBlobs(names, (_, header, _) => missing += header is null ? 1 : 0);

        Assert.Equal(2000, missing);
    }

    [Theory]
    [InlineData("tree 1111111111111111111111111111111111111111\ntree 2222222222222222222222222222222222222222\nparent 3333333333333333333333333333333333333333\n\nm", "1111111111111111111111111111111111111111", "3333333333333333333333333333333333333333")]
    [InlineData("parent 3333333333333333333333333333333333333333\ntree 1111111111111111111111111111111111111111", "1111111111111111111111111111111111111111", "3333333333333333333333333333333333333333")]
    [InlineData("tree 1111111111111111111111111111111111111111\n\nparent 4444444444444444444444444444444444444444\ntree 5555555555555555555555555555555555555555\n", "1111111111111111111111111111111111111111", "")]
    public void CommitHeaders_AreReadUpToTheMessage_TheFirstTreeCounting(string content, string tree, string parent)
    {
        using var fake = new FakeObject(content);

        var commit = fake.Reader.ReadCommit("HEAD")!;

        Assert.Equal(tree, commit.Tree);
        Assert.Equal(parent.Length == 0 ? Array.Empty<string>() : new[] { parent }, commit.Parents);
    }

    [Theory]
    [InlineData("parent 3333333333333333333333333333333333333333\n\ntree 1111111111111111111111111111111111111111\n")]
    [InlineData("\n\ntree 1111111111111111111111111111111111111111\n")]
    public void CommitWithoutATreeInItsHeaders_IsRefused(string content)
    {
        using var fake = new FakeObject(content);

        var ex = Assert.Throws<GitException>(() => fake.Reader.ReadCommit("HEAD"));

        Assert.Equal("commit 0123456789012345678901234567890123456789 has no tree", ex.Message);
    }

    [Theory]
    [InlineData("0123456789012345678901234567890123456789", true)]
    [InlineData("ABCDEF0123456789abcdef0123456789ABCDEF01", true)]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123", true)]
    [InlineData("012345678901234567890123456789012345678", false)]
    [InlineData("01234567890123456789012345678901234567890", false)]
    [InlineData("012345678901234567890123456789012345678901234567890123456789012", false)]
    [InlineData("g123456789012345678901234567890123456789", false)]
    [InlineData("G123456789012345678901234567890123456789", false)]
    [InlineData("/123456789012345678901234567890123456789", false)]
    [InlineData(":123456789012345678901234567890123456789", false)]
    [InlineData("@123456789012345678901234567890123456789", false)]
    [InlineData("`123456789012345678901234567890123456789", false)]
    [InlineData("", false)]
    public void ObjectId_IsFortyOrSixtyFourHexDigits(string text, bool expected)
    {
        Assert.Equal(expected, GitObjectReader.IsObjectId(text));
    }

    [Theory]
    [InlineData("100644 a")]
    [InlineData("100644 a\0short")]
    [InlineData("100644a\0")]
    [InlineData("100644 a-name-without-its-nul-and-longer-than-an-id")]
    [InlineData("100644 a\0" + "1234567890123456789")]
    [InlineData(" a\0" + "12345678901234567890")]
    [InlineData("1006448 a\0" + "12345678901234567890")]
    [InlineData("100x44 a\0" + "12345678901234567890")]
    public void TreeObjectThatIsCutShort_IsRefused(string content)
    {
        var ex = Assert.Throws<GitException>(() => GitObjectReader.ParseTree(Encoding.ASCII.GetBytes(content), string.Empty, 20));

        Assert.Equal("a tree object is malformed", ex.Message);
    }

    [Fact]
    public void TreeObject_OfSha256Ids_IsRead()
    {
        var id = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var content = Encoding.ASCII.GetBytes("40000 sub\0").Concat(id).Concat(Encoding.ASCII.GetBytes("100644 f\0")).Concat(id).ToArray();

        var entries = GitObjectReader.ParseTree(content, "p", 32);

        var hex = string.Concat(id.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new[] { ("040000", "tree", hex, "p/sub"), ("100644", "blob", hex, "p/f") }, entries.Select(e => (e.Mode, e.Type, e.ObjectId, e.Path.Display)));
        Assert.Null(entries[0].Size);
    }

    private static int ProbeProcesses(TestRepository repo)
    {
        using var probe = GitRepository.Open(repo.Root);
        return probe.GitProcessesStarted;
    }

    /// <summary>A reader whose git answers any request with one commit object of the given content.</summary>
    private sealed class FakeObject : IDisposable
    {
        private readonly string _folder = ScratchFolder.Create("checkpoint-fake-object-");

        public FakeObject(string content)
        {
            var file = Path.Combine(_folder, "object");
            File.WriteAllText(file, content);
            var fakeGit = FakeGit.Create(_folder, "git", $"read request\nprintf '0123456789012345678901234567890123456789 commit {Encoding.UTF8.GetByteCount(content)}\\n'\ncat '{file}'\nprintf '\\n'\ncat > /dev/null");
            Reader = new GitObjectReader(new GitCli(_folder, fakeGit));
        }

        public GitObjectReader Reader { get; }

        public void Dispose()
        {
            Reader.Dispose();
            ScratchFolder.Delete(_folder);
        }
    }
}
