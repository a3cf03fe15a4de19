using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Checkpoint.Core.Git;

/// <summary>
/// One long-lived git process fed requests on its standard input (<c>cat-file --batch</c>,
/// <c>diff-tree --stdin</c>): its pipes, its error text, and how it is closed. The reader that owns
/// it decides what the requests and answers are.
/// </summary>
internal sealed class GitPipe : IDisposable
{
    private readonly Task<string> _error;

    private GitPipe(Process process, Stream output)
    {
        Process = process;
        Input = process.StandardInput.BaseStream;
        Output = output;
        _error = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public Stream Input { get; }

    /// <summary>git's standard output, as the owner wrapped it (buffered: the pipe stream itself is not).</summary>
    public Stream Output { get; }

    /// <summary>Starts git with <paramref name="arguments"/>; <paramref name="wrapOutput"/> buffers its standard output.</summary>
    /// <exception cref="GitException">git could not be started.</exception>
    public static GitPipe Start(GitCli cli, IReadOnlyList<string> arguments, bool withoutIndex, Func<Stream, Stream> wrapOutput)
    {
        var process = cli.Start(arguments, redirectInput: true, withoutIndex);
        return new GitPipe(process, wrapOutput(process.StandardOutput.BaseStream));
    }

    /// <summary>Writes a request and flushes it. A git that stopped reading is not an error here: the reader of its answers reports why.</summary>
    public void Write(byte[] request)
    {
        try
        {
            Input.Write(request, 0, request.Length);
            Input.Flush();
        }
        catch (IOException)
        {
            // git stopped reading; the reader reports why.
        }
        catch (ObjectDisposedException)
        {
            // The watchdog stopped git; the reader reports why.
        }
    }

    /// <summary>What git wrote to its standard error, once it has ended (empty if it has not within 2 s).</summary>
    public string ErrorText()
    {
        try
        {
            return _error.Wait(2000) ? _error.Result : string.Empty;
        }
        catch (AggregateException)
        {
            return string.Empty;
        }
    }

    /// <summary>Closes git's input, lets it end (or stops it after 5 s), and releases the pipes.</summary>
    public void Dispose()
    {
        try
        {
            Input.Dispose();
            if (!Process.WaitForExit(5000))
            {
                Process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // The pipe is already closed.
        }
        finally
        {
            Output.Dispose();
            Process.Dispose();
        }
    }
}
