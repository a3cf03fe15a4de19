using System.Text;

namespace Checkpoint.Testing;

/// <summary>A finished child process: its exit code and what it wrote, each stream apart and both together.</summary>
public sealed class ProcessResult
{
    internal ProcessResult(string commandLine, string workingDirectory, int exitCode, byte[] standardOutputBytes, string standardError, string output, TimeSpan elapsed)
    {
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        StandardOutputBytes = standardOutputBytes;
        StandardOutput = Encoding.UTF8.GetString(standardOutputBytes);
        StandardError = standardError;
        Output = output;
        Elapsed = elapsed;
    }

    /// <summary>The command as a shell would show it (for messages only: it was never run through a shell).</summary>
    public string CommandLine { get; }

    public string WorkingDirectory { get; }

    public int ExitCode { get; }

    public bool Succeeded => ExitCode == 0;

    public string StandardOutput { get; }

    /// <summary>Standard output as the child wrote it, for output that need not be UTF-8 (<c>git ls-files -z</c>).</summary>
    public byte[] StandardOutputBytes { get; }

    public string StandardError { get; }

    /// <summary>Standard output and standard error interleaved in the order they arrived, as a console shows them.</summary>
    public string Output { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The last <paramref name="lines"/> lines of <see cref="Output"/>: where a long build log says what failed.</summary>
    public string OutputTail(int lines = 40) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    /// <summary>Returns this result when the process exited with 0.</summary>
    /// <exception cref="InvalidOperationException">It exited with another code; the message has the command line and its output.</exception>
    public ProcessResult EnsureSucceeded() =>
        Succeeded ? this : throw new InvalidOperationException($"`{CommandLine}` failed with exit code {ExitCode}.\n{this}");

    public override string ToString() =>
        $"$ {CommandLine}\n(in {WorkingDirectory}, exit {ExitCode})\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
