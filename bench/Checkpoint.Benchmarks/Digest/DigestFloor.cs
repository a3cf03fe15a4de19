using Checkpoint.Testing;

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
        var result = ProcessRunner.Run("bash", ["-c", Pipeline, "floor", repository.BaseCommit, repository.HeadCommit], repository.Path, timeout: TimeSpan.FromMinutes(30));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The git floor pipeline failed: {result.StandardError.Trim()}");
        }

        return result.StandardOutput.Trim();
    }
}
