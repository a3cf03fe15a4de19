using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Checkpoint.Tool;

/// <summary>
/// Runs the external programs the tool drives other than git (Checkpoint.Core's GitCli runs
/// git): ssh-keygen, which holds or reaches the private key, and dotnet for review builds.
/// Arguments go through ArgumentList, never a shell.
/// </summary>
internal static class ChildProcess
{
    public static ChildProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool inheritStandardInput = false,
        bool inheritStandardError = false)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = !inheritStandardError,
            RedirectStandardInput = !inheritStandardInput,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (environment != null)
        {
            foreach (var (name, value) in environment)
            {
                if (value == null)
                {
                    startInfo.Environment.Remove(name);
                }
                else
                {
                    startInfo.Environment[name] = value;
                }
            }
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new ToolException($"could not start '{fileName}'");
        }
        catch (Win32Exception ex)
        {
            throw new ToolException($"could not run '{fileName}': {ex.Message} (is it installed and on PATH?)", ex);
        }

        using (process)
        {
            if (!inheritStandardInput)
            {
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = inheritStandardError ? Task.FromResult(string.Empty) : process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds)))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }

                process.WaitForExit();
                return new ChildProcessResult(-1, output.Result, error.Result, TimedOut: true);
            }

            process.WaitForExit();
            return new ChildProcessResult(process.ExitCode, output.Result, error.Result, TimedOut: false);
        }
    }
}
