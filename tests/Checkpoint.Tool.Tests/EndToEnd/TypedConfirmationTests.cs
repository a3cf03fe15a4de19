namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// `checkpoint approve` on a real terminal: util-linux `script` gives the installed tool a
/// pseudo-terminal, and the test types the answer.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class TypedConfirmationTests(InstalledTool tool)
{
    private ProcessResult ApproveOnATerminal(TestRepository repository, string typed)
    {
        var command = $"'{tool.Executable}' approve --key '{SshKey.Alice.PrivateKeyPath}' --no-build";
        return ProcessRunner.Run("script", ["-qec", command, "/dev/null"], repository.Root, input: typed + "\n");
    }

    [Fact]
    public void WrongConfirmation_RefusesAndWritesNothing()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        var head = repository.Git("rev-parse", "HEAD");

        var result = ApproveOnATerminal(repository, "yes please");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the confirmation did not match", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void TypingTheShortDigest_SignsAndCommitsTheApproval()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        var digest = tool.Run(repository.Root, null, "hash").StandardOutput.Trim();

        var result = ApproveOnATerminal(repository, digest.Substring("sha256:".Length, 12));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("type its short digest", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, tool.Run(repository.Root, null, "verify").ExitCode);
    }
}
