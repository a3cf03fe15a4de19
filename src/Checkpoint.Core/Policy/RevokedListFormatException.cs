using System;

namespace Checkpoint.Core.Policy;

/// <summary><c>.checkpoint/revoked</c> is malformed; the message is one line naming the file, the line and the problem.</summary>
public sealed class RevokedListFormatException : Exception
{
    public RevokedListFormatException(string message)
        : base(message)
    {
    }

    public RevokedListFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
