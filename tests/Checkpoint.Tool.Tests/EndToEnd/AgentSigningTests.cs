using System.Diagnostics;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>`checkpoint approve --agent`: the private key lives only in a real ssh-agent.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class AgentSigningTests(InstalledTool tool)
{
    [Fact]
    public void KeyHeldByTheSshAgent_SignsAnApprovalTheGateAccepts()
    {
        using var repository = TestRepository.WithAgentBranch();
        repository.ActAs(repository.Alice);
        var socket = Path.Combine(repository.Root, "agent.sock");
        using var agent = Process.Start(new ProcessStartInfo("ssh-agent", ["-D", "-a", socket]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            var environment = ProcessRun.LocalEnvironment(new Dictionary<string, string?> { ["SSH_AUTH_SOCK"] = socket });
            for (var attempt = 0; !File.Exists(socket) && attempt < 50; attempt++)
            {
                Thread.Sleep(100);
            }

            ProcessRun.RunChecked("ssh-add", ["-q", repository.Alice.PrivateKeyPath], repository.Root, environment);

            // Only the public key remains on disk: whatever signs must be the agent.
            File.Delete(repository.Alice.PrivateKeyPath);
            var result = tool.Run(repository.Work, environment, "approve", "--agent", "--key", repository.Alice.PublicKeyPath, "--yes", "--no-build");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(0, tool.Run(repository.Work, null, "verify").ExitCode);
        }
        finally
        {
            agent.Kill();
            agent.WaitForExit();
        }
    }
}
