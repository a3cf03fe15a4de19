namespace Checkpoint.Tool.Review
{
    /// <summary>What part of the checkpoint a change could weaken. The names are in the json schema.</summary>
    internal enum WeakeningKind
    {
        /// <summary>.checkpoint/policy.json, allowed_signers or anything else under .checkpoint/ except approvals.</summary>
        CheckpointConfiguration,

        /// <summary>The Checkpoint.Analyzers package reference or version, or the pinned checkpoint tool.</summary>
        CheckpointPackage,

        /// <summary>Directory.Build.*, *.props, *.targets, response files: MSBuild logic that runs in every build.</summary>
        BuildConfiguration,

        /// <summary>NoWarn, WarningsAsErrors and friends, or .editorconfig/.globalconfig diagnostic entries.</summary>
        DiagnosticSettings,

        /// <summary>#pragma warning disable, [SuppressMessage] for CHK rules, an auto-generated marker.</summary>
        Suppression,

        /// <summary>nuget.config: where packages (the analyzers included) come from.</summary>
        PackageSources,

        /// <summary>CI workflows and CODEOWNERS: where the required check itself is defined.</summary>
        ContinuousIntegration,
    }

    /// <summary>A change that could weaken the checkpoint. `checkpoint review` lists these first, in red.</summary>
    /// <param name="Path">Repository-relative path.</param>
    /// <param name="Line">Line on the side the change is on, or null for a whole-file change.</param>
    /// <param name="Kind">Which guard it touches.</param>
    /// <param name="Change">"added", "removed", "modified", "deleted" or "created".</param>
    /// <param name="Description">One line for a human: what changed and why it matters.</param>
    internal sealed record WeakeningChange(string Path, int? Line, WeakeningKind Kind, string Change, string Description);
}
