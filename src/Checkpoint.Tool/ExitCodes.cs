namespace Checkpoint.Tool;

/// <summary>The exit codes CI scripts rely on. They are part of the tool's contract (docs/tool.md).</summary>
internal static class ExitCodes
{
    /// <summary>The gate passed (approved, or not gated), or the command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// The gate's verdict is a failure, or the command refused: an approval by a key or principal the
    /// base does not trust, without the typed confirmation; init with every file already there;
    /// baseline --check with a baseline that would change.
    /// </summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, or the environment kept the command from running (no repo, no key, no ssh-keygen, CHK106).</summary>
    public const int UsageOrEnvironment = 2;
}
