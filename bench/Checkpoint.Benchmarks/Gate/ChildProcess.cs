using System.Diagnostics;

namespace Checkpoint.Benchmarks.Gate;

/// <summary>Runs git, ssh-keygen and dotnet for the build benchmark with an environment it controls.</summary>
public static class ChildProcess
{
    public static ChildResult Run(string fileName, string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        return new ChildResult(process.ExitCode, output + error.Result, watch.Elapsed);
    }

    public static string RunChecked(string fileName, string directory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var result = Run(fileName, directory, environment, arguments);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{Tail(result.Output)}");
        }

        return result.Output;
    }

    public static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
