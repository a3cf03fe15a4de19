using System.Text;
using Checkpoint.Core.Git;
using Checkpoint.Core.Tests.Fixtures;

namespace Checkpoint.Core.Tests.Git;

/// <summary>
/// Each of GitRepository's typed commands against a real repository: what it answers, what it
/// answers when there is nothing (unrelated histories, a conflict, an unset key), and the failure it
/// raises instead of guessing.
/// </summary>
public sealed class GitRepositoryOperationsTests
{
    [Fact]
    public void Open_FindsTheTopFromAFolderInside_AndSaysWhetherItIsShallow()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(Path.Combine(repo.Root, "src"));
        var shallowFolder = Path.Combine(repo.Folder, "shallow");
        ProcessRunner.RunChecked("git", ["clone", "-q", "--depth", "1", "file://" + repo.OriginPath, shallowFolder], repo.Folder);
        using var shallow = GitRepository.Open(shallowFolder);

        Assert.Equal(repo.Root, git.Root);
        Assert.False(git.IsShallow);
        Assert.True(shallow.IsShallow);
        Assert.Equal(1, git.GitProcessesStarted);
    }

    [Fact]
    public void Open_OfAFolderThatIsNotThere_OrNotInARepository_SaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "checkpoint-missing-" + Guid.NewGuid().ToString("N"));
        var folder = ScratchFolder.Create("checkpoint-not-a-repo-");
        try
        {
            var notThere = Assert.Throws<GitException>(() => GitRepository.Open(missing));
            var notARepository = Assert.Throws<GitException>(() => GitRepository.Open(folder));

            Assert.Equal(GitFailureKind.NotARepository, notThere.Kind);
            Assert.Equal($"directory '{missing}' does not exist", notThere.Message);
            Assert.Equal(GitFailureKind.NotARepository, notARepository.Kind);
            Assert.StartsWith("not a git repository: ", notARepository.Message, StringComparison.Ordinal);
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    [Theory]
    [InlineData("printf '\\n'", "'{0}' is not inside a git working tree")]
    [InlineData("printf '/somewhere\\n'", "'{0}' is not inside a git working tree")]
    [InlineData("printf '/somewhere'", "'{0}' is not inside a git working tree")]
    public void Open_WithAnAnswerThatIsNotATopAndAShallowFlag_Fails(string answer, string message)
    {
        var folder = ScratchFolder.Create("checkpoint-odd-git-");
        try
        {
            var fakeGit = FakeGit.Create(folder, "git", answer);

            var ex = Assert.Throws<GitException>(() => GitRepository.Open(folder, fakeGit));

            Assert.Equal(GitFailureKind.NotARepository, ex.Kind);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, folder), ex.Message);
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    [Fact]
    public void Refs_AreLocalBranchesOriginsRefsAndThoseAskedFor_ByFullName()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("a");
        repo.Git("tag", "v1");
        repo.Git("update-ref", "refs/pull/7/head", "HEAD");
        using var git = GitRepository.Open(repo.Root);

        var refs = git.ReadRefs("refs/pull/7/head", "refs/tags/v1", "refs/tags/v1", "not a ref", null!);

        Assert.Equal("refs/heads/copilot/x", refs.CurrentBranchRef);
        Assert.Equal("copilot/x", refs.CurrentBranch);
        Assert.Equal(
            new[] { "refs/heads/copilot/x", "refs/heads/main", "refs/pull/7/head", "refs/remotes/origin/HEAD", "refs/remotes/origin/main", "refs/tags/v1" },
            refs.All.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(repo.Git("rev-parse", "HEAD"), refs.Find("refs/pull/7/head")!.ObjectId);
        Assert.Equal("refs/remotes/origin/main", refs.Find("refs/remotes/origin/HEAD")!.SymbolicTarget);
        Assert.Equal(repo.Git("rev-parse", "origin/main"), refs.Find("refs/remotes/origin/HEAD")!.ObjectId);
        Assert.Null(refs.Find("refs/heads/main")!.SymbolicTarget);
        Assert.Null(refs.Find("main"));
        Assert.Equal(new[] { "refs/remotes/origin/HEAD", "refs/remotes/origin/main" }, refs.Under("refs/remotes/origin/").Select(r => r.Name));
    }

    [Fact]
    public void Refs_OfADetachedHead_HaveNoCurrentBranch()
    {
        using var repo = TestRepository.Create();
        repo.Git("checkout", "-q", "--detach");
        using var git = GitRepository.Open(repo.Root);

        var refs = git.ReadRefs();

        Assert.Null(refs.CurrentBranchRef);
        Assert.Null(refs.CurrentBranch);
    }

    [Theory]
    [InlineData("printf 'x\\0zzz\\0refs/heads/main\\0\\n'")]
    [InlineData("printf ' \\0001111111111111111111111111111111111111111\\0refs/heads/main\\n'")]
    public void Refs_ThatAreNotForEachRefsAnswer_Fail(string answer)
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-refs", "for-each-ref", answer);
        using var git = GitRepository.Open(repo.Root, fakeGit);

        var ex = Assert.Throws<GitException>(() => git.ReadRefs());

        Assert.Equal(GitFailureKind.UnexpectedOutput, ex.Kind);
        Assert.Equal("unexpected 'git for-each-ref' output", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-HEAD")]
    [InlineData("--output=/tmp/x")]
    [InlineData("HEAD\nmain")]
    [InlineData("HEAD\r")]
    [InlineData("\nHEAD")]
    [InlineData("\rHEAD")]
    [InlineData("nonexistent")]
    public void Revision_ThatNamesNoCommit_ResolvesToNothing(string revision)
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        Assert.Null(git.ResolveCommit(revision));
        Assert.Equal(repo.Git("rev-parse", "HEAD"), git.ResolveCommit("HEAD"));
    }

    [Fact]
    public void MergeBase_AndAncestry_FollowTheHistory_AndUnrelatedHistoriesHaveNone()
    {
        using var repo = TestRepository.Create();
        var root = repo.Git("rev-parse", "HEAD");
        var side = repo.Branch("side").Write("s.txt", "s\n").Commit("Side");
        var main = repo.Checkout("main").Write("m.txt", "m\n").Commit("Main");
        repo.Git("checkout", "-q", "--orphan", "other");
        var other = repo.Write("o.txt", "o\n").Commit("Other");
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal(root, git.MergeBase(side, main));
        Assert.Null(git.MergeBase(side, other));
        Assert.True(git.IsAncestor(root, main));
        Assert.True(git.IsAncestor(main, main));
        Assert.False(git.IsAncestor(side, main));
        Assert.False(git.IsAncestor(other, main));
    }

    [Fact]
    public void MergeBase_AndAncestry_OfSomethingThatIsNotACommit_Fail()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);
        var missing = "0123456789012345678901234567890123456789";

        Assert.Equal(GitFailureKind.CommandFailed, Assert.Throws<GitException>(() => git.MergeBase("HEAD", missing)).Kind);
        Assert.StartsWith("'git merge-base --is-ancestor' failed with exit code ", Assert.Throws<GitException>(() => git.IsAncestor(missing, "HEAD")).Message, StringComparison.Ordinal);
        Assert.StartsWith("'git merge-base --end-of-options' failed with exit code ", Assert.Throws<GitException>(() => git.MergeBase("HEAD", missing)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exit 1", null)]
    [InlineData("echo 'error: object store is corrupt' >&2; exit 1", "'git merge-base --end-of-options' failed with exit code 1: error: object store is corrupt")]
    [InlineData("exit 128", "'git merge-base --end-of-options' failed with exit code 128: no message")]
    public void MergeBase_IsNothingOnlyWhenGitSaysNoneWithoutAnError(string answer, string? message)
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-merge-base", "merge-base", answer);
        using var git = GitRepository.Open(repo.Root, fakeGit);

        if (message is null)
        {
            Assert.Null(git.MergeBase("HEAD", "HEAD"));
            Assert.False(git.IsAncestor("HEAD", "HEAD"));
        }
        else
        {
            Assert.Equal(message, Assert.Throws<GitException>(() => git.MergeBase("HEAD", "HEAD")).Message);
            Assert.Equal(message.Replace("--end-of-options", "--is-ancestor", StringComparison.Ordinal), Assert.Throws<GitException>(() => git.IsAncestor("HEAD", "HEAD")).Message);
        }
    }

    [Fact]
    public void AutomaticMerge_GivesTheMergedTree_OrNothingOnAConflict()
    {
        using var repo = TestRepository.Create();
        var left = repo.Branch("left").Write("README.md", "# Left\n").Commit("Left");
        var right = repo.Checkout("main").Branch("right").Write("other.txt", "o\n").Commit("Right");
        var conflict = repo.Checkout("main").Branch("conflict").Write("README.md", "# Conflict\n").Commit("Conflict");
        using var git = GitRepository.Open(repo.Root);

        var merged = git.AutomaticMergeTree(left, right);

        repo.Checkout("left");
        repo.Merge("right");
        Assert.Equal(repo.Git("rev-parse", "HEAD^{tree}"), merged);
        Assert.Null(git.AutomaticMergeTree(left, conflict));
        Assert.Null(git.AutomaticMergeTree(left, "0123456789012345678901234567890123456789"));
    }

    [Fact]
    public void AutomaticMerge_WhoseAnswerIsNotATree_IsNothing()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-merge", "merge-tree", "echo 'not a tree'");
        using var git = GitRepository.Open(repo.Root, fakeGit);

        Assert.Null(git.AutomaticMergeTree("HEAD", "HEAD"));
    }

    [Fact]
    public void Config_GivesTheValue_OrNothingWhenUnset()
    {
        using var repo = TestRepository.Create();
        repo.Git("config", "checkpoint.test", "  spaced value  ");
        using var git = GitRepository.Open(repo.Root);

        Assert.Equal("  spaced value  ", git.GetConfig("checkpoint.test"));
        Assert.Equal(repo.OriginPath, git.GetConfig("remote.origin.url"));
        Assert.Null(git.GetConfig("checkpoint.unset"));
    }

    [Fact]
    public void DiffTree_OfSomethingThatIsNotACommit_Fails()
    {
        using var repo = TestRepository.Create();
        using var git = GitRepository.Open(repo.Root);

        var ex = Assert.Throws<GitException>(() => git.DiffTree("HEAD", "0123456789012345678901234567890123456789"));

        Assert.Equal(GitFailureKind.CommandFailed, ex.Kind);
        Assert.StartsWith("'git diff-tree -r' failed with exit code 128: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1\\tpath")]
    [InlineData("path")]
    [InlineData("\\t\\tpath")]
    [InlineData("1\\t\\tpath")]
    [InlineData("x\\t1\\tpath")]
    [InlineData("1\\t-1\\tpath")]
    public void NumStat_ThatIsNotOne_Fails(string record)
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-numstat", "--numstat", $"printf '{record}\\0'");
        using var git = GitRepository.Open(repo.Root, fakeGit);

        Assert.Equal("unexpected 'git diff-tree --numstat' output", Assert.Throws<GitException>(() => git.NumStat("HEAD", "HEAD")).Message);
    }

    [Fact]
    public void NumStat_CountsAddedAndRemovedLines()
    {
        using var repo = TestRepository.Create();
        var before = repo.Git("rev-parse", "HEAD");
        var after = repo.Write("README.md", "# Demo 2\nmore\n").Write("b\tc.txt", "x\n").Commit("Edit");
        using var git = GitRepository.Open(repo.Root);

        var files = git.NumStat(before, after);

        Assert.Equal(new[] { ("README.md", (int?)2, (int?)1, false), ("b\\x09c.txt", 1, 0, false) }, files.Select(f => (f.Path.Display, f.AddedLines, f.RemovedLines, f.IsBinary)));
    }

    [Fact]
    public void UnifiedDiff_IsTextWithTheContextAsked()
    {
        using var repo = TestRepository.Create();
        var before = repo.Write("lines.txt", "1\n2\n3\n4\n5\n6\n7\n").Commit("Lines");
        var after = repo.Write("lines.txt", "1\n2\n3\nfour\n5\n6\n7\n").Commit("Four");
        using var git = GitRepository.Open(repo.Root);

        var diff = Encoding.UTF8.GetString(git.UnifiedDiff(before, after, 1));

        Assert.Contains("--- a/lines.txt\n+++ b/lines.txt\n@@ -3,3 +3,3 @@\n 3\n-4\n+four\n 5\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Commits_BetweenABaseAndAHead_AreListedNewestFirstWithWhatTheyChange()
    {
        using var repo = TestRepository.Create();
        var baseCommit = repo.Git("rev-parse", "HEAD");
        var first = repo.Branch("copilot/x").Write("a.txt", "a\n").Commit("First\n\nBody", TestRepository.CopilotAuthor);
        var second = repo.Delete("a.txt").Write("b.txt", "b\n").Commit("Second");
        using var git = GitRepository.Open(repo.Root);

        var commits = git.ListCommits(baseCommit, second);

        Assert.Equal(new[] { second, first }, commits.Select(c => c.Id));
        Assert.Equal(new[] { ('D', "a.txt"), ('A', "b.txt") }, commits[0].Changes!.Select(c => (c.Status, c.Path.Display)));
        Assert.Equal(("Copilot", "198982749+Copilot@users.noreply.github.com"), (commits[1].AuthorName, commits[1].AuthorEmail));
        Assert.Equal("First\n\nBody\n", commits[1].Message);
        Assert.Equal(new[] { baseCommit }, commits[1].Parents);
        Assert.Empty(git.ListCommits(second, second));
    }

    [Fact]
    public void WorkingTreeStatus_ListsChangedTrackedFiles_ButNotTheExcludedOrUntracked()
    {
        using var repo = TestRepository.Create();
        repo.Write(".checkpoint/approvals/a.json", "{}").Write(".checkpoint/approvals/deep/b.json", "{}").Commit("Approvals");
        repo.Write("README.md", "# Changed\n").Write("untracked.txt", "u\n").Write(".checkpoint/approvals/a.json", "{ }").Write(".checkpoint/approvals/deep/b.json", "{ }");
        repo.Git("add", "src/App.cs");
        File.AppendAllText(Path.Combine(repo.Root, "src", "App.cs"), "// staged? no: changed in the tree\n");
        using var git = GitRepository.Open(repo.Root);

        var all = git.ReadWorkingTreeStatus();
        var excluded = git.ReadWorkingTreeStatus(".checkpoint/approvals/*.json");

        Assert.Equal(new[] { ".checkpoint/approvals/a.json", ".checkpoint/approvals/deep/b.json", "README.md", "src/App.cs" }, all.Changed.Select(p => p.Display).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { ".checkpoint/approvals/deep/b.json", "README.md", "src/App.cs" }, excluded.Changed.Select(p => p.Display).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WorkingTreeStatus_TakesOnlyChangedTrackedPaths_FromGitsAnswer()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-status", "status", "printf '?? untracked\\0!! ignored\\0 M \\0 M changed\\0A  added\\0'");
        using var git = GitRepository.Open(repo.Root, fakeGit);

        Assert.Equal(new[] { "changed", "added" }, git.ReadWorkingTreeStatus().Changed.Select(p => p.Display));
    }

    [Fact]
    public void WorkingTreeStatus_ThatGitCannotGive_Fails()
    {
        using var repo = TestRepository.Create();
        var fakeGit = FakeGit.Intercepting(repo.Folder, "git-status", "status", "echo 'fatal: index file corrupt' >&2; exit 128");
        using var git = GitRepository.Open(repo.Root, fakeGit);

        var ex = Assert.Throws<GitException>(() => git.ReadWorkingTreeStatus(".checkpoint/approvals/*.json"));

        Assert.Equal("'git status --porcelain=v1' failed with exit code 128: index file corrupt", ex.Message);
    }

    [Fact]
    public void CommitFiles_CommitsOnlyThePathsNamed_WithoutHooks()
    {
        using var repo = TestRepository.Create();
        File.WriteAllText(Path.Combine(repo.Root, ".git", "hooks", "pre-commit"), "#!/bin/sh\nexit 1\n");
        ProcessRunner.RunChecked("chmod", ["+x", Path.Combine(repo.Root, ".git", "hooks", "pre-commit")], repo.Root);
        repo.Write("a.txt", "a\n").Write("b.txt", "b\n").Write("c.txt", "c\n");
        repo.Git("add", "c.txt");
        using var git = GitRepository.Open(repo.Root);

        git.CommitFiles("Add a", new[] { "a.txt" });

        Assert.Equal("a.txt", repo.Git("show", "--format=", "--name-only", "HEAD"));
        Assert.Equal("Add a", repo.Git("log", "-1", "--format=%s"));
        Assert.Equal("A  c.txt\n?? b.txt", repo.Git("status", "--porcelain"));
        Assert.StartsWith("'git add --' failed with exit code ", Assert.Throws<GitException>(() => git.CommitFiles("None", new[] { "missing.txt" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommitRemoval_RemovesLiteralPaths_AndRefusesWhatDiffersFromHead()
    {
        using var repo = TestRepository.Create();
        repo.Write("a*.txt", "star\n").Write("ab.txt", "ab\n").Write(":(glob)x", "magic\n").Commit("Files");
        using var git = GitRepository.Open(repo.Root);

        git.CommitRemoval("Remove", new[] { "a*.txt", ":(glob)x" });

        Assert.Equal(new[] { ".checkpoint/allowed_signers", "README.md", "ab.txt", "src/App.cs" }, repo.Git("ls-files").Split('\n'));
        repo.Write("ab.txt", "changed\n");
        var ex = Assert.Throws<GitException>(() => git.CommitRemoval("Remove", new[] { "ab.txt" }));
        Assert.StartsWith("'git rm --quiet' failed with exit code ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("nothing to remove", Assert.Throws<ArgumentException>(() => git.CommitRemoval("x", Array.Empty<string>())).Message.Split(" (")[0]);
        Assert.Throws<ArgumentException>(() => git.CommitRemoval("x", null!));
    }

    [Fact]
    public void Worktree_IsAddedDetachedAndRemovedWithoutATrace()
    {
        using var repo = TestRepository.Create();
        var path = Path.Combine(repo.Folder, "review");
        using var git = GitRepository.Open(repo.Root);

        git.AddWorktree(path, "HEAD");
        var readme = File.ReadAllText(Path.Combine(path, "README.md"));
        git.RemoveWorktree(path);

        Assert.Equal("# Demo\n", readme);
        Assert.False(Directory.Exists(path));
        Assert.Single(repo.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public void Worktree_WhoseFolderIsGone_IsStillForgotten()
    {
        using var repo = TestRepository.Create();
        var path = Path.Combine(repo.Folder, "review");
        using var git = GitRepository.Open(repo.Root);
        git.AddWorktree(path, "HEAD");
        Directory.Delete(path, recursive: true);

        git.RemoveWorktree(path);

        Assert.Single(repo.Git("worktree", "list").Split('\n'));
    }
}
