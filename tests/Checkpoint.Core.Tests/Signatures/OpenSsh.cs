namespace Checkpoint.Core.Tests.Signatures;

/// <summary>The real ssh-keygen, run in a throwaway directory. Tests that cross-check against OpenSSH use it.</summary>
internal static class OpenSsh
{
    public static (int ExitCode, string Output) Run(string workingDirectory, byte[]? standardInput, params string[] arguments) =>
        Run(workingDirectory, standardInput, timeZone: null, arguments);

    /// <param name="timeZone">A POSIX TZ value for ssh-keygen, which reads allowed_signers times without Z in local time.</param>
    public static (int ExitCode, string Output) Run(string workingDirectory, byte[]? standardInput, string? timeZone, params string[] arguments)
    {
        var result = ProcessRunner.Run(
            "ssh-keygen",
            arguments,
            workingDirectory,
            timeZone is null ? null : new Dictionary<string, string?> { ["TZ"] = timeZone },
            TimeSpan.FromSeconds(30),
            standardInput);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
