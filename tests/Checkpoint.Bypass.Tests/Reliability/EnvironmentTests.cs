using System.Globalization;
using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Gate;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>What the gate needs from the machine: git, and nothing else; and it leaves the repository as it found it.</summary>
public sealed class EnvironmentTests
{
    [Fact]
    public void MissingSshKeygen_VerificationStillPasses()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, repo.ManifestFor(SshKey.Alice, createdAt: DateTimeOffset.UtcNow.AddHours(-1)).Serialize());
        var bin = Path.Combine(repo.Root, "..", "bin-without-ssh-keygen");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "git"), Executables.Find("git") ?? throw new InvalidOperationException("git is not on PATH"));
        Assert.Null(Executables.Find("ssh-keygen", bin));

        var verify = RunWithPath(repo.Root, bin, "verify");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains(SshKey.Alice.Principal, verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSshKeygen_TamperedApprovalStillFails()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, repo.ManifestFor(SshKey.Alice, createdAt: DateTimeOffset.UtcNow.AddHours(-1)).Serialize());
        repo.Write("README.md", "# Changed after approval\n").Commit("More", TestRepository.CopilotAuthor);
        var bin = Path.Combine(repo.Root, "..", "bin-without-ssh-keygen");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "git"), Executables.Find("git")!);

        var verify = RunWithPath(repo.Root, bin, "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("CHK101", verify.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Evaluation_WritesNothingIntoTheRepository(bool approved, bool ci)
    {
        // As root, chmod cannot stop a write, so the test compares the whole tree (.git included) instead.
        using var repo = Scenario.AgentChange();
        if (approved)
        {
            repo.Approve(SshKey.Alice);
        }

        // A modified file makes git status want to refresh the index: the gate must not let it.
        File.AppendAllText(Path.Combine(repo.Root, "src/App.cs"), "// local edit\n");
        var before = Snapshot(repo.Root);

        var verdict = repo.Evaluate(ci ? Scenario.Ci : Scenario.Local);

        Assert.NotNull(verdict.Digest);
        Assert.Equal(before, Snapshot(repo.Root));
    }

    [Fact]
    public void ReadOnlyRepository_GivesTheSameVerdict()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice);
        var writable = repo.Evaluate(Scenario.Ci);
        ProcessRunner.RunChecked("chmod", ["-R", "a-w", repo.Root], repo.Root);
        try
        {
            var readOnly = repo.Evaluate(Scenario.Ci);

            VerdictAssert.Outcome(GateOutcome.Approved, readOnly);
            Assert.Equal(writable.Digest, readOnly.Digest);
            Assert.Equal(writable.Messages.Select(m => m.ToString()), readOnly.Messages.Select(m => m.ToString()));
        }
        finally
        {
            ProcessRunner.RunChecked("chmod", ["-R", "u+w", repo.Root], repo.Root);
        }
    }

    [MountNamespaceFact]
    public void ReadOnlyMount_CheckpointVerifyGivesTheSameAnswer()
    {
        using var repo = Scenario.AgentChange();
        repo.Approve(SshKey.Alice, repo.ManifestFor(SshKey.Alice, createdAt: DateTimeOffset.UtcNow.AddHours(-1)).Serialize());

        var writable = CheckpointTool.Run(repo.Root, Scenario.Ci, "verify");
        var dotnet = Executables.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var environment = new Dictionary<string, string?>();
        environment["CI"] = "true";
        var readOnly = ProcessRunner.Run(
            "unshare",
            ["--mount", "--propagation", "private", "sh", "-c",
             "mount --bind -o ro \"$1\" \"$1\" && ! touch \"$1/.probe\" 2>/dev/null && exec \"$2\" \"$3\" verify --repo \"$1\"",
             "sh", repo.Root, dotnet, Path.Combine(AppContext.BaseDirectory, "checkpoint.dll")],
            repo.Root,
            environment,
            TimeSpan.FromMinutes(2));

        Assert.Equal(0, writable.ExitCode);
        Assert.True(readOnly.ExitCode == 0, readOnly.ToString());
        Assert.Equal(writable.Output, readOnly.Output);
    }

    private static ProcessResult RunWithPath(string repository, string path, params string[] arguments)
    {
        var dotnet = Executables.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var environment = new Dictionary<string, string?>();
        environment["PATH"] = path;
        environment["CI"] = "true";
        environment["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(ResolveLinks(dotnet)));
        return ProcessRunner.Run(dotnet, [Path.Combine(AppContext.BaseDirectory, "checkpoint.dll"), .. arguments], repository, environment, TimeSpan.FromMinutes(2));
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    /// <summary>Every entry under <paramref name="root"/> with its size, mode and modification time.</summary>
    private static string Snapshot(string root) =>
        string.Join("\n", new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetRelativePath(root, e.FullName)} {(e as FileInfo)?.Length} {e.UnixFileMode} {e.LastWriteTimeUtc.Ticks}")));
}
