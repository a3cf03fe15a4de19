using System.Collections;
using Checkpoint.Build.Tasks;
using Microsoft.Build.Framework;
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
        var engine = new BuildEngine { FailRegistration = true };
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
        var engine = new BuildEngine { FailLookup = true };
        var task = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = Path.GetTempPath() };

        Assert.False(task.Execute());
        Assert.Contains("could not locate the repository and fails closed", Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineThatFailsWhileAProjectKeepsItsVerdict_FailsTheProjectInOneLine()
    {
        var engine = new BuildEngine { FailRegistration = true };
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
        var engine = new BuildEngine();
        var task = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = Path.GetTempPath(), SkipReason = "CheckpointSkip=true" };

        Assert.True(task.Execute());
        Assert.Equal("Skipped", Assert.Single(task.Verdict).ItemSpec);
        Assert.Contains(engine.Messages, m => m.Contains("skipped in this local build", StringComparison.Ordinal));
    }

    private sealed class BuildEngine : IBuildEngine4
    {
        private readonly Dictionary<object, object> _registered = new();

        public bool FailRegistration { get; init; }

        public bool FailLookup { get; init; }

        public List<BuildErrorEventArgs> Errors { get; } = new();

        public List<string> Messages { get; } = new();

        public bool IsRunningMultipleNodes => false;

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.proj";

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => false;

        public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => false;

        public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => default;

        public void Yield()
        {
        }

        public void Reacquire()
        {
        }

        public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection)
        {
            if (FailRegistration)
            {
                throw new InvalidOperationException("the node is shutting down");
            }

            _registered[key] = obj;
        }

        public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
            FailLookup ? throw new InvalidOperationException("the node is shutting down") : _registered.GetValueOrDefault(key);

        public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => _registered.Remove(key, out var value) ? value : null;
    }
}
