using System;

namespace Checkpoint.Tool;

/// <summary>The result of a finished child process.</summary>
internal sealed record ChildProcessResult(int ExitCode, string Output, string Error, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The last non-empty line of stderr (or stdout), for a one-line error message.</summary>
    public string LastLine()
    {
        var text = Error.Trim().Length > 0 ? Error : Output;
        var lines = text.Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries);
        return lines.Length > 0 ? lines[lines.Length - 1].Trim() : $"exit code {ExitCode}";
    }
}
