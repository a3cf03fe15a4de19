namespace Checkpoint.Tool;

/// <summary>The exit codes CI scripts rely on. They are part of the tool's contract (docs/tool.md).</summary>
internal static class ExitCodes
{
    /// <summary>The gate passed (approved, or not gated), or the command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The gate's verdict is a failure, or an approval was refused.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, or the environment kept the command from running (no repo, no key, no ssh-keygen).</summary>
    public const int UsageOrEnvironment = 2;
}
