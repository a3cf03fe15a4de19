namespace Checkpoint.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI the way CI would, one build at a time, with no lingering nodes.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var all = new List<string>(arguments);
        if (arguments.Length > 0 && arguments[0] is "build" or "pack" or "restore")
        {
            all.AddRange(["-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"]);
        }

        return ProcessRunner.Run("dotnet", all, workingDirectory, environment, Timeout);
    }
}
