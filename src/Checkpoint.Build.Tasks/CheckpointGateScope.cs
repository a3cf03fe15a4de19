using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks
{
    /// <summary>
    /// First step of the gate in each project: names the repository the project belongs to and
    /// whether a local build asked to skip the gate, as the global properties of the one shared
    /// Checkpoint.Gate.proj build. MSBuild builds a project with the same global properties once per
    /// build and hands its result to every caller on every node, so the verdict is computed once
    /// per repository however many projects, target frameworks or nodes the build has.
    /// </summary>
    public sealed class CheckpointGateScope : Task
    {
        private const string BaseRefProperty = "CheckpointBaseRef";

        /// <summary>The directory of the project being built; the repository is found from here.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = string.Empty;

        /// <summary><c>$(CheckpointBaseRef)</c>: overrides the base branch (in CI it cannot override a pull request's target).</summary>
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

        public override bool Execute()
        {
            try
            {
                bool isCi = ProcessEnvironment.IsContinuousIntegration(ProcessEnvironment.Snapshot());
                string skipReason = SkipRequest();
                if (skipReason.Length > 0 && isCi)
                {
                    if (!DesignTimeBuild && BuildingProject)
                    {
                        Log.LogMessage(MessageImportance.Normal, "Checkpoint: {0} is ignored in CI; the gate runs.", skipReason);
                    }

                    skipReason = string.Empty;
                }

                string baseRef = (BaseRef ?? string.Empty).Trim();
                if (baseRef.Length > 0 && isCi && !IsGlobalProperty(BaseRefProperty))
                {
                    // A project file or Directory.Build.props belongs to the branch being gated: a
                    // base chosen there could be the branch itself (an empty diff, and trust files
                    // read from the branch). In CI only the command line, which the CI definition
                    // owns, may choose the base.
                    Log.LogMessage(
                        MessageImportance.High,
                        "Checkpoint: CheckpointBaseRef '{0}' is set in a project file, which the branch controls, and is ignored in CI; pass -p:CheckpointBaseRef=... on the CI command line instead.",
                        baseRef);
                    baseRef = string.Empty;
                }

                var properties = new List<ITaskItem>
                {
                    new TaskItem("CheckpointRepositoryDirectory=" + RepositoryDirectory(ProjectDirectory)),
                    new TaskItem(BaseRefProperty + "=" + baseRef),
                    new TaskItem("CheckpointSkipReason=" + skipReason),
                };
                GateProperties = properties.ToArray();
                return true;
            }
            catch (Exception ex)
            {
                // Fail closed, in one line: MSBuild's own report of a task exception is a stack trace.
                GateLogging.Error(Log, GateLogging.FailClosedCode, null, "The Checkpoint gate could not locate the repository and fails closed: " + ex.Message);
                return false;
            }
        }

        private bool IsGlobalProperty(string name)
        {
            // Engines older than IBuildEngine6 cannot say; treating the value as a project
            // property is the safe side.
            if (BuildEngine is IBuildEngine6 engine)
            {
                foreach (string key in engine.GetGlobalProperties().Keys)
                {
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
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
            string start = Path.GetFullPath(projectDirectory);
            for (string? current = start; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
            {
                string candidate = Path.Combine(current, ".git");
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return current!;
                }
            }

            return start;
        }
    }
}
