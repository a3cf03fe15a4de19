using System.Collections;
using Microsoft.Build.Framework;

namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>A build engine that records what the gate's tasks log, and can fail on purpose where MSBuild's could.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine4
{
    private readonly Dictionary<object, object> _registered = new();

    public bool FailRegistration { get; init; }

    public bool FailLookup { get; init; }

    /// <summary>The text of the exception a failing registration or lookup throws.</summary>
    public string FailureText { get; init; } = "the node is shutting down";

    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    /// <summary>Every message's text, whatever its importance.</summary>
    public List<string> Messages { get; } = new();

    public List<BuildMessageEventArgs> MessageEvents { get; } = new();

    /// <summary>The keys of the objects registered for the build (the kept verdicts).</summary>
    public IReadOnlyCollection<object> RegisteredKeys => _registered.Keys;

    public bool IsRunningMultipleNodes => false;

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        Messages.Add(e.Message ?? string.Empty);
        MessageEvents.Add(e);
    }

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
            throw new InvalidOperationException(FailureText);
        }

        _registered[key] = obj;
    }

    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        FailLookup ? throw new InvalidOperationException(FailureText) : _registered.GetValueOrDefault(key);

    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => _registered.Remove(key, out var value) ? value : null;
}
