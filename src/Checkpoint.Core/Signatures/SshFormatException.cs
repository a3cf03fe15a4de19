using System;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// Thrown when SSH key, signature or armor text is malformed. The message is one line that says
/// what is wrong and where, so it can be shown to an approver as is.
/// </summary>
public sealed class SshFormatException : Exception
{
    public SshFormatException()
        : base("Malformed SSH data.")
    {
    }

    public SshFormatException(string message)
        : base(message)
    {
    }

    public SshFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
