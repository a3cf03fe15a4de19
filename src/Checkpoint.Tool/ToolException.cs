using System;

namespace Checkpoint.Tool;

/// <summary>
/// A problem with the user's input or environment (missing repository, bad key path, malformed
/// policy, ssh-keygen failing), or a refusal. The top level prints <see cref="Exception.Message"/>
/// as one line on stderr and exits with <see cref="ExitCode"/>: never a stack trace.
/// </summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message)
        : base(message)
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private ToolException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary><see cref="ExitCodes.UsageOrEnvironment"/>, or <see cref="ExitCodes.Failed"/> for a refusal.</summary>
    public int ExitCode { get; } = ExitCodes.UsageOrEnvironment;

    /// <summary>
    /// The command ran and declined to do what was asked (an approval by a key the base does not
    /// trust, say): exit code 1, like a failed gate, not 2.
    /// </summary>
    public static ToolException Refusal(string message) => new ToolException(message, ExitCodes.Failed);
}
