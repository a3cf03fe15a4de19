using System;

namespace Checkpoint.Core.Approvals;

/// <summary>An approval manifest could not be parsed; the message is one line saying what is wrong.</summary>
public sealed class ApprovalFormatException : Exception
{
    public ApprovalFormatException(string message)
        : base(message)
    {
    }

    public ApprovalFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
