using System.Collections.Generic;

namespace Checkpoint.Tool;

/// <summary>
/// The exit codes CI scripts rely on. They are part of the tool's contract: <see cref="Meanings"/> is
/// printed by <c>checkpoint --help</c> and generated into docs/tool.md.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The gate passed (approved, or not gated), or the command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The gate's verdict is a failure, or the command refused (see <see cref="Meanings"/>).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, or the environment kept the command from running (no repo, no key, no ssh-keygen, CHK106).</summary>
    public const int UsageOrEnvironment = 2;

    public static IReadOnlyList<KeyValuePair<int, string>> Meanings { get; } = new[]
    {
        new KeyValuePair<int, string>(
            Success,
            "Pass: approved, or not gated; or the command did what was asked. Approving a digest you have already approved is 0 (nothing is signed twice)."),
        new KeyValuePair<int, string>(
            Failed,
            "The gate failed (verify: CHK100-CHK105, CHK107), or the command refused: approve with a key or principal the base's allowed_signers does not trust, or without the typed confirmation; init with every file already there; baseline --dry-run with a baseline that would change; audit with anything flagged; prune without the typed confirmation."),
        new KeyValuePair<int, string>(
            UsageOrEnvironment,
            "Usage or environment error: bad arguments, an unknown command, a missing folder or key, git missing or refusing the repository (CHK106), a folder outside git (verify cannot verify there), ssh-keygen failing, a malformed policy, a project baseline cannot compile, a shallow clone to audit, prune off a protected branch. Always one line on stderr, never a stack trace."),
    };
}
