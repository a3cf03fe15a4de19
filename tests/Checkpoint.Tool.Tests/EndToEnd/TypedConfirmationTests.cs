namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// `checkpoint approve` on a real terminal: util-linux `script` gives the installed tool a
/// pseudo-terminal, and the test types the answer.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class TypedConfirmationTests(InstalledTool tool)
{
    private ProcessOutcome ApproveOnATerminal(TestRepository repository, string typed)
    {
        var command = $"'{tool.Executable}' approve --key '{repository.Alice.PrivateKeyPath}' --no-build";
        return ProcessRun.Run("script", ["-qec", command, "/dev/null"], repository.Work, input: typed + "\n");
    }

    [Fact]
    public void WrongConfirmation_RefusesAndWritesNothing()
    {
        using var repository = TestRepository.WithAgentBranch();
        repository.ActAs(repository.Alice);
        var head = repository.Git("rev-parse", "HEAD");

        var result = ApproveOnATerminal(repository, "yes please");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the confirmation did not match", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Work, ".checkpoint", "approvals")));
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void TypingTheShortDigest_SignsAndCommitsTheApproval()
    {
        using var repository = TestRepository.WithAgentBranch();
        repository.ActAs(repository.Alice);
        var digest = tool.Run(repository.Work, null, "hash").Output.Trim();

        var result = ApproveOnATerminal(repository, digest.Substring("sha256:".Length, 12));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("type its short digest", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, tool.Run(repository.Work, null, "verify").ExitCode);
    }
}
