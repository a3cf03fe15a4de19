using System.Diagnostics;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>The real ssh-keygen, run in a throwaway directory. Tests that cross-check against OpenSSH use it.</summary>
internal static class OpenSsh
{
    public static (int ExitCode, string Output) Run(string workingDirectory, byte[]? standardInput, params string[] arguments) =>
        Run(workingDirectory, standardInput, timeZone: null, arguments);

    /// <param name="timeZone">A POSIX TZ value for ssh-keygen, which reads allowed_signers times without Z in local time.</param>
    public static (int ExitCode, string Output) Run(string workingDirectory, byte[]? standardInput, string? timeZone, params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timeZone is not null)
        {
            start.Environment["TZ"] = timeZone;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ssh-keygen did not start");
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("ssh-keygen " + string.Join(' ', arguments) + " did not finish in 30 s");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
