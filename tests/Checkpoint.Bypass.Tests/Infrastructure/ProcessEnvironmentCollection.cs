namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>
/// Tests that change this process's environment (the MSBuild tasks read CI markers from it): they
/// run alone, after every parallel test, so no other test sees the change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
