using System;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Ci;
using Checkpoint.Core.Git;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// First step of the gate in each project: finds the repository the project belongs to and decides,
/// in the one place that does, whether a skip request counts (outside CI) or not (in CI). The
/// answer becomes the global properties of the one shared Checkpoint.Gate.proj build, which MSBuild
/// builds once per set of global properties and hands to every caller on every node.
/// </summary>
public sealed class CheckpointGateScope : GateTask
{
    /// <summary>The directory of the project being built; the repository is found from here.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary><c>$(CheckpointBaseRef)</c>: overrides the base branch in local builds (the gate ignores it in CI).</summary>
    public string? BaseRef { get; set; }

    /// <summary><c>$(DesignTimeBuild)</c>: IDE builds that only ask for compiler arguments.</summary>
    public bool DesignTimeBuild { get; set; }

    /// <summary><c>$(BuildingProject)</c>: false in IDE design-time builds.</summary>
    public bool BuildingProject { get; set; } = true;

    /// <summary><c>$(CheckpointGateEnabled)</c>: <c>false</c> skips the gate in local builds only.</summary>
    public string? GateEnabled { get; set; }

    /// <summary><c>$(CheckpointSkip)</c>: <c>true</c> skips the gate in local builds only.</summary>
    public string? Skip { get; set; }

    /// <summary><c>Name=value</c> global properties for Checkpoint.Gate.proj.</summary>
    [Output]
    public ITaskItem[] GateProperties { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The verdict this node already has for the same properties (<see cref="SharedVerdict"/>); empty when the shared project must be asked.</summary>
    [Output]
    public ITaskItem[] KnownVerdict { get; private set; } = Array.Empty<ITaskItem>();

    protected override string FailureContext => "could not locate the repository";

    protected override bool Run()
    {
        // Whether this is CI comes from the real process environment only: MSBuild properties are
        // the branch's to set, the environment the CI runner started the build with is not.
        var ci = CiEnvironment.FromVariables(EnvironmentSnapshot.Current());
        var skipReason = SkipRequest();
        if (skipReason.Length > 0 && ci.IsCi)
        {
            if (!DesignTimeBuild && BuildingProject)
            {
                Log.LogMessage(MessageImportance.Normal, "Checkpoint: {0} is ignored in CI; the gate runs.", skipReason);
            }

            skipReason = string.Empty;
        }

        // CheckpointBaseRef is passed as given: in CI the gate ignores it (the base is the trust
        // root and the branch can set any property) and says so.
        var repositoryDirectory = RepositoryLocator.Find(ProjectDirectory) ?? System.IO.Path.GetFullPath(ProjectDirectory);
        var baseRef = (BaseRef ?? string.Empty).Trim();
        GateProperties = new ITaskItem[]
        {
            new TaskItem(GateProperty.RepositoryDirectory + "=" + repositoryDirectory),
            new TaskItem(GateProperty.BaseRef + "=" + baseRef),
            new TaskItem(GateProperty.SkipReason + "=" + skipReason),
        };

        var known = SharedVerdict.Find(BuildEngine, SharedVerdict.KeyFor(repositoryDirectory, baseRef, skipReason));
        KnownVerdict = known == null ? Array.Empty<ITaskItem>() : new[] { known };
        if (known != null)
        {
            Log.LogMessage(MessageImportance.Low, "{0} {1}.", SharedVerdict.ReusedMessage, known.ItemSpec);
        }

        return true;
    }

    protected override bool OnFailure() => false;

    private string SkipRequest()
    {
        if (DesignTimeBuild)
        {
            return "DesignTimeBuild=true";
        }

        if (!BuildingProject)
        {
            return "BuildingProject=false";
        }

        if (string.Equals(GateEnabled?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return "CheckpointGateEnabled=false";
        }

        if (string.Equals(Skip?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return "CheckpointSkip=true";
        }

        return string.Empty;
    }
}
