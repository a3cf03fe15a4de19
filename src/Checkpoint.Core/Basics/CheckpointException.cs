using System;

namespace Checkpoint.Core.Basics;

/// <summary>A step of the gate could not produce an answer; <see cref="Code"/> is the rule that fails the build.</summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public CheckpointException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>One of <see cref="GateCodes"/>.</summary>
    public string Code { get; }
}
