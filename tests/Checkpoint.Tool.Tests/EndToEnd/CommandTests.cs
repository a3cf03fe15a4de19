using System.Text.Json;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Policy;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>init, status, hash, approve and bad input, driven through the installed tool.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class CommandTests(InstalledTool tool)
{
    [Fact]
    public void Init_WritesPolicyAndAllowedSignersWithTheUsersKey()
    {
        using var repository = ToolScenario.OnMain();
        File.Delete(Path.Combine(repository.Root, ".checkpoint", "policy.json"));
        File.Delete(Path.Combine(repository.Root, ".checkpoint", "allowed_signers"));

        var result = tool.Run(repository.Root, null, "init", "--key", SshKey.Alice.PublicKeyPath, "--principal", "alice@example.com");

        Assert.Equal(0, result.ExitCode);
        var keyWithoutComment = string.Join(' ', SshKey.Alice.PublicKey.Split(' ').Take(2));
        Assert.Equal($"alice@example.com namespaces=\"checkpoint-approval\" {keyWithoutComment}\n", repository.Read(".checkpoint/allowed_signers"));
        var policy = CheckpointPolicy.Parse(File.ReadAllBytes(Path.Combine(repository.Root, ".checkpoint", "policy.json")));
        Assert.Equal(1, policy.RequiredApprovers);
        Assert.Contains("Next steps", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_TakesThePrincipalFromGitConfig()
    {
        using var repository = ToolScenario.OnMain();
        File.Delete(Path.Combine(repository.Root, ".checkpoint", "allowed_signers"));

        var result = tool.Run(repository.Root, null, "init", "--key", SshKey.Bob.PublicKeyPath, "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("maria@example.com namespaces=\"checkpoint-approval\" ssh-ed25519 ", repository.Read(".checkpoint/allowed_signers"), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_NeverOverwritesExistingFilesWithoutForce()
    {
        using var repository = ToolScenario.OnMain();
        var before = repository.Read(".checkpoint/allowed_signers");

        var result = tool.Run(repository.Root, null, "init", "--key", SshKey.Bob.PublicKeyPath, "--principal", "bob@example.com");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, repository.Read(".checkpoint/allowed_signers"));
        Assert.Contains("--force", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_WithAPrivateKey_RefusesToReadIt()
    {
        using var repository = ToolScenario.OnMain();
        var privateKeyOnly = Path.Combine(repository.Folder, "lonely");
        File.Copy(SshKey.Alice.PrivateKeyPath, privateKeyOnly);

        var result = tool.Run(repository.Root, null, "init", "--key", privateKeyOnly, "--force");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a private key", result.StandardError, StringComparison.Ordinal);
        AssertOneLine(result.StandardError);
    }

    [Fact]
    public void Status_ShowsTheSignalBaseDigestAndEveryApproval()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);

        var result = tool.Run(repository.Root, null, "status");
        var json = tool.Run(repository.Root, null, "status", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("matches agent prefix 'copilot/'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("refs/remotes/origin/main", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sha256:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("alice@example.com", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("valid", result.StandardOutput, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.True(Assert.Single(document.RootElement.GetProperty("approvals").EnumerateArray()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Hash_PrintsTheDigestTheGateComputes()
    {
        using var repository = ToolScenario.WithAgentBranch();

        var result = tool.Run(repository.Root, null, "hash");
        var verdict = CheckpointGate.Evaluate(new GateRequest(repository.Root) { Environment = ProcessEnvironment.Local() });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(verdict.Digest + "\n", result.StandardOutput.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Approve_WritesManifestAndSignatureAndCommitsThem()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);

        var result = tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build");

        Assert.Equal(0, result.ExitCode);
        var committed = repository.Git("show", "--name-only", "--format=%s", "HEAD").Split('\n');
        Assert.StartsWith("Approve sha256:", committed[0], StringComparison.Ordinal);
        Assert.Contains(committed, line => line.StartsWith(".checkpoint/approvals/alice-at-example.com-", StringComparison.Ordinal) && line.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(committed, line => line.EndsWith(".json.sig", StringComparison.Ordinal));
        Assert.Equal(string.Empty, repository.Git("status", "--porcelain"));
    }

    [Fact]
    public void Approve_WithoutConfirmationOffATerminal_RefusesAndWritesNothing()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        var head = repository.Git("rev-parse", "HEAD");

        var result = tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--no-build");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("typed confirmation", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void Approve_WithAKeyTheBaseDoesNotTrust_FailsBeforeSigning()
    {
        using var repository = ToolScenario.WithAgentBranch();
        var mallory = repository.CreateKey("mallory", "mallory@example.com");

        var result = tool.Run(repository.Root, null, "approve", "--key", mallory.PrivateKeyPath, "--yes", "--no-build");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not in the base's allowed_signers", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
    }

    [Fact]
    public void Approve_SignerAddedOnlyOnTheBranch_IsNotTrusted()
    {
        using var repository = ToolScenario.WithAgentBranch();
        var mallory = repository.CreateKey("mallory", "mallory@example.com");
        repository.Write(".checkpoint/allowed_signers", repository.Read(".checkpoint/allowed_signers") + mallory.AllowedSignersLine() + "\n");
        repository.Commit("Trust mallory", ToolScenario.Agent);

        var result = tool.Run(repository.Root, null, "approve", "--key", mallory.PrivateKeyPath, "--principal", "mallory@example.com", "--yes", "--no-build");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not trusted by the base's allowed_signers", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_TwiceForTheSameDigest_SaysItIsApprovedAndExits0()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build").ExitCode);
        var head = repository.Git("rev-parse", "HEAD");

        var again = tool.Run(repository.Root, null, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Already approved by alice@example.com", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void Init_WithThePrivateKeyFileApproveTakes_ReadsThePublicKeyBesideIt()
    {
        using var repository = ToolScenario.OnMain();

        var result = tool.Run(repository.Root, null, "init", "--key", SshKey.Alice.PrivateKeyPath, "--principal", "alice@example.com", "--force");

        Assert.True(result.ExitCode == 0, result.ToString());
        var keyWithoutComment = string.Join(' ', SshKey.Alice.PublicKey.Split(' ').Take(2));
        Assert.Equal($"alice@example.com namespaces=\"checkpoint-approval\" {keyWithoutComment}\n", repository.Read(".checkpoint/allowed_signers"));
    }

    [Theory]
    [InlineData("verify", 1)]
    [InlineData("hash", 2)]
    public void ABaseThatDoesNotExist_IsNamedAsTheBaseOption(string command, int exitCode)
    {
        using var repository = ToolScenario.WithAgentBranch();

        var result = tool.Run(repository.Root, null, command, "--base", "release/9");

        Assert.Equal(exitCode, result.ExitCode);
        var said = result.StandardOutput + result.StandardError;
        Assert.Contains("base ref 'refs/remotes/origin/release/9' (from --base) does not exist", said, StringComparison.Ordinal);
        Assert.DoesNotContain("CheckpointBaseRef", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify", "--repo", "/definitely/not/here")]
    [InlineData("verify", "--format", "yaml")]
    [InlineData("frobnicate")]
    [InlineData("approve", "--key", "/no/such/key", "--yes")]
    public void BadInput_IsOneLineOnStderrAndExitCode2(params string[] arguments)
    {
        using var repository = ToolScenario.WithAgentBranch();

        var result = tool.Run(repository.Root, null, arguments);

        Assert.Equal(2, result.ExitCode);
        AssertOneLine(result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void NoColor_AndRedirectedOutput_HaveNoEscapeCodes()
    {
        using var repository = ToolScenario.WithAgentBranch();

        var result = tool.Run(repository.Root, ProcessEnvironment.Local(new Dictionary<string, string?> { ["NO_COLOR"] = "1" }), "status");

        Assert.DoesNotContain('\u001b', result.StandardOutput);
    }

    private static void AssertOneLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr, got:\n" + text);
    }
}
