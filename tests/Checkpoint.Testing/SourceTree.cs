namespace Checkpoint.Testing;

/// <summary>The Checkpoint source tree the tests run from: the folder that holds Checkpoint.Analyzers.sln.</summary>
public static class SourceTree
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The full path of the folder that holds Checkpoint.Analyzers.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the source tree, from its parts: <c>SourceTree.Path("docs", "rules")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The text of a file under the source tree, named by its '/'-separated relative path.</summary>
    public static string ReadText(string relativePath) => File.ReadAllText(Path(relativePath.Split('/')));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Checkpoint.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Checkpoint.Analyzers.sln not found above " + AppContext.BaseDirectory + ": run the tests and benchmarks from the source tree.");
    }
}
