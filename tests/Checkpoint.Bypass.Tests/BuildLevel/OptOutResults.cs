namespace Checkpoint.Bypass.Tests.BuildLevel;

/// <summary>The opt-out builds of one harmless project on an agent branch.</summary>
public sealed record OptOutResults(
    ProcessResult LocalWithPropertyOptOuts,
    ProcessResult CiWithPropertyOptOuts,
    ProcessResult CiWithVariableOptOuts,
    ProcessResult CiPullRequestWithBaseRefOverride,
    ProcessResult EnforcedMachineWithPropertyOptOuts,
    ProcessResult JenkinsWithPropertyOptOuts);
