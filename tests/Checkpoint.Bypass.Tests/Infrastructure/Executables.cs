namespace Checkpoint.Bypass.Tests.Infrastructure;

internal static class Executables
{
    /// <summary>The full path of <paramref name="name"/> on this process's PATH, or null.</summary>
    public static string? Find(string name, string? path = null)
    {
        foreach (var directory in (path ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
