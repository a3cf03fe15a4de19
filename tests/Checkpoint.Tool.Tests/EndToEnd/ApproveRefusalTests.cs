namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// approve refuses before signing whatever the gate would reject for this approver, is a no-op when
/// the approver already approved this digest, and exits with the resulting verdict.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ApproveRefusalTests(InstalledTool tool)
{
    private static string Attested(string attributes) =>
        "class Service\n{\n" + attributes + "    void Drop() => System.IO.Directory.Delete(\"/data\", true);\n    int Answer() => 43;\n}\n";

    private ProcessResult Approve(TestRepository repository, SshKey key) =>
        tool.Run(repository.Root, null, "approve", "--key", key.PrivateKeyPath, "--yes", "--no-build");

    [Fact]
    public void ApproveOnMain_SaysNothingToApprove_ExitsOne_AndCommitsNothing()
    {
        using var repository = ToolScenario.OnMain();
        var head = repository.Git("rev-parse", "HEAD");

        var result = Approve(repository, SshKey.Alice);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing to approve", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
    }

    [Fact]
    public void ApproveOnABranchThatIsNotGated_Refuses()
    {
        using var repository = ToolScenario.OnMain();
        repository.Branch("fix/typo").Write("src/Service.cs", "class Service { int Answer() => 43; }\n").Commit("Fix", ToolScenario.Maintainer);

        var result = Approve(repository, SshKey.Alice);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("this build is not gated", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
    }

    [Fact]
    public void ApproveByAnAuthorInTheRange_RefusesBeforeSigning_AndCommitsNothing()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.Write("src/Extra.cs", "class Extra { }\n").Commit("Alice adds a file", SshKey.Alice.Identity);
        repository.ActAs(SshKey.Alice);
        var head = repository.Git("rev-parse", "HEAD");

        var result = Approve(repository, SshKey.Alice);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("authored or committed", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
    }

    [Fact]
    public void ApprovingTheSameDigestAgain_IsANoOpThatExitsZero()
    {
        using var repository = ToolScenario.WithAgentBranch();
        repository.ActAs(SshKey.Alice);
        Assert.Equal(0, Approve(repository, SshKey.Alice).ExitCode);
        var head = repository.Git("rev-parse", "HEAD");

        var again = Approve(repository, SshKey.Alice);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Already approved", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(head, repository.Git("rev-parse", "HEAD"));
    }

    [Fact]
    public void ApproveWhenTheAttestationsNameSomeoneElse_RefusesAndSaysWhoMustSign()
    {
        using var repository = ToolScenario.OnMain();
        repository.Branch("copilot/drop").Write("src/Service.cs", Attested("    [Checkpoint.ApprovedBy(\"bob@example.com\", Reason = \"Drop\")]\n")).Commit("Drop", ToolScenario.Agent);
        repository.ActAs(SshKey.Alice);

        var result = Approve(repository, SshKey.Alice);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("name bob@example.com", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("bob@example.com must sign", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, ".checkpoint", "approvals")));
    }

    [Fact]
    public void ApproveWhenTheAttestationsAlsoNameBob_SignsSaysBobMustStillSign_AndExitsWithTheFailingVerdict()
    {
        using var repository = ToolScenario.OnMain();
        repository.Branch("copilot/drop")
            .Write("src/Service.cs", Attested("    [Checkpoint.ApprovedBy(\"alice@example.com\", Reason = \"Drop\")]\n    [Checkpoint.ApprovedBy(\"bob@example.com\", Reason = \"Drop\")]\n"))
            .Commit("Drop", ToolScenario.Agent);
        repository.ActAs(SshKey.Alice);

        var alice = Approve(repository, SshKey.Alice);

        Assert.Equal(1, alice.ExitCode);
        Assert.Contains("Still needed", alice.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("bob@example.com", alice.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("CHK108", alice.StandardOutput, StringComparison.Ordinal);

        repository.ActAs(SshKey.Bob);
        var bob = Approve(repository, SshKey.Bob);
        Assert.Equal(0, bob.ExitCode);
    }

    [Fact]
    public void ApproveWhenAnAttestationCannotBeRead_Refuses()
    {
        using var repository = ToolScenario.OnMain();
        repository.Branch("copilot/drop").Write("src/Service.cs", Attested("    [Checkpoint.ApprovedBy(Names.Alice, Reason = \"Drop\")]\n")).Commit("Drop", ToolScenario.Agent);
        repository.ActAs(SshKey.Alice);

        var result = Approve(repository, SshKey.Alice);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("src/Service.cs:3: the gate cannot read", result.StandardError, StringComparison.Ordinal);
    }
}
