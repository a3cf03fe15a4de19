namespace Checkpoint.Core.Signatures;

/// <summary>A line of an allowed_signers file that could not be used. Such a line never grants trust.</summary>
public sealed class AllowedSignersError
{
    internal AllowedSignersError(int lineNumber, string message)
    {
        LineNumber = lineNumber;
        Message = message;
    }

    /// <summary>One-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>One line: <c>{sourceName}:{line}: what is wrong</c>.</summary>
    public string Message { get; }

    public override string ToString() => Message;
}
