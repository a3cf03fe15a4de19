using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Checkpoint.Testing;

/// <summary>
/// Runs a real executable (git, ssh-keygen, dotnet, the installed checkpoint) with its arguments as
/// a list, never through a shell. The child starts from <see cref="ProcessEnvironment.Local"/> with
/// the caller's changes on top; it is killed, with everything it started, when it outlives its time.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Long enough for a cold restore and build on a busy two-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="fileName"/> and returns however it ended.</summary>
    /// <param name="environment">Changes to <see cref="ProcessEnvironment.Local"/>: a value sets a variable, null removes it.</param>
    /// <exception cref="TimeoutException">It ran past <paramref name="timeout"/>; the message has the command and its output so far.</exception>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        ProcessInput? input = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach ((var name, var value) in ProcessEnvironment.Local(environment))
        {
            if (value is not null)
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = CommandLine(fileName, startInfo.ArgumentList);
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"`{commandLine}` could not start in {workingDirectory}: {ex.Message}", ex);
        }

        var combined = new StringBuilder();
        var standardOutput = new MemoryStream();
        var standardError = new MemoryStream();
        var pumps = new[]
        {
            Pump(process.StandardOutput.BaseStream, standardOutput, combined),
            Pump(process.StandardError.BaseStream, standardError, combined),
        };
        var writer = Task.Run(() => WriteInput(process.StandardInput.BaseStream, input));

        // The pipes close when the child and everything it started are gone: wait for both.
        var exited = process.WaitForExit(limit);
        if (!exited || !Task.WaitAll(pumps, Remaining(limit, watch)))
        {
            Kill(process);
            Task.WaitAll(pumps, TimeSpan.FromSeconds(10));
            var what = exited ? "exited, but a process it started still held its output open after" : "did not finish within";
            throw new TimeoutException($"`{commandLine}` in {workingDirectory} {what} {limit}, and was killed with everything it started.\n{Snapshot(combined)}");
        }

        process.WaitForExit();
        if (Task.WaitAny([writer], TimeSpan.FromSeconds(10)) == 0)
        {
            // A writer that failed (not for a closed pipe) is the caller's bug: say so, not the child's exit code.
            writer.GetAwaiter().GetResult();
        }

        watch.Stop();
        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, standardOutput.ToArray(), Encoding.UTF8.GetString(standardError.ToArray()), Snapshot(combined), watch.Elapsed);
    }

    /// <summary>Runs <paramref name="fileName"/> and returns its result when it exits with 0.</summary>
    /// <exception cref="InvalidOperationException">It exited with another code; the message has the command line and its output.</exception>
    public static ProcessResult RunChecked(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        ProcessInput? input = null) =>
        Run(fileName, arguments, workingDirectory, environment, timeout, input).EnsureSucceeded();

    private static async Task Pump(Stream source, MemoryStream raw, StringBuilder combined)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var buffer = new byte[16 * 1024];
        var characters = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            raw.Write(buffer, 0, read);
            var decoded = decoder.GetChars(buffer, 0, read, characters, 0, flush: false);
            lock (combined)
            {
                combined.Append(characters, 0, decoded);
            }
        }
    }

    private static void WriteInput(Stream stream, ProcessInput? input)
    {
        try
        {
            input?.WriteTo(stream);
        }
        catch (IOException)
        {
            // The child exited (or closed its input) before reading all of it; its exit code tells.
        }
        finally
        {
            // Closed even when the writer throws, so the child sees the end of its input and exits.
            try
            {
                stream.Close();
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    private static TimeSpan Remaining(TimeSpan limit, Stopwatch watch)
    {
        var remaining = limit - watch.Elapsed;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private static string Snapshot(StringBuilder combined)
    {
        lock (combined)
        {
            return combined.ToString();
        }
    }

    private static string CommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
