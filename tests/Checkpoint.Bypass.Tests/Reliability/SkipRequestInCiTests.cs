using Checkpoint.Build.Tasks;
using Checkpoint.Bypass.Tests.Infrastructure;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// In CI no skip request counts: CheckpointGateScope, the one place that decides, hands the shared
/// gate task an empty skip reason, and the gate then evaluates the branch. The tasks read CI from
/// the real process environment, so these tests set CI=true in this process (and run alone).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SkipRequestInCiTests : IDisposable
{
    private readonly string? _ci = Environment.GetEnvironmentVariable("CI");

    public SkipRequestInCiTests() => Environment.SetEnvironmentVariable("CI", "true");

    public void Dispose() => Environment.SetEnvironmentVariable("CI", _ci);

    [Theory]
    [InlineData("CheckpointSkip", "true")]
    [InlineData("CheckpointSkip", " True ")]
    [InlineData("CheckpointGateEnabled", "false")]
    [InlineData("DesignTimeBuild", "true")]
    [InlineData("BuildingProject", "false")]
    public void SkipRequestInCi_IsIgnored_AndTheUnapprovedBranchFails(string property, string value)
    {
        using var repo = TestRepository.Create();
        repo.Branch("claude/feature").Write("src/Feature.cs", "class Feature { }\n").Commit("Add feature", TestRepository.CopilotAuthor);
        var engine = new RecordingBuildEngine();
        var scope = new CheckpointGateScope
        {
            BuildEngine = engine,
            ProjectDirectory = Path.Combine(repo.Root, "src"),
            Skip = property == "CheckpointSkip" ? value : null,
            GateEnabled = property == "CheckpointGateEnabled" ? value : null,
            DesignTimeBuild = property == "DesignTimeBuild",
            BuildingProject = property != "BuildingProject",
        };

        Assert.True(scope.Execute());
        var properties = scope.GateProperties.Select(p => p.ItemSpec.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(string.Empty, properties["CheckpointSkipReason"]);
        if (property is "CheckpointSkip" or "CheckpointGateEnabled")
        {
            Assert.Contains(engine.Messages, m => m.Contains("is ignored in CI; the gate runs", StringComparison.Ordinal));
        }

        var gate = new CheckpointGate
        {
            BuildEngine = engine,
            RepositoryDirectory = properties["CheckpointRepositoryDirectory"],
            BaseRef = properties["CheckpointBaseRef"],
            SkipReason = properties["CheckpointSkipReason"],
        };
        Assert.True(gate.Execute());
        var verdict = Assert.Single(gate.Verdict);
        Assert.Equal(("Failed", "false", "CHK100"), (verdict.ItemSpec, verdict.GetMetadata("Passed"), verdict.GetMetadata("Code")));
        // One error line, the gate's own: no second "failed without a reason" line after it.
        Assert.Equal("CHK100", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void SharedTaskOutsideARepositoryInCi_WithNoSkipReason_FailsClosed()
    {
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = Path.GetTempPath(), SkipReason = string.Empty };

        Assert.True(gate.Execute());
        var verdict = Assert.Single(gate.Verdict);
        Assert.Equal(("Failed", "false", "CHK106"), (verdict.ItemSpec, verdict.GetMetadata("Passed"), verdict.GetMetadata("Code")));
    }
}
