using Checkpoint.Build.Tasks;
using Checkpoint.Bypass.Tests.Infrastructure;
using Microsoft.Build.Utilities;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// The MSBuild tasks fail closed in one line when something under them breaks: here, the build
/// engine itself refuses to keep the verdict.
/// </summary>
public sealed class GateTaskTests
{
    [Fact]
    public void EngineThatFailsWhileTheGateRuns_FailsClosedWithOneLineAndAFailingVerdict()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine { FailRegistration = true };
        var task = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = repo.Root };

        var returned = task.Execute();

        Assert.True(returned);
        var verdict = Assert.Single(task.Verdict);
        Assert.Equal(("Failed", "false", "CHK106"), (verdict.ItemSpec, verdict.GetMetadata("Passed"), verdict.GetMetadata("Code")));
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CHK106", error.Code);
        Assert.Contains("could not run and fails closed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineThatFailsWhileAProjectLooksForTheVerdict_FailsTheProjectInOneLine()
    {
        var engine = new RecordingBuildEngine { FailLookup = true };
        var task = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = Path.GetTempPath() };

        Assert.False(task.Execute());
        Assert.Contains("could not locate the repository and fails closed", Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineThatFailsWhileAProjectKeepsItsVerdict_FailsTheProjectInOneLine()
    {
        var engine = new RecordingBuildEngine { FailRegistration = true };
        var verdict = new TaskItem("Approved");
        verdict.SetMetadata("Passed", "true");
        verdict.SetMetadata("Code", string.Empty);
        var task = new CheckpointGateResult
        {
            BuildEngine = engine,
            Verdict = [verdict],
            GateProperties = [new TaskItem("CheckpointRepositoryDirectory=/repo"), new TaskItem("CheckpointBaseRef="), new TaskItem("CheckpointSkipReason=")],
            ProjectFile = "/repo/App/App.csproj",
        };

        Assert.False(task.Execute());
        Assert.Contains("could not read its verdict and fails closed", Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipRequest_IsHonouredByTheSharedTaskWithoutEvaluating()
    {
        // CheckpointGateScope alone decides whether a skip counts; the shared task just reports it.
        var engine = new RecordingBuildEngine();
        var task = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = Path.GetTempPath(), SkipReason = "CheckpointSkip=true" };

        Assert.True(task.Execute());
        var verdict = Assert.Single(task.Verdict);
        Assert.Equal(("Skipped", "true", string.Empty), (verdict.ItemSpec, verdict.GetMetadata("Passed"), verdict.GetMetadata("Code")));
        Assert.Contains(engine.Messages, m => m.Contains("skipped in this local build", StringComparison.Ordinal));
    }
}
