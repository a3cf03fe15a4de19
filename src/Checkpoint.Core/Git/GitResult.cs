using System.Text;

namespace Checkpoint.Core.Git;

/// <summary>What one git command printed and how it exited.</summary>
internal sealed class GitResult
{
    internal GitResult(int exitCode, byte[] output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    /// <summary>Standard output as raw bytes: paths in git output are bytes, not necessarily UTF-8.</summary>
    public byte[] Output { get; }

    /// <summary>Standard error, decoded as UTF-8.</summary>
    public string Error { get; }

    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard output decoded as UTF-8 with the trailing line break removed.</summary>
    public string OutputText => Encoding.UTF8.GetString(Output).TrimEnd('\n', '\r');
}
