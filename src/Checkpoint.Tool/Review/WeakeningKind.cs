namespace Checkpoint.Tool.Review;

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

    /// <summary>.gitattributes anywhere: can hide diffs (-diff, binary), add filters, change line endings.</summary>
    GitAttributes,

    /// <summary>A PackageReference, PackageVersion or GlobalPackageReference line added or removed: new code and build logic from a package.</summary>
    PackageReference,

    /// <summary>A symbolic link added or retargeted: what it points to is not what the diff shows at its path.</summary>
    SymbolicLink,

    /// <summary>global.json or dotnet-tools.json: which SDK, MSBuild SDKs and local tools the build uses.</summary>
    Toolchain,
}
