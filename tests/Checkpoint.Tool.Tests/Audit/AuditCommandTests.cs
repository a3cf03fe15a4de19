using System.Text.Json;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Signatures;
using Checkpoint.Tool.Output;
using Checkpoint.Tool.Tests.EndToEnd;

namespace Checkpoint.Tool.Tests.Audit;

/// <summary>
/// `checkpoint audit` through the command line, in process, on real repositories: approvals made by
/// `checkpoint approve` itself and by real `ssh-keygen -Y sign`, changes merged as a merge commit and
/// as a squash, and the exit code a scheduled job relies on.
/// </summary>
public sealed class AuditCommandTests
{
    // The repository's commits are dated from 2026-05-01 09:01 UTC on; approvals are made before.
    private static readonly DateTimeOffset ApprovedAt = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MergeCommitAndSquashApproved_AppearWithApproversKeysAndOperations_AndAThirdMergedWithoutApproval_Exits1()
    {
        using var repo = ToolScenario.OnMain();
        AgentBranch(repo, "copilot/drop-bucket", "src/Drop.cs");
        ApproveWithRecord(repo, SshKey.Alice, "alice-drop", "Amazon.S3.IAmazonS3.DeleteBucketAsync");
        var merge = MergeCommit(repo, "copilot/drop-bucket", 1);

        AgentBranch(repo, "copilot/tidy", "src/Tidy.cs");
        repo.ActAs(SshKey.Bob);
        var approve = Run(repo, ApprovedAt, "approve", "--key", SshKey.Bob.PrivateKeyPath, "--yes", "--no-build");
        Assert.True(approve.ExitCode == 0, approve.Output + approve.Error);
        repo.ActAs(ToolScenario.Maintainer);
        var squash = Squash(repo, "copilot/tidy", 2);

        AgentBranch(repo, "copilot/sneaky", "src/Sneaky.cs");
        var unapproved = MergeCommit(repo, "copilot/sneaky", 3);

        var json = Run(repo, ToolScenarioNow, "audit", "--format", "json");
        var text = Run(repo, ToolScenarioNow, "audit");
        var csv = Run(repo, ToolScenarioNow, "audit", "--format", "csv");
        var markdown = Run(repo, ToolScenarioNow, "audit", "--format", "markdown");

        Assert.All(new[] { json, text, csv, markdown }, result => Assert.Equal(1, result.ExitCode));
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(AuditOutput.JsonSchema, root.GetProperty("schema").GetString());
        Assert.True(root.GetProperty("flagged").GetBoolean());
        var changes = root.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("landingCommit").GetString()!);

        var first = changes[merge];
        Assert.Equal("merge-commit", first.GetProperty("shape").GetString());
        Assert.Equal("copilot/drop-bucket", first.GetProperty("branch").GetString());
        Assert.True(first.GetProperty("approved").GetBoolean());
        var approval = Assert.Single(first.GetProperty("approvals").EnumerateArray());
        Assert.Equal("alice@example.com", approval.GetProperty("approver").GetString());
        Assert.Equal(SshPublicKey.Parse(SshKey.Alice.PublicKey).Fingerprint, approval.GetProperty("keyFingerprint").GetString());
        Assert.Equal(JsonValueKind.Null, approval.GetProperty("userPresent").ValueKind);
        Assert.Equal("2026-05-01T08:00:00Z", approval.GetProperty("createdAt").GetString());
        Assert.Equal(ApprovalManifest.SchemaWithRecord, approval.GetProperty("manifestSchema").GetString());
        var operation = Assert.Single(approval.GetProperty("review").GetProperty("operations").EnumerateArray());
        Assert.Equal(("added", "destructive", "Amazon.S3.IAmazonS3.DeleteBucketAsync", "src/Drop.cs"), (
            operation.GetProperty("change").GetString(),
            operation.GetProperty("tier").GetString(),
            operation.GetProperty("operation").GetString(),
            operation.GetProperty("path").GetString()));

        // The approval `checkpoint approve` wrote records what its review showed: operations not analyzed (--no-build).
        var second = changes[squash];
        Assert.Equal("single-commit", second.GetProperty("shape").GetString());
        Assert.True(second.GetProperty("approved").GetBoolean());
        var bobs = Assert.Single(second.GetProperty("approvals").EnumerateArray());
        Assert.Equal("bob@example.com", bobs.GetProperty("approver").GetString());
        Assert.Equal(SshPublicKey.Parse(SshKey.Bob.PublicKey).Fingerprint, bobs.GetProperty("keyFingerprint").GetString());
        Assert.Equal(ApprovalManifest.SchemaWithRecord, bobs.GetProperty("manifestSchema").GetString());
        Assert.False(bobs.GetProperty("review").GetProperty("operationsAnalyzed").GetBoolean());

        var third = changes[unapproved];
        Assert.True(third.GetProperty("gated").GetBoolean());
        Assert.False(third.GetProperty("approved").GetBoolean());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal(("unapproved", unapproved), (finding.GetProperty("kind").GetString(), finding.GetProperty("commit").GetString()));

        Assert.Contains("approved by alice@example.com", text.Output, StringComparison.Ordinal);
        Assert.Contains("added destructive Amazon.S3.IAmazonS3.DeleteBucketAsync at src/Drop.cs:3", text.Output, StringComparison.Ordinal);
        Assert.Contains("FLAGGED unapproved: landed without an approval", text.Output, StringComparison.Ordinal);
        var rows = csv.Output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("landed_at,shape,landing_commit,", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains(merge, StringComparison.Ordinal) && r.Contains("alice@example.com", StringComparison.Ordinal) && r.Contains("added destructive Amazon.S3.IAmazonS3.DeleteBucketAsync src/Drop.cs", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(unapproved, StringComparison.Ordinal) && r.Contains("unapproved: landed without an approval", StringComparison.Ordinal));
        Assert.StartsWith("## Checkpoint audit: flagged", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("`alice@example.com`", markdown.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Without <c>--no-build</c>, <c>approve</c> compiles the branch in process and signs what its
    /// review found; the audit reads that record back from the merged history.
    /// </summary>
    [Fact]
    public void ApprovalMadeAfterAFullReview_RecordsTheOperationsItFound_AndTheAuditShowsThem()
    {
        using var repo = ToolScenario.OnMain();
        repo.Write("src/Jobs.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        repo.Commit("A project", ToolScenario.Maintainer);
        repo.PushMain();
        repo.Branch("copilot/purge");
        repo.Write("src/Purge.cs", "namespace Jobs;\n\npublic static class Purge\n{\n    public static void Run(string folder) => System.IO.Directory.Delete(folder, true);\n}\n")
            .Commit("Purge old exports", TestRepository.CopilotAuthor);
        repo.ActAs(SshKey.Alice);
        var output = new StringWriter();
        var error = new StringWriter();
        var console = ToolConsole.ForWriters(output, error, new StringReader(string.Empty), isInteractive: false);
        var variables = ProcessEnvironment.Local(new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = Path.Combine(repo.Folder, "review-cache") });
        var exitCode = CheckpointCommandLine.Run(["approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes"], console, new ToolEnvironment(variables, repo.Root, () => ApprovedAt));
        var approve = (ExitCode: exitCode, Output: output.ToString(), Error: error.ToString());

        Assert.True(approve.ExitCode == 0, approve.Output + approve.Error);
        repo.ActAs(ToolScenario.Maintainer);
        var merge = MergeCommit(repo, "copilot/purge", 1);

        var json = Run(repo, ToolScenarioNow, "audit", "--format", "json");

        Assert.True(json.ExitCode == 0, json.Output + json.Error);
        using var document = JsonDocument.Parse(json.Output);
        var change = document.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("landingCommit").GetString() == merge);
        Assert.True(change.GetProperty("approved").GetBoolean());
        var approval = Assert.Single(change.GetProperty("approvals").EnumerateArray());
        Assert.Equal("alice@example.com", approval.GetProperty("approver").GetString());
        var review = approval.GetProperty("review");
        Assert.True(review.GetProperty("operationsAnalyzed").GetBoolean(), review.ToString());
        var operation = Assert.Single(review.GetProperty("operations").EnumerateArray());
        Assert.Equal(("added", "disruptive", "src/Purge.cs", 5), (
            operation.GetProperty("change").GetString(),
            operation.GetProperty("tier").GetString(),
            operation.GetProperty("path").GetString(),
            operation.GetProperty("line").GetInt32()));
        Assert.Contains("Directory.Delete", operation.GetProperty("operation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovalFromAKeyRevokedLater_IsFlagged_EvenThoughItCountedWhenTheChangeLanded()
    {
        using var repo = ToolScenario.OnMain();
        AgentBranch(repo, "copilot/by-bob", "src/Bob.cs");
        Approve(repo, SshKey.Bob, "bob");
        var merge = MergeCommit(repo, "copilot/by-bob", 1);
        var fingerprint = SshPublicKey.Parse(SshKey.Bob.PublicKey).Fingerprint;
        repo.Write(".checkpoint/revoked", $"key {fingerprint}  # laptop stolen\n").Commit("Revoke Bob's key", ToolScenario.Maintainer);
        repo.PushMain();

        var result = Run(repo, ToolScenarioNow, "audit", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var change = document.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("landingCommit").GetString() == merge);
        Assert.True(change.GetProperty("approved").GetBoolean());
        Assert.Equal($"key {fingerprint}", change.GetProperty("approvals")[0].GetProperty("revokedLater").GetString());
        Assert.Equal("revoked-later", Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public void CleanHistory_Exits0_AndTheWindowKeepsOnlyWhatLandedInIt()
    {
        using var repo = ToolScenario.OnMain();
        AgentBranch(repo, "copilot/one", "src/One.cs");
        Approve(repo, SshKey.Alice, "alice-one");
        var merge = MergeCommit(repo, "copilot/one", 1);
        var landed = DateTimeOffset.FromUnixTimeSeconds(long.Parse(repo.Git("log", "-1", "--format=%ct", merge), System.Globalization.CultureInfo.InvariantCulture));

        var all = Run(repo, ToolScenarioNow, "audit");
        var window = Run(repo, ToolScenarioNow, "audit", "--since", landed.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        var before = Run(repo, ToolScenarioNow, "audit", "--until", "2026-04-30", "--format", "json");

        Assert.Equal(0, all.ExitCode);
        Assert.Contains("approved by alice@example.com", all.Output, StringComparison.Ordinal);
        Assert.Equal(0, window.ExitCode);
        using var inWindow = JsonDocument.Parse(window.Output);
        Assert.Equal(merge, Assert.Single(inWindow.RootElement.GetProperty("changes").EnumerateArray()).GetProperty("landingCommit").GetString());
        using var empty = JsonDocument.Parse(before.Output);
        Assert.Empty(empty.RootElement.GetProperty("changes").EnumerateArray());
    }

    [Theory]
    [InlineData("--since", "last tuesday")]
    [InlineData("--until", "2026-13-01")]
    [InlineData("--since", "2026-06-01T12:00:00")]
    public void DateThatIsNotADate_IsOneLineAndExit2(string option, string value)
    {
        using var repo = ToolScenario.OnMain();

        var result = Run(repo, ToolScenarioNow, "audit", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is not a date", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SinceAfterUntil_IsExit2()
    {
        using var repo = ToolScenario.OnMain();

        var result = Run(repo, ToolScenarioNow, "audit", "--since", "2026-06-02", "--until", "2026-06-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--since must be before --until", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShallowClone_IsRefusedWithExit2_NotAPartialRecord()
    {
        using var repo = ToolScenario.OnMain();
        AgentBranch(repo, "copilot/one", "src/One.cs");
        MergeCommit(repo, "copilot/one", 1);
        var clone = Path.Combine(repo.Folder, "shallow");
        ProcessRunner.RunChecked("git", ["clone", "-q", "--depth", "1", "file://" + repo.OriginPath, clone], repo.Folder);

        var result = Run(clone, ToolScenarioNow, "audit");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("shallow clone", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    internal static DateTimeOffset ToolScenarioNow => TestRepository.Now;

    internal static (int ExitCode, string Output, string Error) Run(TestRepository repo, DateTimeOffset now, params string[] arguments) =>
        Run(repo.Root, now, arguments);

    internal static (int ExitCode, string Output, string Error) Run(string directory, DateTimeOffset now, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = ToolConsole.ForWriters(output, error, new StringReader(string.Empty), isInteractive: false);
        var environment = new ToolEnvironment(ProcessEnvironment.Local(), directory, () => now);
        var exitCode = CheckpointCommandLine.Run(arguments, console, environment);
        return (exitCode, output.ToString(), error.ToString());
    }

    internal static void AgentBranch(TestRepository repo, string branch, string path)
    {
        repo.Checkout("main");
        repo.Branch(branch);
        repo.Write(path, $"class {Path.GetFileNameWithoutExtension(path)}\n{{\n    void Drop() {{ }}\n}}\n").Commit("Add " + path, TestRepository.CopilotAuthor);
    }

    internal static ApprovalManifest Approve(TestRepository repo, SshKey key, string name)
    {
        var manifest = repo.ManifestFor(key, createdAt: ApprovedAt, validFor: TimeSpan.FromDays(14));
        repo.Approve(key, manifest.Serialize(), name);
        return manifest;
    }

    internal static string MergeCommit(TestRepository repo, string branch, int number)
    {
        repo.Checkout("main");
        repo.Git("merge", "-q", "--no-ff", "--no-commit", branch);
        var merge = repo.Commit($"Merge pull request #{number} from acme/{branch}", ToolScenario.Maintainer);
        repo.PushMain();
        return merge;
    }

    private static void ApproveWithRecord(TestRepository repo, SshKey key, string name, string operation)
    {
        var plain = repo.ManifestFor(key, createdAt: ApprovedAt, validFor: TimeSpan.FromDays(14));
        var record = new ApprovalRecord(true, [new RecordedOperation("added", "destructive", operation, plain.Files![0].Path, 3, "M:Drop.Drop")], [], []);
        var manifest = new ApprovalManifest(plain.Repository, plain.Digest, plain.Approver, plain.CreatedAt, plain.ExpiresAt, plain.Files, plain.BaseRef, plain.MergeBase, record);
        repo.Approve(key, manifest.Serialize(), name);
    }

    private static string Squash(TestRepository repo, string branch, int number)
    {
        repo.Checkout("main");
        repo.Git("merge", "-q", "--squash", branch);
        var squash = repo.Commit($"{branch} (#{number})", TestRepository.CopilotAuthor, "GitHub <noreply@github.com>");
        repo.PushMain();
        return squash;
    }
}
