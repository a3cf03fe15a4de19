using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// First step of the gate in each project: names the repository the project belongs to and
/// whether a local build asked to skip the gate, as the global properties of the one shared
/// Checkpoint.Gate.proj build. MSBuild builds a project with the same global properties once per
/// build and hands its result to every caller on every node, so the verdict is computed once
/// per repository however many projects, target frameworks or nodes the build has.
/// </summary>
public sealed class CheckpointGateScope : Task
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

    /// <summary>
    /// The verdict an earlier project of this build already received on this node for the same
    /// global properties (<see cref="SharedVerdict"/>); empty when the shared project must be asked.
    /// </summary>
    [Output]
    public ITaskItem[] KnownVerdict { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            var isCi = ProcessEnvironment.IsContinuousIntegration(ProcessEnvironment.Snapshot());
            var skipReason = SkipRequest();
            if (skipReason.Length > 0 && isCi)
            {
                if (!DesignTimeBuild && BuildingProject)
                {
                    Log.LogMessage(MessageImportance.Normal, "Checkpoint: {0} is ignored in CI; the gate runs.", skipReason);
                }

                skipReason = string.Empty;
            }

            // CheckpointBaseRef is passed as given: in CI, CheckpointGate.Evaluate ignores it
            // (the base is the trust root and the branch can set any property) and says so.
            var baseRef = (BaseRef ?? string.Empty).Trim();

            var properties = new List<ITaskItem>
            {
                new TaskItem("CheckpointRepositoryDirectory=" + RepositoryDirectory(ProjectDirectory)),
                new TaskItem("CheckpointBaseRef=" + baseRef),
                new TaskItem("CheckpointSkipReason=" + skipReason),
            };
            GateProperties = properties.ToArray();
            var known = SharedVerdict.Find(BuildEngine, SharedVerdict.KeyFor(GateProperties));
            KnownVerdict = known == null ? Array.Empty<ITaskItem>() : new[] { known };
            if (known != null)
            {
                Log.LogMessage(MessageImportance.Low, "{0} {1}.", SharedVerdict.ReusedMessage, known.ItemSpec);
            }

            return true;
        }
        catch (Exception ex)
        {
            // Fail closed, in one line: MSBuild's own report of a task exception is a stack trace.
            GateLogging.Error(Log, GateLogging.FailClosedCode, null, "The Checkpoint gate could not locate the repository and fails closed: " + ex.Message);
            return false;
        }
    }

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

    /// <summary>
    /// The nearest directory with a <c>.git</c> entry, else the project's own directory. This
    /// only groups projects; git itself decides in the gate what the repository is.
    /// </summary>
    internal static string RepositoryDirectory(string projectDirectory)
    {
        var start = Path.GetFullPath(projectDirectory);
        for (var current = start; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, ".git");
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return current!;
            }
        }

        return start;
    }
}
