using System;

namespace Checkpoint.Tool;

/// <summary>
/// A problem with the user's input or environment (missing repository, bad key path, malformed
/// policy, ssh-keygen failing). The top level prints <see cref="Exception.Message"/> as one line
/// on stderr and exits with <see cref="ExitCodes.UsageOrEnvironment"/>: never a stack trace.
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
}
