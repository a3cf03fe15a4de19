namespace Checkpoint.Analyzers.Tests.Infrastructure;

/// <summary>build/Checkpoint.Attributes.cs: the source the package adds to every consumer compilation.</summary>
internal static class CheckpointAttributesSource
{
    public const string FileName = "Checkpoint.Attributes.cs";

    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(CheckpointAttributesSource).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException("The attribute source is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
