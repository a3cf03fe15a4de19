namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>The Checkpoint source tree the tests run from, for the docs they hold the product to.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Find();

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Checkpoint.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Checkpoint.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
