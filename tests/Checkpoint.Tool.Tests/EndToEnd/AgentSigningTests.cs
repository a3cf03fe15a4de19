using System.Diagnostics;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>`checkpoint approve --agent`: the private key lives only in a real ssh-agent.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class AgentSigningTests(InstalledTool tool)
{
    [Fact]
    public void KeyHeldByTheSshAgent_SignsAnApprovalTheGateAccepts()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        var alice = CopyOfAlicesKey(repository);
        var socket = Path.Combine(repository.Folder, "agent.sock");
        using var agent = Process.Start(new ProcessStartInfo("ssh-agent", ["-D", "-a", socket]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            var environment = ProcessEnvironment.Local(new Dictionary<string, string?> { ["SSH_AUTH_SOCK"] = socket });
            for (var attempt = 0; !File.Exists(socket) && attempt < 50; attempt++)
            {
                Thread.Sleep(100);
            }

            ProcessRunner.RunChecked("ssh-add", ["-q", alice], repository.Folder, environment);

            // Only the public key remains on disk: whatever signs must be the agent.
            File.Delete(alice);
            var result = tool.Run(repository.Root, environment, "approve", "--agent", "--key", alice + ".pub", "--yes", "--no-build");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(0, tool.Run(repository.Root, null, "verify").ExitCode);
        }
        finally
        {
            agent.Kill();
            agent.WaitForExit();
        }
    }

    /// <summary>Alice's key pair copied into the repository's folder: the test deletes the private half, which other tests still use.</summary>
    private static string CopyOfAlicesKey(TestRepository repository)
    {
        var path = Path.Combine(repository.Folder, "alice");
        File.Copy(SshKey.Alice.PrivateKeyPath, path);
        File.Copy(SshKey.Alice.PublicKeyPath, path + ".pub");
        if (!OperatingSystem.IsWindows())
        {
            // ssh-add refuses a private key that others can read.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
