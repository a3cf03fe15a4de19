namespace Checkpoint.DocumentationGenerator;

/// <summary>The Checkpoint source tree: the folder that holds Checkpoint.Analyzers.sln.</summary>
public static class SourceTreeRoot
{
    public static string? Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Checkpoint.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The tree above the generator's assembly.</summary>
    public static string Find() =>
        Above(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Checkpoint.Analyzers.sln not found above " + AppContext.BaseDirectory);
}
