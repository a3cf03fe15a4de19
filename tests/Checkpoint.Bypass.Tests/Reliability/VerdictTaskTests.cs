using Checkpoint.Build.Tasks;
using Checkpoint.Bypass.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// The tasks each project runs, in process: <see cref="CheckpointGateResult"/> fails the project
/// unless its verdict passed, and keeps the verdict for the node; <see cref="CheckpointGateScope"/>
/// finds a verdict kept for the same properties and, in CI, says nothing about a skip nobody asked
/// for. The build-level tests (the packed package in real builds) prove the same end to end; these
/// pin each decision down to its line. They set CI=true in this process, so they run alone.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class VerdictTaskTests : IDisposable
{
    private readonly string? _ci = Environment.GetEnvironmentVariable("CI");

    public VerdictTaskTests() => Environment.SetEnvironmentVariable("CI", "true");

    public void Dispose() => Environment.SetEnvironmentVariable("CI", _ci);

    private const string SharedVerdictText = "verdict already received on this node";

    public static TheoryData<int> MissingVerdicts() => new(-1, 0, 2);

    [Theory]
    [MemberData(nameof(MissingVerdicts))]
    public void NoVerdictOrMoreThanOne_FailsTheProjectClosed(int count)
    {
        var engine = new RecordingBuildEngine();
        var result = new CheckpointGateResult
        {
            BuildEngine = engine,
            Verdict = count < 0 ? null : Enumerable.Range(0, count).Select(_ => Verdict("Approved", "true", string.Empty)).ToArray(),
            ProjectFile = "/repo/App/App.csproj",
        };

        Assert.False(result.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CHK106", error.Code);
        Assert.Contains("returned no verdict for this project; failing closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Outcome);
    }

    [Fact]
    public void PassedVerdict_LetsTheProjectBuild()
    {
        var engine = new RecordingBuildEngine();
        var result = new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Approved", "true", string.Empty)] };

        Assert.True(result.Execute());
        Assert.Equal("Approved", result.Outcome);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.MessageEvents, m => m.Importance == MessageImportance.Low && m.Message == "Checkpoint gate: Approved.");
    }

    [Theory]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("false")]
    public void VerdictWhosePassedIsNotExactlyTrue_FailsTheProjectWithItsCode(string passed)
    {
        var engine = new RecordingBuildEngine();
        var result = new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Failed", passed, "CHK101")], ProjectFile = "/repo/App/App.csproj" };

        Assert.False(result.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("CHK101", "/repo/App/App.csproj"), (error.Code, error.File));
        Assert.Contains("The Checkpoint gate failed for this repository (CHK101)", error.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", result.Outcome);
    }

    [Fact]
    public void FailedVerdictWithoutACode_FailsWithTheFailClosedCode()
    {
        var engine = new RecordingBuildEngine();
        var result = new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Failed", "false", string.Empty)] };

        Assert.False(result.Execute());
        Assert.Equal("CHK106", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void FailedVerdictBeforeTheCompiler_LetsTheCompilerRun_AndEnforcingIsTheDefault()
    {
        Assert.True(new CheckpointGateResult().Enforce);
        var engine = new RecordingBuildEngine();
        var result = new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Failed", "false", "CHK100")], Enforce = false };

        Assert.True(result.Execute());
        Assert.Empty(engine.Errors);
        Assert.Equal("Failed", result.Outcome);
        Assert.Contains(
            engine.MessageEvents,
            m => m.Importance == MessageImportance.Low && m.Message == "Checkpoint gate: Failed; the compiler runs for its diagnostics, and the project fails right after it.");
    }

    [Fact]
    public void VerdictKeptByOneProject_IsFoundByTheNextWithTheSameProperties_AndOnlyByIt()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var first = Scope(engine, repo, baseRef: null);
        Assert.True(first.Execute());
        Assert.Empty(first.KnownVerdict);

        var result = new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Approved", "true", string.Empty)], GateProperties = first.GateProperties };
        Assert.True(result.Execute());

        var second = Scope(engine, repo, baseRef: null);
        Assert.True(second.Execute());
        var known = Assert.Single(second.KnownVerdict);
        Assert.Equal(("Approved", "true", string.Empty), (known.ItemSpec, known.GetMetadata("Passed"), known.GetMetadata("Code")));
        Assert.Contains(engine.Messages, m => m.Contains("Approved", StringComparison.Ordinal) && m.Contains(SharedVerdictText, StringComparison.Ordinal));

        var otherBase = Scope(engine, repo, baseRef: "origin/release");
        Assert.True(otherBase.Execute());
        Assert.Empty(otherBase.KnownVerdict);
    }

    [Fact]
    public void VerdictWithoutProperties_IsNotKept()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        Assert.True(new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Approved", "true", string.Empty)], GateProperties = [] }.Execute());
        Assert.Empty(engine.RegisteredKeys);

        var scope = Scope(engine, repo, baseRef: null);
        Assert.True(scope.Execute());
        Assert.Empty(scope.KnownVerdict);
    }

    [Fact]
    public void FailedVerdictKeptByOneProject_IsFoundWithItsCode()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var first = Scope(engine, repo, baseRef: null);
        Assert.True(first.Execute());
        Assert.False(new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Failed", "false", "CHK100")], GateProperties = first.GateProperties }.Execute());

        var second = Scope(engine, repo, baseRef: null);
        Assert.True(second.Execute());
        var known = Assert.Single(second.KnownVerdict);
        Assert.Equal(("Failed", "false", "CHK100"), (known.ItemSpec, known.GetMetadata("Passed"), known.GetMetadata("Code")));
    }

    [Fact]
    public void VerdictKeptUnderPropertiesWhoseValuesJoinTheSame_IsNotFoundForOthers()
    {
        // Repository, base and skip reason are separate parts of the key: moving a character from
        // one value to the next must give another key.
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var scope = Scope(engine, repo, baseRef: "origin/main");
        Assert.True(scope.Execute());
        var directory = scope.GateProperties[0].ItemSpec.Split('=', 2)[1];

        Keep(engine, directory[..^1], directory[^1..] + "origin/main", string.Empty);
        Keep(engine, directory, "origin/mai", "n");

        var again = Scope(engine, repo, baseRef: "origin/main");
        Assert.True(again.Execute());
        Assert.Empty(again.KnownVerdict);
    }

    [Fact]
    public void VerdictKeptWithAPropertyMissing_IsKeptAsIfThatPropertyWereEmpty()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var scope = Scope(engine, repo, baseRef: null);
        Assert.True(scope.Execute());

        Assert.True(new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Approved", "true", string.Empty)], GateProperties = [scope.GateProperties[0]] }.Execute());

        var next = Scope(engine, repo, baseRef: null);
        Assert.True(next.Execute());
        Assert.Equal("Approved", Assert.Single(next.KnownVerdict).ItemSpec);
    }

    [Fact]
    public void ScopeWithoutABaseRef_PassesAnEmptyOne()
    {
        using var repo = TestRepository.Create();
        var scope = Scope(new RecordingBuildEngine(), repo, baseRef: null);

        Assert.True(scope.Execute());
        Assert.Contains(scope.GateProperties, p => p.ItemSpec == "CheckpointBaseRef=");
    }

    [Fact]
    public void ScopeInCi_PassesItsPropertiesAsGiven_AndSaysNothingOfASkipNobodyAskedFor()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var scope = Scope(engine, repo, baseRef: "  origin/main  ");

        Assert.True(scope.Execute());
        var properties = scope.GateProperties.Select(p => p.ItemSpec.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(Path.GetFullPath(repo.Root).TrimEnd(Path.DirectorySeparatorChar), properties["CheckpointRepositoryDirectory"].TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal("origin/main", properties["CheckpointBaseRef"]);
        Assert.Equal(string.Empty, properties["CheckpointSkipReason"]);
        Assert.DoesNotContain(engine.Messages, m => m.Contains("is ignored in CI", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void DesignTimeOrNotBuildingInCi_IsNotAnnouncedAsAnIgnoredSkip(bool designTime, bool building)
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var scope = Scope(engine, repo, baseRef: null);
        scope.DesignTimeBuild = designTime;
        scope.BuildingProject = building;

        Assert.True(scope.Execute());
        Assert.DoesNotContain(engine.Messages, m => m.Contains("is ignored in CI", StringComparison.Ordinal));
        Assert.Contains(scope.GateProperties, p => p.ItemSpec == "CheckpointSkipReason=");
    }

    private static CheckpointGateScope Scope(RecordingBuildEngine engine, TestRepository repo, string? baseRef) =>
        new() { BuildEngine = engine, ProjectDirectory = Directory.CreateDirectory(Path.Combine(repo.Root, "src")).FullName, BaseRef = baseRef };

    private static void Keep(RecordingBuildEngine engine, string directory, string baseRef, string skipReason)
    {
        var properties = new ITaskItem[]
        {
            new TaskItem("CheckpointRepositoryDirectory=" + directory),
            new TaskItem("CheckpointBaseRef=" + baseRef),
            new TaskItem("CheckpointSkipReason=" + skipReason),
        };
        Assert.True(new CheckpointGateResult { BuildEngine = engine, Verdict = [Verdict("Approved", "true", string.Empty)], GateProperties = properties }.Execute());
    }

    private static ITaskItem Verdict(string outcome, string passed, string code)
    {
        var item = new TaskItem(outcome);
        item.SetMetadata("Passed", passed);
        item.SetMetadata("Code", code);
        return item;
    }
}
