using System;

namespace Checkpoint.Core.Policy;

/// <summary><c>.checkpoint/policy.json</c> is malformed; the message is one line naming the file and the problem.</summary>
public sealed class PolicyFormatException : Exception
{
    public PolicyFormatException(string message)
        : base(message)
    {
    }

    public PolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
