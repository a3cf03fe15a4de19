using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Checkpoint.Tool
{
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

                Task<string> output = process.StandardOutput.ReadToEndAsync();
                Task<string> error = inheritStandardError ? Task.FromResult(string.Empty) : process.StandardError.ReadToEndAsync();
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
}
