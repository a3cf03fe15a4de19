using System.Globalization;
using Checkpoint.Core.Gate;

namespace Checkpoint.Testing.Tests;

public sealed class TestRepositoryTests
{
    [Fact]
    public void Create_PushesAMainThatTrustsAliceWithOriginHead()
    {
        using var repo = TestRepository.Create("""{ "scope": "all-branches" }""");

        Assert.Equal(repo.Git("rev-parse", "main"), repo.Git("rev-parse", "refs/remotes/origin/main"));
        Assert.Equal("refs/remotes/origin/main", repo.Git("symbolic-ref", "refs/remotes/origin/HEAD"));
        Assert.Equal(SshKey.Alice.AllowedSignersLine() + "\n", repo.Git("show", "origin/main:.checkpoint/allowed_signers") + "\n");
        Assert.Equal("""{ "scope": "all-branches" }""", repo.Git("show", "origin/main:.checkpoint/policy.json"));
    }

    [Fact]
    public void Commit_RecordsAuthorCommitterTrailersAndDate()
    {
        using var repo = TestRepository.Create();
        var date = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

        repo.Branch("copilot/fix").Write("README.md", "# Fixed\n")
            .Commit("Fix the readme", TestRepository.CopilotAuthor, committer: TestRepository.Human, trailers: ["Co-authored-by: Hana Human <hana@example.com>"], date: date);

        var recorded = repo.Git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%aI|%(trailers:key=Co-authored-by,valueonly,separator=)").Split('|');
        Assert.Equal(TestRepository.CopilotAuthor, recorded[0]);
        Assert.Equal(TestRepository.Human, recorded[1]);
        Assert.Equal(date, DateTimeOffset.Parse(recorded[2], CultureInfo.InvariantCulture));
        Assert.Equal("Hana Human <hana@example.com>", recorded[3]);
    }

    [Fact]
    public void CommitsWithoutADate_GetFixedIncreasingDates()
    {
        using var first = TestRepository.Create();
        using var second = TestRepository.Create();

        Assert.Equal(first.Git("log", "-1", "--format=%aI %cI"), second.Git("log", "-1", "--format=%aI %cI"));
        first.Write("a.txt", "a\n").Commit("A");
        Assert.True(DateTimeOffset.Parse(first.Git("log", "-1", "--format=%aI"), CultureInfo.InvariantCulture) > DateTimeOffset.Parse(second.Git("log", "-1", "--format=%aI"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MergeAndPush_MakeAMergeCommitAndItsRemoteBranch()
    {
        using var repo = TestRepository.Create();
        repo.Branch("feature/a").Write("a.txt", "a\n").Commit("A");
        repo.Checkout("main").Branch("feature/b").Write("b.txt", "b\n").Commit("B");

        var merge = repo.Merge("feature/a");
        repo.Push("feature/b");

        Assert.Equal(3, repo.Git("cat-file", "-p", merge).Split('\n').Count(line => line.StartsWith("tree ", StringComparison.Ordinal) || line.StartsWith("parent ", StringComparison.Ordinal)));
        Assert.Equal(merge, repo.Git("rev-parse", "refs/remotes/origin/feature/b"));
    }

    [Fact]
    public void ActAs_MakesTheKeysOwnerTheGitUser()
    {
        using var repo = TestRepository.Create();

        repo.ActAs(SshKey.Bob);

        Assert.Equal("bob|bob@example.com", repo.Git("config", "user.name") + "|" + repo.Git("config", "user.email"));
    }

    [Fact]
    public void Approve_WritesARealOpenSshSignatureOverCoresManifest_ThatTheGateAccepts()
    {
        using var repo = TestRepository.Create();
        repo.Branch("copilot/fix").Write("README.md", "# Fixed\n").Commit("Fix", TestRepository.CopilotAuthor);
        VerdictAssert.FailsWith("CHK100", repo.Evaluate());

        var manifest = repo.Approve(SshKey.Alice);

        VerdictAssert.Outcome(GateOutcome.Approved, repo.Evaluate());
        Assert.Equal(SshKey.Alice.Identity, repo.Git("log", "-1", "--format=%an <%ae>"));
        var allowedSigners = Path.Combine(repo.Folder, "allowed_signers");
        File.WriteAllText(allowedSigners, repo.Git("show", "origin/main:.checkpoint/allowed_signers") + "\n");
        var verified = ProcessRunner.RunChecked(
            "ssh-keygen",
            ["-Y", "verify", "-f", allowedSigners, "-I", SshKey.Alice.Principal, "-n", "checkpoint-approval", "-s", manifest + ".sig"],
            repo.Root,
            input: File.ReadAllBytes(Path.Combine(repo.Root, manifest)));
        Assert.Contains("Good \"checkpoint-approval\" signature", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateKey_IsARealOpenSshKeyOfTheRepositorysOwn()
    {
        using var repo = TestRepository.Create();

        var key = repo.CreateKey("mallory", "mallory@example.org");

        Assert.StartsWith(repo.Folder, key.PrivateKeyPath, StringComparison.Ordinal);
        Assert.StartsWith("ssh-ed25519 ", key.PublicKeyText, StringComparison.Ordinal);
        Assert.Equal("mallory@example.org namespaces=\"checkpoint-approval\" " + key.PublicKeyText, key.AllowedSignersLine());
        Assert.Contains("ED25519", ProcessRunner.RunChecked("ssh-keygen", ["-l", "-f", key.PublicKeyPath], repo.Folder).StandardOutput, StringComparison.Ordinal);
    }
}
