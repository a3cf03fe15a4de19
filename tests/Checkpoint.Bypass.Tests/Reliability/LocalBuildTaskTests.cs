using Checkpoint.Build.Tasks;
using Checkpoint.Bypass.Tests.Infrastructure;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// The gate's tasks in a local build (no CI marker in this process's environment): which skip
/// requests the scope passes on, and what a passing verdict with a warning looks like. They remove
/// the CI markers from this process while they run, so they run alone.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class LocalBuildTaskTests : IDisposable
{
    private readonly Dictionary<string, string?> _removed = new(StringComparer.Ordinal);

    public LocalBuildTaskTests()
    {
        // Remove whatever makes this process CI (CI, GITHUB_ACTIONS, CHECKPOINT_ENFORCE...), one marker at a time.
        for (var ci = CiEnvironment.FromVariables(EnvironmentSnapshot.Current()); ci.IsCi; ci = CiEnvironment.FromVariables(EnvironmentSnapshot.Current()))
        {
            var name = ci.CiVariable ?? throw new InvalidOperationException("CI detected without a variable");
            if (_removed.ContainsKey(name))
            {
                throw new InvalidOperationException($"{name} still makes this process CI after it was removed");
            }

            _removed[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    public void Dispose()
    {
        foreach ((var name, var value) in _removed)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Theory]
    [InlineData(true, true, null, "DesignTimeBuild=true")]
    [InlineData(false, false, null, "BuildingProject=false")]
    [InlineData(false, true, "true", "CheckpointSkip=true")]
    [InlineData(false, true, null, "")]
    public void SkipRequestInALocalBuild_IsPassedToTheSharedProjectByName(bool designTime, bool building, string? skip, string expected)
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var scope = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = repo.Root, DesignTimeBuild = designTime, BuildingProject = building, Skip = skip };

        Assert.True(scope.Execute());
        Assert.Contains(scope.GateProperties, p => p.ItemSpec == "CheckpointSkipReason=" + expected);
    }

    [Fact]
    public void ScopeGivenOnlyItsProjectDirectory_DoesNotSkipTheGate()
    {
        // MSBuild leaves BuildingProject at its default when the property is empty: a normal build.
        using var repo = TestRepository.Create();
        var scope = new CheckpointGateScope { BuildEngine = new RecordingBuildEngine(), ProjectDirectory = repo.Root };

        Assert.True(scope.Execute());
        Assert.Contains(scope.GateProperties, p => p.ItemSpec == "CheckpointSkipReason=");
    }

    [Fact]
    public void ScopeWithoutAProjectDirectory_FailsClosed()
    {
        var engine = new RecordingBuildEngine();
        var scope = new CheckpointGateScope { BuildEngine = engine };

        Assert.False(scope.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CHK106", error.Code);
        Assert.StartsWith("The Checkpoint gate could not locate the repository and fails closed: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(scope.GateProperties);
    }

    [Fact]
    public void FolderOutsideGitInALocalBuild_PassesWithAWarning_AndTheVerdictCarriesNoCode()
    {
        // The warning's code is the gate's CHK106; a passing verdict still has no code of its own.
        var folder = ScratchFolder.Create("checkpoint-no-repo-");
        try
        {
            var engine = new RecordingBuildEngine();
            var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = folder };

            Assert.True(gate.Execute());
            var verdict = Assert.Single(gate.Verdict);
            Assert.Equal(("GateUnavailable", "true", string.Empty), (verdict.ItemSpec, verdict.GetMetadata("Passed"), verdict.GetMetadata("Code")));
            Assert.Empty(engine.Errors);
            var warning = Assert.Single(engine.Warnings);
            Assert.Equal(("Checkpoint", "CHK106", folder, "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/CHK106.md"), (warning.Subcategory, warning.Code, warning.File, warning.HelpLink));
            Assert.StartsWith("the Checkpoint gate could not run: ", warning.Message, StringComparison.Ordinal);
            Assert.EndsWith("; outside CI the build continues, in CI this is an error", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }
}
