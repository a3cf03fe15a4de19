using System.Diagnostics;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>Runs real executables (git, ssh-keygen, dotnet, the installed checkpoint) for the tests.</summary>
internal static class ProcessRun
{
    /// <summary>CI variables of the machine running the tests must not leak into "local" scenarios.</summary>
    private static readonly string[] CiVariablePrefixes = ["GITHUB_", "SYSTEM_", "BUILD_", "CI_", "GITLAB_", "TF_", "RUNNER_"];

    private static readonly string[] CiVariables = ["CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "CHECKPOINT_AGENT", "CHECKPOINT_REVIEW_BUILD", "GIT_DIR", "GIT_WORK_TREE", "NO_COLOR"];

    /// <summary>The real environment minus CI variables, with git identities pinned, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> LocalEnvironment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (CiVariables.Contains(name) || CiVariablePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            environment[name] = entry.Value as string;
        }

        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    public static ProcessOutcome Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? input = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in environment ?? LocalEnvironment())
        {
            if (value != null)
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo)!;
        if (input != null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", arguments)} did not finish");
        }

        process.WaitForExit();
        return new ProcessOutcome(process.ExitCode, output.Result, error.Result);
    }

    public static ProcessOutcome RunChecked(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var outcome = Run(fileName, arguments, workingDirectory, environment, timeout);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(" ", arguments)} failed:\n{outcome}");
        }

        return outcome;
    }
}
