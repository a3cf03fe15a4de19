using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>A line of a catalogue file that could not be understood.</summary>
internal sealed class CatalogueProblem(string path, int line, TextSpan span, LinePositionSpan lineSpan, string message)
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public string Message { get; } = message;

    public Location Location { get; } = Location.Create(path, span, lineSpan);
}
