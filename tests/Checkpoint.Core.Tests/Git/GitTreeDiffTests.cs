using System.Text;
using Checkpoint.Core.Git;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// The batched tree comparison (one <c>git diff-tree --stdin</c> for many pairs) must give each pair
/// exactly what <c>git diff-tree -r --raw --no-renames</c> gives for it alone, or the audit's digests
/// would differ from the gate's; and a pair git cannot compare must fail the comparison, never come
/// back as "no change".
/// </summary>
public sealed class GitTreeDiffTests
{
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private const string First = "1111111111111111111111111111111111111111";
    private const string Second = "2222222222222222222222222222222222222222";
    private const string Zeros200 = "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public void EveryKindOfChange_IsWhatDiffTreeSays()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.txt", "a\n").Write("dir/b.txt", "b\n").Write("dir/sub/c.txt", "c\n").Write("x", "file\n").Write("run.sh", "echo\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "link"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "becomes-file"), "a.txt");
        repo.Git("update-index", "--add", "--chmod=+x", "run.sh");
        var before = repo.Commit("Before");

        repo.Write("a.txt", "changed\n").Delete("dir/b.txt");
        File.Delete(Path.Combine(repo.Root, "x"));
        repo.Write("x/y.txt", "now a folder\n");
        Directory.Delete(Path.Combine(repo.Root, "dir", "sub"), recursive: true);
        repo.Write("dir/sub", "now a file\n");
        File.Delete(Path.Combine(repo.Root, "link"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "link"), "dir");
        File.Delete(Path.Combine(repo.Root, "becomes-file"));
        repo.Write("becomes-file", "regular\n").Write("new/deep/z.txt", "z\n");
        repo.Git("add", "-A");
        repo.Git("update-index", "--chmod=-x", "run.sh");
        repo.StageEntry(Encoding.UTF8.GetBytes("vendor/module"), "160000", "commit", before);
        repo.StageBlob([0x6e, 0x6f, 0x6e, 0xff, 0x2e, 0x74, 0x78, 0x74], "latin-1 name\n"u8.ToArray());
        var after = repo.CommitIndex("After");

        AssertSameAsGit(repo, before, after);
        AssertSameAsGit(repo, after, before);
        AssertSameAsGit(repo, null, after);
        AssertSameAsGit(repo, before, null);
    }

    [Fact]
    public void LegacyGroupWritableMode_IsCanonicalizedAsGitDoes()
    {
        using var repo = TestRepository.Create();
        var blob = Encoding.ASCII.GetString(repo.GitBytes("legacy\n"u8.ToArray(), "hash-object", "-w", "--stdin")).Trim();
        var legacy = Encoding.ASCII.GetString(repo.GitBytes(Encoding.ASCII.GetBytes($"100664 blob {blob}\tlegacy.txt\n"), "mktree", "--missing")).Trim();
        var plain = Encoding.ASCII.GetString(repo.GitBytes(Encoding.ASCII.GetBytes($"100755 blob {blob}\tlegacy.txt\n"), "mktree", "--missing")).Trim();
        var first = repo.Git("commit-tree", legacy, "-m", "legacy");
        var second = repo.Git("commit-tree", plain, "-p", first, "-m", "executable");

        AssertSameAsGit(repo, first, second);
    }

    [Fact]
    public void RandomHistories_AgreeWithDiffTree_OneByOneAndInOneBatch()
    {
        using var repo = TestRepository.Create();
        var random = new Random(1517);
        var paths = new[] { "a", "b/c", "b/d/e", "b/d/f", "g/h", "g", "i.cs", "j/k/l/m.txt", "b" };
        var commits = new List<string> { repo.Git("rev-parse", "HEAD") };
        for (var step = 0; step < 25; step++)
        {
            for (var change = 0; change < 4; change++)
            {
                var path = paths[random.Next(paths.Length)];
                var full = Path.Combine(repo.Root, path);
                if (random.Next(3) == 0)
                {
                    if (File.Exists(full))
                    {
                        File.Delete(full);
                    }
                    else if (Directory.Exists(full))
                    {
                        Directory.Delete(full, recursive: true);
                    }

                    continue;
                }

                // A path that is a folder or sits under a file cannot be written: clear the way, as a change would.
                if (Directory.Exists(full))
                {
                    Directory.Delete(full, recursive: true);
                }

                for (var parent = Path.GetDirectoryName(full); parent != null && parent.Length > repo.Root.Length; parent = Path.GetDirectoryName(parent))
                {
                    if (File.Exists(parent))
                    {
                        File.Delete(parent);
                    }
                }

                repo.Write(path, $"{step}-{change}-{random.Next(5)}\n");
            }

            commits.Add(repo.Commit("step " + step));
        }

        using var git = GitRepository.Open(repo.Root);
        var differ = git.Trees;
        var pairs = new List<(string?, string?)>();
        for (var i = 0; i < 40; i++)
        {
            pairs.Add((commits[random.Next(commits.Count)], commits[random.Next(commits.Count)]));
        }

        var batch = differ.Compare(pairs.Select(p => (Tree(repo, p.Item1), Tree(repo, p.Item2))).ToList());
        for (var i = 0; i < pairs.Count; i++)
        {
            var expected = Describe(git.DiffTree(pairs[i].Item1!, pairs[i].Item2!));
            Assert.Equal(expected, Describe(batch[i]));
            Assert.Equal(expected, Describe(differ.Compare(Tree(repo, pairs[i].Item1), Tree(repo, pairs[i].Item2))));
        }
    }

    /// <summary>
    /// A large folder with few changes is compared over the bytes that differ only; the entries
    /// skipped before and after must be exactly the ones both trees share, whatever the change:
    /// at the start, in the middle, at the end, a file that becomes a folder, names that are
    /// prefixes of one another.
    /// </summary>
    [Fact]
    public void LargeFolderWithFewChanges_IsWhatDiffTreeSays()
    {
        using var repo = TestRepository.Create();
        var random = new Random(907);
        string Name(int i) => $"big/{(i % 3 == 0 ? "a" : i % 3 == 1 ? "a.x" : "ab")}{i:D4}{(i % 5 == 0 ? ".json" : ".json.sig")}";
        for (var i = 0; i < 400; i++)
        {
            repo.Write(Name(i), $"{i}\n");
        }

        var commits = new List<string> { repo.Commit("Large folder") };
        for (var step = 0; step < 12; step++)
        {
            var at = step % 3 == 0 ? random.Next(3) : step % 3 == 1 ? 200 + random.Next(3) : 397 + random.Next(3);
            var path = Path.Combine(repo.Root, Name(at));
            switch (random.Next(4))
            {
                case 0 when File.Exists(path):
                    File.Delete(path);
                    break;
                case 1 when File.Exists(path):
                    File.Delete(path);
                    repo.Write(Name(at) + "/inside.txt", "now a folder\n");
                    break;
                case 2:
                    repo.Write($"big/{(at % 2 == 0 ? "a" : "ab")}{at:D4}", $"new {step}\n");
                    break;
                default:
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }

                    repo.Write(Name(at), $"changed {step}\n");
                    break;
            }

            commits.Add(repo.Commit("step " + step));
        }

        using var git = GitRepository.Open(repo.Root);
        var differ = git.Trees;
        for (var i = 1; i < commits.Count; i++)
        {
            foreach (var (from, to) in new[] { (commits[i - 1], commits[i]), (commits[i], commits[i - 1]), (commits[0], commits[i]) })
            {
                var expected = Describe(git.DiffTree(from, to));
                Assert.Equal(expected, Describe(differ.Compare(Tree(repo, from), Tree(repo, to))));
            }
        }
    }

    [Fact]
    public void PathsThatLookLikeAnswers_AreReadAsPaths()
    {
        using var repo = TestRepository.Create();
        var before = repo.Commit("Before");
        var header = EmptyTree + " " + EmptyTree;
        repo.StageBlob(Encoding.ASCII.GetBytes("a\n" + header + "\n:b"), "tricky\n"u8.ToArray());
        repo.StageBlob(Encoding.ASCII.GetBytes(":100644 100644 x"), "colon\n"u8.ToArray());
        repo.StageBlob("line\nbreak"u8.ToArray(), "newline\n"u8.ToArray());
        var after = repo.CommitIndex("After");

        using var git = GitRepository.Open(repo.Root);
        var answers = git.Trees.Compare([(Tree(repo, before), Tree(repo, after)), (Tree(repo, after), Tree(repo, before)), (null, null)]);

        Assert.Equal(Describe(git.DiffTree(before, after)), Describe(answers[0]));
        Assert.Equal(Describe(git.DiffTree(after, before)), Describe(answers[1]));
        Assert.Equal(3, answers[0].Count);
        Assert.Empty(answers[2]);
    }

    [Fact]
    public void ManyComparisons_ShareOneGitProcess()
    {
        using var repo = TestRepository.Create();
        var commits = new List<string> { repo.Git("rev-parse", "HEAD") };
        for (var i = 0; i < 5; i++)
        {
            commits.Add(repo.Write($"f{i}.txt", $"{i}\n").Commit($"step {i}"));
        }

        using var git = GitRepository.Open(repo.Root);
        var before = git.GitProcessesStarted;
        for (var i = 1; i < commits.Count; i++)
        {
            Assert.Single(git.Trees.Compare(Tree(repo, commits[i - 1]), Tree(repo, commits[i])));
            Assert.Equal(i, git.Trees.Compare([(Tree(repo, commits[0]), Tree(repo, commits[i])), (null, null)])[0].Count);
        }

        Assert.Equal(before + 1, git.GitProcessesStarted);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("blob")]
    public void PairGitCannotCompare_FailsTheComparison_AndEveryOneAfterIt(string kind)
    {
        using var repo = TestRepository.Create();
        var first = repo.Write("a.txt", "a\n").Commit("First");
        var second = repo.Write("a.txt", "b\n").Commit("Second");
        var bad = kind == "missing" ? "0123456789012345678901234567890123456789" : repo.Git("rev-parse", second + ":a.txt");

        using var git = GitRepository.Open(repo.Root);
        var good = (Tree(repo, first), Tree(repo, second));
        Assert.Single(git.Trees.Compare(good.Item1, good.Item2));

        var failure = Assert.Throws<GitException>(() => git.Trees.Compare([good, (Tree(repo, first), bad), good]));
        Assert.Contains("did not compare", failure.Message, StringComparison.Ordinal);
        Assert.Throws<GitException>(() => git.Trees.Compare(good.Item1, good.Item2));
    }

    [Fact]
    public void TreeThatIsNotAnObjectId_IsRefusedBeforeGitIsAsked()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal("'HEAD' is not an object id (Parameter 'pairs')", Assert.Throws<ArgumentException>(() => git.Trees.Compare("HEAD", EmptyTree)).Message);
        Assert.Throws<ArgumentException>(() => git.Trees.Compare(EmptyTree + "\n" + EmptyTree, null));
        Assert.Empty(git.Trees.Compare(EmptyTree, EmptyTree));
    }

    [Fact]
    public void Sha256Repository_IsComparedAgainstItsOwnEmptyTree()
    {
        var folder = ScratchFolder.Create("checkpoint-sha256-");
        try
        {
            string Git(params string[] arguments) => ProcessRunner.RunChecked("git", ["-c", "user.name=Hana", "-c", "user.email=hana@example.com", .. arguments], folder).StandardOutput.TrimEnd('\n');
            Git("init", "-q", "--object-format=sha256");
            Directory.CreateDirectory(Path.Combine(folder, "dir"));
            File.WriteAllText(Path.Combine(folder, "dir", "a.txt"), "a\n");
            Git("add", "-A");
            Git("commit", "-q", "-m", "First");
            var tree = Git("rev-parse", "HEAD^{tree}");
            using var git = GitRepository.Open(folder);

            var added = git.Trees.Compare(null, tree);
            var removed = git.Trees.Compare(tree, null);

            Assert.Equal(64, tree.Length);
            Assert.Equal(new[] { ('A', "dir/a.txt") }, added.Select(c => (c.Status, c.Path.Display)));
            Assert.Equal(new[] { ('D', "dir/a.txt") }, removed.Select(c => (c.Status, c.Path.Display)));
            Assert.Equal(Git("rev-parse", "HEAD:dir/a.txt"), added[0].NewObjectId);
            Assert.Equal(new[] { "dir/a.txt" }, git.Objects.ListFiles(tree)!.Select(f => f.Path.Display));
            Assert.Equal("6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321", Git("hash-object", "-t", "tree", "/dev/null"));
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    [Theory]
    [InlineData("read a; echo \"$a\"; read b; echo \"$b\"; printf x", "'git diff-tree --stdin' answered out of step after the last pair")]
    [InlineData("read a; printf abc", "'git diff-tree --stdin' ended inside a header")]
    [InlineData("read a; echo \"$a\"; printf ':100644 100644'", "'git diff-tree --stdin' ended inside a change")]
    [InlineData("read a; echo \"$a\"; printf ':100644 100644 %s %s M\\000pa' " + First + " " + Second, "'git diff-tree --stdin' ended inside a path")]
    [InlineData("read a; printf '\\000x\\n'", "'git diff-tree --stdin' did not compare " + First + " with " + Second + " (a tree is missing or is not a tree); it answered '\0x'")]
    [InlineData("read a; printf '%0250d\\n' 0", "'git diff-tree --stdin' did not compare " + First + " with " + Second + " (a tree is missing or is not a tree); it answered '" + Zeros200 + "'")]
    [InlineData("read a; echo 'fatal: bad object' >&2; exit 128", "'git diff-tree --stdin' did not compare " + First + " with " + Second + ": it ended early: bad object")]
    public void AnswerThatIsNotOne_FailsTheComparison_AndEveryOneAfterIt(string script, string message)
    {
        var folder = ScratchFolder.Create("checkpoint-fake-diff-");
        try
        {
            using var trees = new GitTreeDiff(new GitCli(folder, FakeGit.Create(folder, "git", script)));

            var ex = Assert.Throws<GitException>(() => trees.Compare(First, Second));

            Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
            Assert.Equal(message, ex.Message);
            Assert.Equal("'git diff-tree --stdin' cannot be used any more: " + message, Assert.Throws<GitException>(() => trees.Compare(First, Second)).Message);
            trees.Dispose();
            Assert.Equal("'git diff-tree --stdin' cannot be used any more: " + message, Assert.Throws<GitException>(() => trees.Compare(First, Second)).Message);
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    [Fact]
    public void HungDiffTree_IsStopped_AndSaysSo()
    {
        var folder = ScratchFolder.Create("checkpoint-hung-diff-");
        try
        {
            using var trees = new GitTreeDiff(new GitCli(folder, FakeGit.Create(folder, "git", "exec sleep 30")) { Timeout = TimeSpan.FromSeconds(1) });

            var ex = Assert.Throws<GitException>(() => trees.Compare(First, Second));

            Assert.Equal($"'git diff-tree --stdin' did not compare {First} with {Second}: it did not answer within 1 seconds and was stopped", ex.Message);
            Assert.Equal("'git diff-tree --stdin' cannot be used any more: it did not answer within 1 seconds and was stopped", Assert.Throws<GitException>(() => trees.Compare(First, Second)).Message);
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    private static void AssertSameAsGit(TestRepository repo, string? oldCommit, string? newCommit)
    {
        using var git = GitRepository.Open(repo.Root);
        var expected = Describe(git.DiffTree(oldCommit ?? EmptyTree, newCommit ?? EmptyTree));
        var actual = Describe(git.Trees.Compare(Tree(repo, oldCommit), Tree(repo, newCommit)));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static string? Tree(TestRepository repo, string? commit) => commit is null ? null : repo.Git("rev-parse", commit + "^{tree}");

    private static List<string> Describe(IEnumerable<GitRawChange> changes) =>
        changes.Select(c => $"{c.Status} {c.OldMode} {c.NewMode} {c.OldObjectId} {c.NewObjectId} {c.Path.Display}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
