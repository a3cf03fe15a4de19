using System.Text;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Tests.Policy;

/// <summary>
/// The policy, the trusted signers and the revoked list, read from the base commit's objects: what
/// each of the three files may be, and the one CHK106 line for each way it cannot be read, so that
/// a base the gate cannot trust fails the build instead of falling back to defaults.
/// </summary>
public sealed class TrustedConfigurationTests
{
    private const string Sha = "sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    [Fact]
    public void BaseWithoutTheFolder_HasTheDefaults_AndNobodyToApprove()
    {
        using var repo = TestRepository.CreateEmpty();
        var commit = repo.Write("README.md", "# Demo\n").Commit("Initial commit");

        var configuration = Read(repo, commit);

        Assert.Same(CheckpointPolicy.Default, configuration.Policy);
        Assert.Null(configuration.AllowedSigners);
        Assert.Same(RevokedList.Empty, configuration.Revoked);
        Assert.Empty(configuration.Notices);
    }

    [Fact]
    public void EveryFile_IsReadAtTheBase_NotAtTheBranch()
    {
        using var repo = TestRepository.Create("{ \"requiredApprovers\": 2 }", SshKey.Alice, SshKey.Bob);
        repo.Write(".checkpoint/revoked", $"diff {Sha}\n").Write(".checkpoint/allowed_signers", SshKey.Alice.AllowedSignersLine() + "\nnot a signer line\n");
        var baseCommit = repo.Commit("Trust");
        repo.WritePolicy("{ \"requiredApprovers\": 1 }").TrustSigners(SshKey.Mallory).Write(".checkpoint/revoked", string.Empty).Commit("Branch change");

        var configuration = Read(repo, baseCommit);

        Assert.Equal(2, configuration.Policy.RequiredApprovers);
        Assert.False(configuration.Policy.IsDefault);
        Assert.True(configuration.Revoked.IsDiffRevoked(Sha));
        Assert.Equal(new[] { SshKey.Alice.Principal }, configuration.AllowedSigners!.Entries.SelectMany(e => e.Principals).Distinct());
        var notice = Assert.Single(configuration.Notices);
        Assert.StartsWith($".checkpoint/allowed_signers@{GitRepository.Short(baseCommit)}:2: ", notice, StringComparison.Ordinal);
        Assert.EndsWith(" (line ignored)", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedSignersWithBytesThatAreNotUtf8_KeepsItsOtherLines()
    {
        using var repo = TestRepository.Create();
        var line = Encoding.UTF8.GetBytes(SshKey.Alice.AllowedSignersLine() + "\n");
        repo.WriteBytes(".checkpoint/allowed_signers", "# caf"u8.ToArray().Concat(new byte[] { 0xe9, (byte)'\n' }).Concat(line).ToArray());
        var commit = repo.Commit("Latin-1 comment");

        var configuration = Read(repo, commit);

        Assert.Equal(new[] { SshKey.Alice.Principal }, configuration.AllowedSigners!.Entries.SelectMany(e => e.Principals));
    }

    [Fact]
    public void ExecutableFiles_AreRegularFiles()
    {
        using var repo = TestRepository.Create("{ \"requiredApprovers\": 3 }");
        repo.Git("update-index", "--chmod=+x", ".checkpoint/policy.json");
        var commit = repo.CommitIndex("Executable policy");

        Assert.Equal(3, Read(repo, commit).Policy.RequiredApprovers);
    }

    [Fact]
    public void FolderThatIsAFile_FailsTheGate()
    {
        using var repo = TestRepository.CreateEmpty();
        var commit = repo.Write(".checkpoint", "not a folder\n").Commit("File");

        var ex = Assert.Throws<CheckpointException>(() => Read(repo, commit));

        Assert.Equal(GateCodes.GateUnavailable, ex.Code);
        Assert.Equal($"the base's policy cannot be read: '.checkpoint' at {GitRepository.Short(commit)} is not a directory (it is a file or a symlink); it must be a plain folder", ex.Message);
    }

    [Theory]
    [InlineData(".checkpoint/policy.json", "the base's policy cannot be read: '.checkpoint/policy.json' must be a regular file, not mode 120000")]
    [InlineData(".checkpoint/allowed_signers", "the base's allowed_signers cannot be read: '.checkpoint/allowed_signers' must be a regular file, not mode 120000")]
    [InlineData(".checkpoint/revoked", "the base's revoked list cannot be read: '.checkpoint/revoked' must be a regular file, not mode 120000")]
    public void FileThatIsASymlink_FailsTheGate(string path, string message)
    {
        using var repo = TestRepository.Create();
        File.Delete(Path.Combine(repo.Root, path));
        File.CreateSymbolicLink(Path.Combine(repo.Root, path), "../README.md");
        var commit = repo.Commit("Link");

        var ex = Assert.Throws<CheckpointException>(() => Read(repo, commit));

        Assert.Equal(GateCodes.GateUnavailable, ex.Code);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void FileThatIsAFolder_FailsTheGate()
    {
        using var repo = TestRepository.Create();
        repo.Delete(".checkpoint/allowed_signers").Write(".checkpoint/allowed_signers/alice", "x\n");
        var commit = repo.Commit("Folder");

        var ex = Assert.Throws<CheckpointException>(() => Read(repo, commit));

        Assert.Equal("the base's allowed_signers cannot be read: '.checkpoint/allowed_signers' must be a regular file, not mode 040000", ex.Message);
    }

    [Fact]
    public void MalformedPolicy_OrRevokedList_FailsTheGate_NamingTheFileAtTheBase()
    {
        using var repo = TestRepository.Create("{ \"scope\": \"none\" }");
        var badPolicy = repo.Commit("Bad policy");
        repo.WritePolicy("{}").Write(".checkpoint/revoked", "approval sha256:ABC\n");
        var badRevoked = repo.Commit("Bad revoked list");

        var policy = Assert.Throws<CheckpointException>(() => Read(repo, badPolicy));
        var revoked = Assert.Throws<CheckpointException>(() => Read(repo, badRevoked));

        Assert.Equal(GateCodes.GateUnavailable, policy.Code);
        Assert.Equal($"the base's policy is malformed: .checkpoint/policy.json@{GitRepository.Short(badPolicy)}: \"scope\" is \"none\"; expected \"agent-branches\" or \"all-branches\"", policy.Message);
        Assert.Equal(GateCodes.GateUnavailable, revoked.Code);
        Assert.StartsWith($"the base's revoked list is malformed: .checkpoint/revoked@{GitRepository.Short(badRevoked)}:1: 'sha256:ABC' is not valid; ", revoked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyLargerThanTheLimit_FailsTheGate()
    {
        using var repo = TestRepository.Create("{}" + new string(' ', CheckpointPolicy.MaxSizeBytes));
        var commit = repo.Git("rev-parse", "HEAD");

        var ex = Assert.Throws<CheckpointException>(() => Read(repo, commit));

        Assert.StartsWith("the base's policy cannot be read: '", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"' is {CheckpointPolicy.MaxSizeBytes + 2} bytes; the limit is {CheckpointPolicy.MaxSizeBytes}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileMissingFromTheObjectStore_FailsTheGate()
    {
        using var repo = TestRepository.CreateEmpty();
        var missing = "0123456789abcdef0123456789abcdef01234567";
        var folder = repo.GitBytes(Encoding.ASCII.GetBytes($"100644 blob {missing}\trevoked\n"), "mktree", "--missing");
        var root = repo.GitBytes(Encoding.ASCII.GetBytes($"040000 tree {Encoding.ASCII.GetString(folder).Trim()}\t.checkpoint\n"), "mktree");
        var commit = repo.Git("commit-tree", Encoding.ASCII.GetString(root).Trim(), "-m", "Missing blob");

        var ex = Assert.Throws<CheckpointException>(() => Read(repo, commit));

        Assert.Equal($"the base's revoked list cannot be read: '.checkpoint/revoked' at {GitRepository.Short(commit)} cannot be read from the object store", ex.Message);
    }

    [Fact]
    public void TrustFilesTheBranchChanges_AreNamedInNotices()
    {
        var changed = new[] { ".checkpoint/revoked", "src/App.cs", ".checkpoint/policy.json", ".checkpoint/approvals/a.json", ".checkpoint/allowed_signers", ".checkpoint/Policy.json" }
            .Select(GitPath.FromString);

        Assert.Equal(
            new[]
            {
                ".checkpoint/revoked differs on this branch; the base's copy was used",
                ".checkpoint/policy.json differs on this branch; the base's copy was used",
                ".checkpoint/allowed_signers differs on this branch; the base's copy was used",
            },
            TrustedConfiguration.BranchChangeNotices(changed));
    }

    [Fact]
    public void MissingObjectReader_IsRefused()
    {
        Assert.Equal("objects", Assert.Throws<ArgumentNullException>(() => TrustedConfiguration.Read(null!, "HEAD")).ParamName);
    }

    private static TrustedConfiguration Read(TestRepository repo, string commit)
    {
        using var git = GitRepository.Open(repo.Root);
        return TrustedConfiguration.Read(git.Objects, commit);
    }
}
