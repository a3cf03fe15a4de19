using System.Diagnostics;

namespace Checkpoint.Benchmarks.Digest;

/// <summary>
/// The floor for benchmark 3: the least work any digest of the diff must do. git lists the changed
/// blobs, streams them out, and one sha256sum hashes every byte, all in one shell pipeline.
/// </summary>
public static class DigestFloor
{
    private const string Pipeline =
        "set -euo pipefail; " +
        "git diff-tree -r --raw --no-renames \"$1\" \"$2\" " +
        "| awk '{ if ($3 !~ /^0+$/) print $3; if ($4 !~ /^0+$/) print $4 }' " +
        "| git cat-file --batch | sha256sum";

    /// <returns>sha256sum's output line.</returns>
    public static string Run(SyntheticRepository repository)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = repository.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Pipeline, "floor", repository.BaseCommit, repository.HeadCommit })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The git floor pipeline failed: {error.Result.Trim()}");
        }

        return output.Trim();
    }
}
