namespace Checkpoint.Testing;

/// <summary>Throwaway folders under the temp folder, deleted on a best-effort basis.</summary>
public static class ScratchFolder
{
    /// <summary>A new empty folder named <paramref name="prefix"/> plus a random suffix.</summary>
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Deletes <paramref name="path"/> and everything under it, read-only files included; a leftover temp folder never fails a test.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (!Directory.Exists(path))
            {
                return;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        if (Directory.Exists(path) && !OperatingSystem.IsWindows())
        {
            // .NET cannot name files whose names are not UTF-8 (the awkward-path tests make some); rm can.
            ProcessRunner.Run("rm", ["-rf", "--", path], Path.GetTempPath(), timeout: TimeSpan.FromMinutes(2));
        }
    }
}
