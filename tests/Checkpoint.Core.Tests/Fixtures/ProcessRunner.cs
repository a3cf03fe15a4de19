using System.Diagnostics;
using System.Text;

namespace Checkpoint.Core.Tests.Fixtures;

/// <summary>Runs real git and ssh-keygen for the fixtures, with an environment the test controls.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, byte[] Output, string Error) Run(
        string fileName,
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        byte[]? input = null)
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

        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        startInfo.Environment["LC_ALL"] = "C";
        if (environment != null)
        {
            foreach (var pair in environment)
            {
                startInfo.Environment[pair.Key] = pair.Value;
            }
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            if (input != null)
            {
                process.StandardInput.BaseStream.Write(input);
            }

            process.StandardInput.Close();
        });
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        writer.Wait();
        return (process.ExitCode, output.ToArray(), error.Result);
    }

    public static string RunChecked(string fileName, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, byte[]? input = null)
    {
        var args = arguments.ToArray();
        var (exitCode, output, error) = Run(fileName, workingDirectory, args, environment, input);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(" ", args)} failed ({exitCode}): {error}");
        }

        return Encoding.UTF8.GetString(output).TrimEnd('\n');
    }
}
